#include "model/MambaConfig.h"

#include <cmath>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "model/ConfigFields.h"

namespace rlhf::model {

namespace {

using nlohmann::json;

// time_step_rank: an integer, or "auto" (ceil(hidden_size / 16)).
int timeStepRankOf(const json& j, const std::string& origin, int hiddenSize) {
    if (!present(j, "time_step_rank") || j["time_step_rank"] == "auto") return (hiddenSize + 15) / 16;
    return intField(j, "time_step_rank", origin, 0);
}

// intermediate_size when config.json has it, else int(expand × hidden_size) as MambaConfig computes it.
int intermediateSizeOf(const json& j, const std::string& origin, int hiddenSize) {
    if (present(j, "intermediate_size")) return intField(j, "intermediate_size", origin, 0);
    const double expand = numberField(j, "expand", origin, 2);
    const double size = std::floor(expand * hiddenSize);
    if (size < 1 || size > (1 << 30)) throw std::invalid_argument(origin + ": field expand gives an intermediate size out of range");
    return static_cast<int>(size);
}

int optionalId(const json& j, const char* name, const std::string& origin, int fallback) {
    if (!j.contains(name)) return fallback;
    return j[name].is_null() ? -1 : intField(j, name, origin, -1, 0);
}

void checkSupported(const json& j, const std::string& origin) {
    const std::string type = j.value("model_type", std::string());
    if (!isMamba(type)) throw std::invalid_argument(origin + ": model_type '" + type + "' is not mamba");
    const std::string activation = j.value("hidden_act", std::string("silu"));
    if (activation != "silu" && activation != "swish")  // transformers' ACT2FN: swish is SiLU
        throw std::invalid_argument(origin + ": hidden_act '" + activation + "' is not supported (silu is)");
}

}  // namespace

bool isMamba(const std::string& modelType) { return modelType == "mamba"; }

MambaConfig MambaConfig::fromJson(const json& j, const std::string& origin) {
    if (!j.is_object()) throw std::invalid_argument(origin + ": not a JSON object");
    checkSupported(j, origin);
    MambaConfig c;
    c.vocabSize = intField(j, "vocab_size", origin, c.vocabSize);
    c.hiddenSize = intField(j, "hidden_size", origin, c.hiddenSize);
    c.stateSize = intField(j, "state_size", origin, c.stateSize);
    c.layers = intField(j, "num_hidden_layers", origin, c.layers);
    c.intermediateSize = intermediateSizeOf(j, origin, c.hiddenSize);
    c.convKernel = intField(j, "conv_kernel", origin, c.convKernel);
    c.timeStepRank = timeStepRankOf(j, origin, c.hiddenSize);
    c.layerNormEps = numberField(j, "layer_norm_epsilon", origin, c.layerNormEps);
    c.useBias = boolField(j, "use_bias", origin, c.useBias);
    c.useConvBias = boolField(j, "use_conv_bias", origin, c.useConvBias);
    c.tieWordEmbeddings = boolField(j, "tie_word_embeddings", origin, c.tieWordEmbeddings);
    c.initializerRange = numberField(j, "initializer_range", origin, c.initializerRange);
    c.timeStepScale = numberField(j, "time_step_scale", origin, c.timeStepScale);
    c.timeStepMin = numberField(j, "time_step_min", origin, c.timeStepMin);
    c.timeStepMax = numberField(j, "time_step_max", origin, c.timeStepMax);
    c.timeStepFloor = numberField(j, "time_step_floor", origin, c.timeStepFloor);
    c.rescalePrenormResidual = boolField(j, "rescale_prenorm_residual", origin, c.rescalePrenormResidual);
    c.eosTokenIds = j.contains("eos_token_id") ? idList(j, "eos_token_id", origin) : c.eosTokenIds;
    c.bosTokenId = optionalId(j, "bos_token_id", origin, c.bosTokenId);
    c.padTokenId = optionalId(j, "pad_token_id", origin, c.padTokenId);
    for (int id : c.eosTokenIds)
        if (id >= c.vocabSize) throw std::invalid_argument(origin + ": eos_token_id " + std::to_string(id) + " is outside the vocabulary");
    return c;
}

MambaConfig MambaConfig::fromDirectory(const std::string& dir) {
    const std::string path = dir + "/config.json";
    MambaConfig c = fromJson(readConfigJson(path), path);
    addGenerationEosIds(dir, c.eosTokenIds, c.vocabSize);
    return c;
}

double MambaConfig::parameterCount() const {
    const double C = hiddenSize, I = intermediateSize, N = stateSize, K = convKernel, R = timeStepRank;
    const double mixer = 2 * I * C + I * K + I * (R + 2 * N) + I * R + I + I * N + I + C * I +
                         (useConvBias ? I : 0) + (useBias ? 2 * I + C : 0);
    const double embeddings = double(vocabSize) * C * (tieWordEmbeddings ? 1 : 2);
    return embeddings + layers * (mixer + C) + C;
}

json MambaConfig::toJson() const {
    const bool whole = intermediateSize % hiddenSize == 0;
    auto idOrNull = [](int id) { return id < 0 ? json(nullptr) : json(id); };
    return {{"architectures", {"MambaForCausalLM"}}, {"model_type", "mamba"}, {"vocab_size", vocabSize},
            {"hidden_size", hiddenSize}, {"state_size", stateSize}, {"num_hidden_layers", layers},
            {"intermediate_size", intermediateSize},
            {"expand", whole ? json(intermediateSize / hiddenSize) : json(double(intermediateSize) / hiddenSize)},
            {"conv_kernel", convKernel}, {"time_step_rank", timeStepRank}, {"layer_norm_epsilon", layerNormEps},
            {"use_bias", useBias}, {"use_conv_bias", useConvBias}, {"hidden_act", "silu"}, {"residual_in_fp32", true},
            {"tie_word_embeddings", tieWordEmbeddings}, {"initializer_range", initializerRange},
            {"time_step_scale", timeStepScale}, {"time_step_min", timeStepMin}, {"time_step_max", timeStepMax},
            {"time_step_init_scheme", "random"}, {"time_step_floor", timeStepFloor},
            {"rescale_prenorm_residual", rescalePrenormResidual}, {"use_cache", true},
            {"bos_token_id", idOrNull(bosTokenId)}, {"pad_token_id", idOrNull(padTokenId)},
            {"eos_token_id", eosTokenIds.empty() ? json(nullptr) : eosTokenIds.size() == 1 ? json(eosTokenIds[0]) : json(eosTokenIds)}};
}

}  // namespace rlhf::model
