#include "text/TokenizerJsonOptions.h"

#include <nlohmann/json.hpp>

#include "text/ByteLevelBpe.h"
#include "text/UnicodeNormalization.h"

namespace rlhf::text {

namespace {

std::string shortDump(const nlohmann::json& j) { return j.dump().substr(0, 120); }

// model: {"type": "BPE", ...} with the options ByteLevelBpe implements; returns ignore_merges.
bool checkModel(const nlohmann::json& model, const std::string& path) {
    if (model.contains("type") && model["type"] != "BPE")
        throw TokenizerError(path + ": model.type " + model["type"].dump() + " is not supported (byte-level BPE only)");
    auto isUnset = [&](const char* key) {
        if (!model.contains(key) || model[key].is_null()) return true;
        const auto& v = model[key];
        return (v.is_string() && v.get<std::string>().empty()) || (v.is_boolean() && !v.get<bool>()) ||
               (v.is_number() && v.get<double>() == 0.0);
    };
    for (const char* key : {"dropout", "continuing_subword_prefix", "end_of_word_suffix", "byte_fallback"})
        if (!isUnset(key))
            throw TokenizerError(path + ": model." + key + " = " + model[key].dump() +
                                 " is not supported (byte-level BPE has none)");
    if (model.contains("ignore_merges") && !model["ignore_merges"].is_null() && !model["ignore_merges"].is_boolean())
        throw TokenizerError(path + ": model.ignore_merges must be true or false");
    return !isUnset("ignore_merges");
}

// Whether the normalizer is NFC (false: none).
bool checkNormalizer(const nlohmann::json& tokenizer, const std::string& path) {
    if (!tokenizer.contains("normalizer") || tokenizer["normalizer"].is_null()) return false;
    const auto& n = tokenizer["normalizer"];
    const auto isNfc = [](const nlohmann::json& j) { return j.is_object() && j.value("type", "") == "NFC"; };
    const bool sequence = n.is_object() && n.value("type", "") == "Sequence" && n.contains("normalizers") &&
                          n["normalizers"].is_array();
    if (sequence && n["normalizers"].empty()) return false;
    if (isNfc(n) || (sequence && n["normalizers"].size() == 1 && isNfc(n["normalizers"][0]))) {
        if (!nfcAvailable()) throw TokenizerError(path + ": normalizer NFC needs ICU, which this build lacks");
        return true;
    }
    throw TokenizerError(path + ": normalizer " + shortDump(n) + " is not supported (none or NFC only)");
}

bool flag(const nlohmann::json& step, const char* key, bool fallback, const std::string& where) {
    if (!step.contains(key) || step[key].is_null()) return fallback;
    if (!step[key].is_boolean()) throw TokenizerError(where + "." + key + " must be true or false");
    return step[key].get<bool>();
}

RegexSplitter splitStep(const nlohmann::json& step, const std::string& where) {
    if (step.value("behavior", "Isolated") != "Isolated")
        throw TokenizerError(where + ".behavior " + step["behavior"].dump() + " is not supported (Isolated only)");
    if (flag(step, "invert", false, where)) throw TokenizerError(where + ".invert = true is not supported");
    const auto& p = step.contains("pattern") ? step["pattern"] : nlohmann::json();
    const bool regex = p.is_object() && p.contains("Regex") && p["Regex"].is_string();
    if (!regex && !(p.is_object() && p.contains("String") && p["String"].is_string()))
        throw TokenizerError(where + ".pattern must be {\"Regex\": …} or {\"String\": …}");
    try {
        return RegexSplitter(p[regex ? "Regex" : "String"].get<std::string>(), !regex);
    } catch (const std::invalid_argument& e) {
        throw TokenizerError(where + ".pattern: " + e.what());
    }
}

// One pre-tokenizer step (`index` in its sequence) into `options`.
void addPreTokenizerStep(const nlohmann::json& step, size_t index, const std::string& where, TokenizerJsonOptions& options) {
    const std::string type = step.is_object() ? step.value("type", "") : "";
    if (type == "Split") {
        options.preTokenizer.push_back(splitStep(step, where));
        options.gpt2PreTokenizer = false;
    } else if (type == "Digits") {
        options.preTokenizer.emplace_back(flag(step, "individual_digits", false, where) ? R"(\p{N})" : R"(\p{N}+)");
        options.gpt2PreTokenizer = false;
    } else if (type == "ByteLevel") {
        if (flag(step, "use_regex", true, where)) options.preTokenizer.push_back(RegexSplitter::gpt2());
        options.addPrefixSpace = flag(step, "add_prefix_space", false, where);
        if (options.addPrefixSpace && index > 0)
            throw TokenizerError(where + ".add_prefix_space = true after another step is not supported");
    } else {
        throw TokenizerError(where + " " + shortDump(step) + " is not supported (Split, Digits and ByteLevel only)");
    }
}

void readPreTokenizer(const nlohmann::json& tokenizer, const std::string& path, TokenizerJsonOptions& options) {
    // Files written by hand (and the tests') may leave the pre-tokenizer out: GPT-2's is meant.
    if (!tokenizer.contains("pre_tokenizer") || tokenizer["pre_tokenizer"].is_null()) {
        options.preTokenizer.push_back(RegexSplitter::gpt2());
        return;
    }
    const auto& pre = tokenizer["pre_tokenizer"];
    const std::string where = path + ": pre_tokenizer";
    if (pre.is_object() && pre.value("type", "") == "Sequence") {
        if (!pre.contains("pretokenizers") || !pre["pretokenizers"].is_array())
            throw TokenizerError(where + ".pretokenizers must be a list");
        for (size_t i = 0; i < pre["pretokenizers"].size(); ++i)
            addPreTokenizerStep(pre["pretokenizers"][i], i, where + ".pretokenizers[" + std::to_string(i) + "]", options);
    } else {
        addPreTokenizerStep(pre, 0, where, options);
    }
    options.gpt2PreTokenizer = options.gpt2PreTokenizer && options.preTokenizer.size() == 1;
}

// TemplateProcessing's single-text template: [{"SpecialToken": {"id": X}} …, {"Sequence": {"id": "A"}}, …].
void readTemplate(const nlohmann::json& processor, const std::string& where, TokenizerJsonOptions& options) {
    if (!processor.contains("single") || !processor["single"].is_array())
        throw TokenizerError(where + ".single must be a list");
    const auto& specials = processor.contains("special_tokens") ? processor["special_tokens"] : nlohmann::json::object();
    bool afterText = false;
    for (const auto& item : processor["single"]) {
        if (item.contains("Sequence")) {
            afterText = true;
            continue;
        }
        const std::string id = item.contains("SpecialToken") ? item["SpecialToken"].value("id", "") : "";
        if (id.empty() || !specials.contains(id) || !specials[id].contains("ids") || !specials[id]["ids"].is_array())
            throw TokenizerError(where + ".single: " + shortDump(item) + " names no token of special_tokens");
        for (const auto& tokenId : specials[id]["ids"]) {
            if (!tokenId.is_number_integer()) throw TokenizerError(where + ".special_tokens." + id + ".ids must be ids");
            (afterText ? options.idsAfter : options.idsBefore).push_back(tokenId.get<int>());
        }
    }
}

void readPostProcessor(const nlohmann::json& processor, const std::string& where, TokenizerJsonOptions& options) {
    if (processor.is_null()) return;
    const std::string type = processor.is_object() ? processor.value("type", "") : "";
    if (type == "ByteLevel") return;
    if (type == "TemplateProcessing") return readTemplate(processor, where, options);
    if (type == "Sequence" && processor.contains("processors") && processor["processors"].is_array()) {
        for (size_t i = 0; i < processor["processors"].size(); ++i)
            readPostProcessor(processor["processors"][i], where + ".processors[" + std::to_string(i) + "]", options);
        return;
    }
    throw TokenizerError(where + " " + shortDump(processor) + " is not supported (ByteLevel and TemplateProcessing only)");
}


TokenizerJsonOptions readOptions(const nlohmann::json& tokenizer, const std::string& path) {
    TokenizerJsonOptions options;
    options.ignoreMerges = checkModel(tokenizer.at("model"), path);
    options.nfc = checkNormalizer(tokenizer, path);
    readPreTokenizer(tokenizer, path, options);
    if (tokenizer.contains("post_processor")) readPostProcessor(tokenizer["post_processor"], path + ": post_processor", options);
    return options;
}

}  // namespace

TokenizerJsonOptions tokenizerJsonOptions(const nlohmann::json& tokenizer, const std::string& path) {
    try {
        return readOptions(tokenizer, path);
    } catch (const nlohmann::json::exception& e) {  // a field of the wrong JSON type somewhere
        throw TokenizerError(path + ": " + e.what());
    }
}

}  // namespace rlhf::text
