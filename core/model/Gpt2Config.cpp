#include "model/Gpt2Config.h"

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace rlhf::model {

namespace {

int intField(const nlohmann::json& j, const char* name, const std::string& origin, bool required, int fallback,
             int minimum) {
    if (!j.contains(name) || j[name].is_null()) {
        if (required) throw std::invalid_argument(origin + ": missing field " + name);
        return fallback;
    }
    if (!j[name].is_number_integer())
        throw std::invalid_argument(origin + ": field " + name + " must be an integer, found " + j[name].dump());
    const long long v = j[name].get<long long>();
    if (v < minimum || v > (1 << 30))
        throw std::invalid_argument(origin + ": field " + name + " = " + std::to_string(v) + " is out of range");
    return static_cast<int>(v);
}

}  // namespace

double Gpt2Config::parameterCount() const {
    const double C = nEmbd, I = mlpWidth();
    const double perLayer = 2 * C + (3 * C * C + 3 * C) + (C * C + C) + 2 * C + (C * I + I) + (I * C + C);
    const double outputLayer = tieWordEmbeddings ? 0 : double(vocabSize) * C;
    return double(vocabSize) * C + double(nPositions) * C + nLayer * perLayer + 2 * C + outputLayer;
}

Gpt2Config Gpt2Config::fromJson(const nlohmann::json& j, const std::string& origin) {
    if (!j.is_object()) throw std::invalid_argument(origin + ": expected a JSON object");
    if (j.contains("model_type") && j["model_type"] != "gpt2")
        throw std::invalid_argument(origin + ": model_type " + j["model_type"].dump() + " is not supported (gpt2, llama, qwen2 and mamba are)");
    if (!j.contains("model_type") && !j.contains("n_positions") && !j.contains("n_ctx"))
        throw std::invalid_argument(origin + ": no model_type field (gpt2, llama, qwen2 or mamba), and no n_positions for a GPT-2");
    Gpt2Config c;
    if (j.contains("activation_function")) {
        static const std::set<std::string> supported = {"gelu_new", "gelu_pytorch_tanh", "gelu_fast", "gelu", "relu",
                                                        "silu",     "swish",             "quick_gelu"};
        const auto& a = j["activation_function"];
        if (!a.is_string() || !supported.count(a.get<std::string>()))
            throw std::invalid_argument(origin + ": activation_function " + a.dump() +
                                        " is not supported (gelu_new, gelu_pytorch_tanh, gelu_fast, gelu, relu, silu, "
                                        "swish or quick_gelu)");
        c.activation = a.get<std::string>();
    }
    c.vocabSize = intField(j, "vocab_size", origin, true, 0, 1);
    // Old configs name the context n_ctx only.
    c.nPositions = j.contains("n_positions") ? intField(j, "n_positions", origin, true, 0, 1) : intField(j, "n_ctx", origin, false, 0, 1);
    if (c.nPositions == 0) throw std::invalid_argument(origin + ": missing field n_positions");
    c.nEmbd = intField(j, "n_embd", origin, true, 0, 1);
    c.nLayer = intField(j, "n_layer", origin, true, 0, 1);
    c.nHead = intField(j, "n_head", origin, true, 0, 1);
    c.nInner = intField(j, "n_inner", origin, false, 0, 1);
    c.bosTokenId = intField(j, "bos_token_id", origin, false, c.vocabSize - 1, 0);
    c.eosTokenId = intField(j, "eos_token_id", origin, false, c.vocabSize - 1, 0);
    c.padTokenId = intField(j, "pad_token_id", origin, false, -1, 0);
    c.numLabels = j.contains("id2label") && j["id2label"].is_object() ? static_cast<int>(j["id2label"].size()) : 1;
    if (j.contains("layer_norm_epsilon")) {
        if (!j["layer_norm_epsilon"].is_number() || j["layer_norm_epsilon"].get<double>() <= 0)
            throw std::invalid_argument(origin + ": field layer_norm_epsilon must be a positive number");
        c.layerNormEpsilon = j["layer_norm_epsilon"].get<double>();
    }
    for (auto [key, field] : {std::pair{"scale_attn_weights", &c.scaleAttnWeights},
                              std::pair{"scale_attn_by_inverse_layer_idx", &c.scaleAttnByInverseLayerIdx},
                              std::pair{"tie_word_embeddings", &c.tieWordEmbeddings}}) {
        if (!j.contains(key)) continue;
        if (!j[key].is_boolean()) throw std::invalid_argument(origin + ": field " + key + " must be true or false");
        *field = j[key].get<bool>();
    }
    if (c.nEmbd % c.nHead != 0)
        throw std::invalid_argument(origin + ": n_embd " + std::to_string(c.nEmbd) + " is not divisible by n_head " +
                                    std::to_string(c.nHead));
    if (c.eosTokenId >= c.vocabSize) throw std::invalid_argument(origin + ": eos_token_id is outside the vocabulary");
    return c;
}

Gpt2Config Gpt2Config::fromFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::invalid_argument(path + ": cannot open");
    std::stringstream s;
    s << in.rdbuf();
    try {
        return fromJson(nlohmann::json::parse(s.str()), path);
    } catch (const nlohmann::json::parse_error& e) {
        throw std::invalid_argument(path + ": invalid JSON at byte " + std::to_string(e.byte));
    }
}

Activation Gpt2Config::activationKind() const {
    if (activation == "gelu") return Activation::GeluErf;
    if (activation == "relu") return Activation::Relu;
    if (activation == "silu" || activation == "swish") return Activation::Silu;
    if (activation == "quick_gelu") return Activation::QuickGelu;
    return Activation::GeluTanh;  // fromJson admits nothing else
}

nlohmann::json Gpt2Config::toJson(const std::string& architecture) const {
    nlohmann::json j = {
        {"architectures", {architecture}}, {"model_type", "gpt2"}, {"activation_function", activation},
        {"vocab_size", vocabSize},         {"n_positions", nPositions}, {"n_ctx", nPositions},
        {"n_embd", nEmbd},                 {"n_layer", nLayer},     {"n_head", nHead},
        {"n_inner", nInner > 0 ? nlohmann::json(nInner) : nlohmann::json(nullptr)},
        {"layer_norm_epsilon", layerNormEpsilon}, {"bos_token_id", bosTokenId}, {"eos_token_id", eosTokenId},
        {"pad_token_id", padTokenId >= 0 ? nlohmann::json(padTokenId) : nlohmann::json(nullptr)},
        {"attn_pdrop", 0.0}, {"embd_pdrop", 0.0}, {"resid_pdrop", 0.0}, {"initializer_range", 0.02},
        {"scale_attn_weights", scaleAttnWeights}, {"scale_attn_by_inverse_layer_idx", scaleAttnByInverseLayerIdx},
        {"tie_word_embeddings", tieWordEmbeddings}, {"use_cache", true},
        {"torch_dtype", "float32"}};
    if (architecture == "GPT2ForSequenceClassification") {
        j["num_labels"] = numLabels;
        nlohmann::json id2label = nlohmann::json::object(), label2id = nlohmann::json::object();
        for (int i = 0; i < numLabels; ++i) {
            id2label[std::to_string(i)] = "LABEL_" + std::to_string(i);
            label2id["LABEL_" + std::to_string(i)] = i;
        }
        j["id2label"] = id2label;
        j["label2id"] = label2id;
    }
    return j;
}

}  // namespace rlhf::model
