#include "model/MemoryEstimate.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "model/Gpt2Config.h"
#include "model/LlamaConfig.h"
#include "model/MambaConfig.h"

namespace rlhf::model {

ModelShape modelShapeOf(const LlamaConfig& c) {
    return {"llama", c.vocabSize, c.hiddenSize, c.layers, c.heads, c.kvHeads, c.headDim, c.intermediateSize, c.maxPositions,
            c.parameterCount()};
}

ModelShape modelShapeOf(const MambaConfig& c) {
    ModelShape m{"mamba", c.vocabSize, c.hiddenSize, c.layers, 0, 0, 0, c.intermediateSize, kMambaEstimateContext, c.parameterCount()};
    m.stateSize = c.stateSize;
    m.convKernel = c.convKernel;
    return m;
}

ModelShape modelShapeOf(const std::string& dir) {
    const std::string type = modelTypeOf(dir);
    if (isLlamaFamily(type)) return modelShapeOf(LlamaConfig::fromDirectory(dir));
    if (isMamba(type)) return modelShapeOf(MambaConfig::fromDirectory(dir));
    const Gpt2Config c = Gpt2Config::fromFile(dir + "/config.json");
    return {"gpt2", c.vocabSize, c.nEmbd, c.nLayer, c.nHead, c.nHead, c.headSize(), c.mlpWidth(), c.nPositions,
            c.parameterCount()};
}

namespace {

// Values one token keeps per layer for the backward pass, attention scores of a sequence of T aside.
double valuesPerTokenLayer(const ModelShape& m) {
    if (m.family == "gpt2") return 16.0 * m.hidden;
    if (m.family == "mamba") return 2.0 * m.hidden + 9.0 * m.intermediate + 3.0 * m.intermediate * m.stateSize;
    return 6.0 * m.hidden + 2.0 * double(m.heads + m.kvHeads) * m.headDim + 3.0 * m.intermediate;
}

// What a trained pass over `sequences` × T keeps: layers' values, attention scores, and (lmHead) logits.
double trainingActivations(const ModelShape& m, double sequences, double T, bool bf16, bool lmHead) {
    const double perValue = bf16 ? 2.4 : 4.0;
    const double layers = sequences * T * m.layers * (valuesPerTokenLayer(m) + 2.0 * m.heads * T) * perValue;
    return layers + (lmHead ? 3.0 * sequences * T * m.vocab * 4.0 : 0.0);
}

// What an inference pass over `sequences` × T holds at once: one layer's values and the logits.
double inferenceActivations(const ModelShape& m, double sequences, double T) {
    return sequences * T * (valuesPerTokenLayer(m) + 2.0 * m.heads * T + 2.0 * m.vocab) * 4.0;
}

double kvCache(const ModelShape& m, double sequences, double tokens) {
    if (m.family == "mamba") return double(m.layers) * m.intermediate * double(m.stateSize + m.convKernel - 1) * sequences * 4.0;
    return 2.0 * m.layers * double(m.kvHeads) * m.headDim * sequences * tokens * 4.0;
}

// Bytes per weight and KV-cache value of a model that is only run: 2 for a Llama-family model with bf16
// weights, else 4 (GPT-2 and Mamba run in float32).
double inferenceBytes(const ModelShape& m, bool bf16) { return bf16 && m.family == "llama" ? 2.0 : 4.0; }

void addTrained(StageMemory& e, const ModelShape& m, bool bf16) {
    e.weights += 4 * m.parameters;
    e.gradients += 4 * m.parameters;
    e.optimizer += 8 * m.parameters;
    if (bf16) e.autocast += 2 * m.parameters;
}

}  // namespace

StageMemory estimateStageMemory(const ModelShape& m, const StageSize& size, const ModelShape* reward) {
    StageMemory e;
    e.stage = size.stage;
    e.recurrentState = m.family == "mamba";
    const double B = double(size.batch), T = double(size.sequence > 0 ? size.sequence : m.context);
    const std::string& s = size.stage;
    if (s == "sft" || s == "pretrain" || s == "rm") {
        addTrained(e, m, size.bf16);
        e.activations = trainingActivations(m, B, T, size.bf16, s != "rm");
    } else if (s == "dpo") {
        addTrained(e, m, size.bf16);  // no reference model: DpoRun scores the pairs with the policy before its first update
        e.activations = trainingActivations(m, 2 * B, T, size.bf16, true);
    } else if (s == "ppo") {
        if (!reward) throw std::invalid_argument("a PPO estimate needs the reward model's shape");
        addTrained(e, m, size.bf16);
        addTrained(e, *reward, size.bf16);                         // the value model starts from the reward model
        e.frozen = 4 * m.parameters + 4 * reward->parameters;      // reference and reward model
        const double total = T + double(size.newTokens);
        const double update = size.trainBatch > 0 ? double(size.trainBatch) : B;
        e.cache = kvCache(m, B, total);
        // The peak is the update's trained pass over a mini-batch, or the no-grad scoring pass over the whole
        // rollout batch, whose logits and log-softmax [B,T,V] are held at once (large for big vocabularies).
        const double updating = trainingActivations(m, update, total, size.bf16, true) + trainingActivations(*reward, update, total, size.bf16, false);
        e.activations = std::max(updating, inferenceActivations(m, B, total));
    } else if (s == "chat" || s == "generate") {
        e.weights = inferenceBytes(m, size.bf16) * m.parameters;
        e.cache = kvCache(m, B, T + double(size.newTokens)) * inferenceBytes(m, size.bf16) / 4.0;  // kvCache counts 4 bytes
        e.activations = inferenceActivations(m, B, T);
    } else if (s == "score") {
        e.weights = inferenceBytes(m, size.bf16) * m.parameters;
        e.activations = inferenceActivations(m, B, T);
    } else {
        throw std::invalid_argument("no memory estimate for stage '" + s + "' (sft, rm, dpo, ppo, pretrain, chat, generate, score)");
    }
    return e;
}

double availableMemoryBytes() {
    std::ifstream meminfo("/proc/meminfo");
    std::string key;
    double kib = 0;
    std::string unit;
    while (meminfo >> key >> kib >> unit)
        if (key == "MemAvailable:") return kib * 1024.0;
    return 0;
}

std::string gibibytes(double bytes) {
    constexpr double kib = 1024.0, mib = kib * 1024.0, gib = mib * 1024.0;
    char text[32];
    if (bytes >= gib || bytes <= 0) std::snprintf(text, sizeof text, "%.2f GiB", bytes / gib);
    else if (bytes >= mib) std::snprintf(text, sizeof text, "%.1f MiB", bytes / mib);
    else std::snprintf(text, sizeof text, "%.1f KiB", bytes / kib);
    return text;
}

}  // namespace rlhf::model
