#include "model/LlamaConfig.h"

#include <cmath>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "model/ConfigFields.h"

namespace rlhf::model {

namespace {

using nlohmann::json;

// YaRN's cos/sin multiplier when attention_factor is not given (transformers' get_mscale).
double yarnMscale(double scale, double mscale) { return scale <= 1 ? 1.0 : 0.1 * mscale * std::log(scale) + 1.0; }

// An optional YaRN number that transformers reads as `value or default`: null, absent and 0 all mean the
// default. Throws for a value that is not a number, or negative.
double numberOrDefault(const json& s, const char* name, const std::string& where, double fallback) {
    if (!present(s, name)) return fallback;
    if (!s[name].is_number()) throw std::invalid_argument(where + ": field " + name + " must be a number, found " + s[name].dump());
    const double v = s[name].get<double>();
    if (v < 0) throw std::invalid_argument(where + ": field " + name + " must not be negative");
    return v == 0 ? fallback : v;
}

// YaRN's fields as the newest transformers reads them (_compute_yarn_parameters): factor is required, and
// only when it is null does max_position_embeddings / original_max_position_embeddings take its place;
// original_max_position_embeddings defaults to max_position_embeddings; "truncate": null truncates nothing.
void readYarn(const json& s, const std::string& where, int maxPositions, RopeScaling& r) {
    if (!s.contains("factor")) throw std::invalid_argument(where + ": missing field factor (null: max_position_embeddings / original_max_position_embeddings)");
    r.originalMaxPositions = numberField(s, "original_max_position_embeddings", where, maxPositions);
    if (!present(s, "factor")) r.factor = maxPositions / r.originalMaxPositions;
    r.betaFast = numberOrDefault(s, "beta_fast", where, 32);
    r.betaSlow = numberOrDefault(s, "beta_slow", where, 1);
    r.truncate = s.contains("truncate") && s["truncate"].is_null() ? false : boolField(s, "truncate", where, true);
    const double mscale = numberOrDefault(s, "mscale", where, 0), mscaleAllDim = numberOrDefault(s, "mscale_all_dim", where, 0);
    if (present(s, "attention_factor")) r.attentionFactor = numberField(s, "attention_factor", where, 1);
    else if (mscale != 0 && mscaleAllDim != 0) r.attentionFactor = yarnMscale(r.factor, mscale) / yarnMscale(r.factor, mscaleAllDim);
    else r.attentionFactor = yarnMscale(r.factor, 1);
}

// rope_scaling, or rope_parameters (newer transformers: rope_theta and the scaling in one object).
RopeScaling ropeScalingOf(const json& j, const std::string& origin, int maxPositions) {
    RopeScaling r;
    const char* key = present(j, "rope_parameters") ? "rope_parameters" : "rope_scaling";
    if (!present(j, key)) return r;
    const json& s = j[key];
    const std::string where = origin + ": " + key;
    if (!s.is_object()) throw std::invalid_argument(where + " must be an object or null");
    const char* typeKey = s.contains("type") ? "type" : "rope_type";  // transformers lets the older name win
    r.type = s.value(typeKey, std::string("default"));
    if (r.type == "default") return r;
    if (r.type != "linear" && r.type != "dynamic" && r.type != "llama3" && r.type != "yarn")
        throw std::invalid_argument(where + ": rope_type '" + r.type + "' is not supported (default, linear, dynamic, llama3 and yarn are)");
    r.factor = numberField(s, "factor", where, 0);
    if (r.type == "yarn") {
        readYarn(s, where, maxPositions, r);
        return r;
    }
    if (r.factor <= 0) throw std::invalid_argument(where + ": missing field factor");
    if (r.type == "llama3") {
        r.lowFreqFactor = numberField(s, "low_freq_factor", where, 1);
        r.highFreqFactor = numberField(s, "high_freq_factor", where, 4);
        r.originalMaxPositions = numberField(s, "original_max_position_embeddings", where, 8192);
        if (r.highFreqFactor <= r.lowFreqFactor) throw std::invalid_argument(where + ": high_freq_factor must exceed low_freq_factor");
    }
    return r;
}

int scoreLabelsOf(const json& j, const std::string& origin) {
    bool classifier = false;
    if (present(j, "architectures") && j["architectures"].is_array())
        for (const auto& a : j["architectures"])
            classifier = classifier || (a.is_string() && a.get<std::string>().find("ForSequenceClassification") != std::string::npos);
    if (!classifier) return 0;
    if (!present(j, "id2label")) return intField(j, "num_labels", origin, 2);
    if (!j["id2label"].is_object() || j["id2label"].empty())
        throw std::invalid_argument(origin + ": id2label must be an object with one entry per label");
    return static_cast<int>(j["id2label"].size());
}

}  // namespace

bool isLlamaFamily(const std::string& modelType) { return modelType == "llama" || modelType == "qwen2"; }

LlamaConfig LlamaConfig::fromJson(const json& j, const std::string& origin) {
    if (!j.is_object()) throw std::invalid_argument(origin + ": not a JSON object");
    LlamaConfig c;
    c.modelType = j.value("model_type", std::string());
    if (!isLlamaFamily(c.modelType))
        throw std::invalid_argument(origin + ": model_type '" + c.modelType + "' is not of the Llama family (llama, qwen2)");
    const std::string activation = j.value("hidden_act", std::string("silu"));
    if (activation != "silu") throw std::invalid_argument(origin + ": hidden_act '" + activation + "' is not supported (silu is)");
    if (j.contains("use_sliding_window") && j["use_sliding_window"].is_boolean() && j["use_sliding_window"].get<bool>())
        throw std::invalid_argument(origin + ": use_sliding_window is not supported (attention over the whole context is)");
    if (present(j, "partial_rotary_factor") && j["partial_rotary_factor"] != 1)
        throw std::invalid_argument(origin + ": partial_rotary_factor is not supported (rotary over the whole head is)");
    c.vocabSize = intField(j, "vocab_size", origin, c.vocabSize);
    c.hiddenSize = intField(j, "hidden_size", origin, c.hiddenSize);
    c.intermediateSize = intField(j, "intermediate_size", origin, c.intermediateSize);
    c.layers = intField(j, "num_hidden_layers", origin, c.layers);
    c.heads = intField(j, "num_attention_heads", origin, c.heads);
    // transformers' defaults when config.json leaves it out: Qwen2Config 32, LlamaConfig the query heads.
    c.kvHeads = intField(j, "num_key_value_heads", origin, c.modelType == "qwen2" ? 32 : c.heads);
    if (!present(j, "head_dim") && c.hiddenSize % c.heads != 0)
        throw std::invalid_argument(origin + ": hidden_size is not a multiple of num_attention_heads (give head_dim)");
    c.headDim = intField(j, "head_dim", origin, c.hiddenSize / c.heads);
    if (c.heads % c.kvHeads != 0) throw std::invalid_argument(origin + ": num_attention_heads is not a multiple of num_key_value_heads");
    if (c.headDim % 2 != 0) throw std::invalid_argument(origin + ": head_dim must be even (rotary pairs)");
    c.maxPositions = intField(j, "max_position_embeddings", origin, c.modelType == "qwen2" ? 32768 : c.maxPositions);  // Qwen2Config's, LlamaConfig's
    c.rmsNormEps = numberField(j, "rms_norm_eps", origin, c.rmsNormEps);
    c.ropeTheta = numberField(j, "rope_theta", origin, c.ropeTheta);
    if (present(j, "rope_parameters") && j["rope_parameters"].is_object())
        c.ropeTheta = numberField(j["rope_parameters"], "rope_theta", origin + ": rope_parameters", c.ropeTheta);
    c.ropeScaling = ropeScalingOf(j, origin, c.maxPositions);
    c.tieWordEmbeddings = boolField(j, "tie_word_embeddings", origin, false);
    const bool qwen2 = c.modelType == "qwen2";
    c.qkvBias = qwen2 || boolField(j, "attention_bias", origin, false);
    c.outputBias = !qwen2 && boolField(j, "attention_bias", origin, false);
    c.mlpBias = !qwen2 && boolField(j, "mlp_bias", origin, false);
    // LlamaConfig's default eos_token_id is 2 (an explicit null means none).
    c.eosTokenIds = !j.contains("eos_token_id") && !qwen2 ? std::vector<int>{2} : idList(j, "eos_token_id", origin);
    c.bosTokenId = present(j, "bos_token_id") ? intField(j, "bos_token_id", origin, -1, 0) : -1;
    c.padTokenId = present(j, "pad_token_id") ? intField(j, "pad_token_id", origin, -1, 0) : -1;
    c.scoreLabels = scoreLabelsOf(j, origin);
    for (int id : c.eosTokenIds)
        if (id >= c.vocabSize) throw std::invalid_argument(origin + ": eos_token_id " + std::to_string(id) + " is outside the vocabulary");
    return c;
}

LlamaConfig LlamaConfig::fromDirectory(const std::string& dir) {
    const std::string path = dir + "/config.json";
    LlamaConfig c = fromJson(readConfigJson(path), path);
    addGenerationEosIds(dir, c.eosTokenIds, c.vocabSize);
    return c;
}

double LlamaConfig::parameterCount() const {
    const double C = hiddenSize, I = intermediateSize, q = double(heads) * headDim, kv = double(kvHeads) * headDim;
    const double attention = C * q + 2 * C * kv + q * C + (qkvBias ? q + 2 * kv : 0) + (outputBias ? C : 0);
    const double mlp = 3 * C * I + (mlpBias ? 2 * I + C : 0);
    // A sequence classifier has a score head in place of an output layer.
    const double embeddings = double(vocabSize) * C * (tieWordEmbeddings || scoreLabels ? 1 : 2) + double(scoreLabels) * C;
    return embeddings + layers * (attention + mlp + 2 * C) + C;
}

std::string modelTypeOf(const std::string& dir) {
    try {
        const json j = readConfigJson(dir + "/config.json");
        return j.is_object() ? j.value("model_type", std::string()) : std::string();
    } catch (const std::exception&) {
        return "";
    }
}

}  // namespace rlhf::model
