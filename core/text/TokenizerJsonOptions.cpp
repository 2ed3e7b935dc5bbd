#include "text/TokenizerJsonOptions.h"

#include <nlohmann/json.hpp>

#include "text/ByteLevelBpe.h"

namespace rlhf::text {

namespace {

// model: {"type": "BPE", ...} with the options that leave GPT-2's BPE as it is.
void checkModel(const nlohmann::json& model, const std::string& path) {
    if (model.contains("type") && model["type"] != "BPE")
        throw TokenizerError(path + ": model.type " + model["type"].dump() + " is not supported (byte-level BPE only)");
    auto isUnset = [&](const char* key) {
        if (!model.contains(key) || model[key].is_null()) return true;
        const auto& v = model[key];
        return (v.is_string() && v.get<std::string>().empty()) || (v.is_boolean() && !v.get<bool>()) ||
               (v.is_number() && v.get<double>() == 0.0);
    };
    for (const char* key : {"dropout", "continuing_subword_prefix", "end_of_word_suffix", "byte_fallback", "ignore_merges"})
        if (!isUnset(key))
            throw TokenizerError(path + ": model." + key + " = " + model[key].dump() + " is not supported (GPT-2's BPE has none)");
}

// The ByteLevel pre-tokenizer's options, from it alone or from a Sequence holding only it.
ByteLevelOptions checkPreTokenizer(const nlohmann::json& pre, const std::string& path) {
    const nlohmann::json* byteLevel = &pre;
    if (pre.is_object() && pre.value("type", "") == "Sequence" && pre.contains("pretokenizers") &&
        pre["pretokenizers"].is_array() && pre["pretokenizers"].size() == 1)
        byteLevel = &pre["pretokenizers"][0];
    if (!byteLevel->is_object() || byteLevel->value("type", "") != "ByteLevel")
        throw TokenizerError(path + ": pre_tokenizer " + pre.dump().substr(0, 120) +
                             " is not supported (GPT-2's ByteLevel only)");
    auto flag = [&](const char* key, bool fallback) {
        if (!byteLevel->contains(key)) return fallback;
        if (!(*byteLevel)[key].is_boolean()) throw TokenizerError(path + ": pre_tokenizer." + key + " must be true or false");
        return (*byteLevel)[key].get<bool>();
    };
    if (!flag("use_regex", true))
        throw TokenizerError(path + ": pre_tokenizer.use_regex = false is not supported (GPT-2 splits with its regex)");
    ByteLevelOptions options;
    options.addPrefixSpace = flag("add_prefix_space", false);
    return options;
}

}  // namespace

ByteLevelOptions byteLevelOptionsFromTokenizerJson(const nlohmann::json& tokenizer, const std::string& path) {
    checkModel(tokenizer.at("model"), path);
    // No normalizer: null, or a Sequence of none.
    const nlohmann::json none = {{"type", "Sequence"}, {"normalizers", nlohmann::json::array()}};
    if (tokenizer.contains("normalizer") && !tokenizer["normalizer"].is_null() && tokenizer["normalizer"] != none)
        throw TokenizerError(path + ": normalizer " + tokenizer["normalizer"].dump().substr(0, 120) +
                             " is not supported (GPT-2 has none)");
    // Files written by hand (and the tests') may leave the pre-tokenizer out: GPT-2's is meant.
    if (!tokenizer.contains("pre_tokenizer") || tokenizer["pre_tokenizer"].is_null()) return {};
    return checkPreTokenizer(tokenizer["pre_tokenizer"], path);
}

}  // namespace rlhf::text
