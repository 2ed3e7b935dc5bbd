#include "model/LlamaBench.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <memory>
#include <stdexcept>

#include <torch/cuda.h>
#include <torch/torch.h>

#include "model/LlamaCheckpoint.h"
#include "model/LlamaGeneration.h"
#include "model/LlamaModel.h"
#include "model/MemoryEstimate.h"
#include "model/LlamaStaticDecoder.h"
#include "model/cpu/LlamaCpuDecoder.h"

namespace rlhf::model {

namespace {

LlamaConfig shape(int vocab, int hidden, int intermediate, int layers, int heads, int kvHeads, bool tied, bool qwen) {
    LlamaConfig c;
    c.modelType = qwen ? "qwen2" : "llama";
    c.vocabSize = vocab;
    c.hiddenSize = hidden;
    c.intermediateSize = intermediate;
    c.layers = layers;
    c.heads = heads;
    c.kvHeads = kvHeads;
    c.headDim = hidden / heads;
    c.maxPositions = 32768;
    c.ropeTheta = qwen ? 1000000 : 10000;
    c.tieWordEmbeddings = tied;
    c.qkvBias = qwen;
    c.eosTokenIds = {vocab - 1};
    return c;
}

}  // namespace

LlamaWeights randomLlamaWeights(const LlamaConfig& c, const torch::Device& device) {
    const auto f32 = torch::TensorOptions().dtype(torch::kFloat32).device(device);
    LlamaWeights weights;
    for (const auto& slot : llamaTensorSlots(c, weights)) {
        if (slot.name.ends_with("norm.weight")) *slot.tensor = torch::ones(slot.shape, f32);
        else if (slot.name.ends_with(".bias")) *slot.tensor = torch::zeros(slot.shape, f32);
        else *slot.tensor = torch::randn(slot.shape, f32) * 0.02;
    }
    if (c.tieWordEmbeddings) weights.lmHead = weights.embedTokens;
    return weights;
}

double peakResidentGib() {
    std::ifstream status("/proc/self/status");
    std::string key;
    for (double kib = 0; status >> key;)
        if (key == "VmHWM:" && status >> kib) return kib / (1024.0 * 1024.0);
    return 0;
}

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Greedy decoding of `count` tokens after the prompt in `cache` (its last logits given), as generateLlama
// decodes (llamaStepAfterPrompt: on a GPU the graph's capture included).
void decodeGreedily(const LlamaModel& model, const LlamaModel::KvCache& cache, torch::Tensor logits, int count) {
    const auto step = llamaStepAfterPrompt(model, cache, cache.length + count, {0});
    for (int t = 0; t < count; ++t) {
        const auto next = logits.select(1, logits.size(1) - 1).argmax(-1).unsqueeze(1).contiguous();  // [1,1]
        logits = step(next);
    }
}

template <typename F>
double seconds(const F& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

LlamaConfig llamaBenchPreset(const std::string& name) {
    if (name == "tiny") return shape(512, 64, 128, 2, 4, 2, true, false);
    if (name == "smollm-135m") return shape(49152, 576, 1536, 30, 9, 3, true, false);  // SmolLM-135M
    if (name == "qwen2-0.5b") return shape(151936, 896, 4864, 24, 14, 2, true, true);  // Qwen2-0.5B
    throw std::invalid_argument("no Llama bench preset '" + name + "' (tiny, smollm-135m, qwen2-0.5b)");
}

nlohmann::ordered_json runLlamaBench(const LlamaBenchOptions& o, const torch::Device& device) {
    const LlamaConfig config = llamaBenchPreset(o.preset);
    torch::manual_seed(o.seed);
    c10::InferenceMode inference;
    LlamaWeights weights = randomLlamaWeights(config, device);
    if (o.bf16)
        for (auto& slot : llamaTensorSlots(config, weights)) *slot.tensor = slot.tensor->to(torch::kBFloat16);
    if (config.tieWordEmbeddings) weights.lmHead = weights.embedTokens;
    const LlamaModel model(config, std::move(weights));
    const auto ids = [&](int n) { return torch::randint(0, config.vocabSize - 1, {1, n}, torch::dtype(torch::kLong).device(device)); };
    std::vector<double> prefill, decode, score;
    for (int round = 0; round <= o.rounds; ++round) {  // round 0 warms up
        LlamaModel::KvCache cache;
        const auto prompt = ids(o.promptTokens);
        torch::Tensor logits;
        // On a GPU each timing waits for its kernels.
        const auto finished = [&] { if (device.is_cuda()) torch::cuda::synchronize(); };
        const double p = seconds([&] { logits = model.forward(prompt, &cache), finished(); });
        const double d = seconds([&] { decodeGreedily(model, cache, logits, o.newTokens), finished(); });
        const auto sequence = ids(o.scoreTokens);
        const auto cpu = sequence[0].to(torch::kCPU);
        const std::vector<int> scored(cpu.data_ptr<int64_t>(), cpu.data_ptr<int64_t>() + cpu.numel());
        const double s = seconds([&] { model.tokenLogProbs(scored); });
        if (round == 0) continue;
        prefill.push_back(o.promptTokens / p);
        decode.push_back(o.newTokens / d);
        score.push_back(o.scoreTokens / s);
    }
    const auto estimate = estimateStageMemory(modelShapeOf(config), {"chat", 1, 0, o.scoreTokens, 0, o.bf16});
    return {{"preset", o.preset}, {"parameters", static_cast<int64_t>(config.parameterCount())},
            {"threads", torch::get_num_threads()}, {"device", device.str()}, {"precision", o.bf16 ? "bf16" : "fp32"},
            {"cpu_decoder", LlamaCpuDecoder::available(model)}, {"cuda_graph", LlamaStaticDecoder::capturable(model)},
            {"prefill_tokens_per_s", median(prefill)}, {"decode_tokens_per_s", median(decode)},
            {"score_tokens_per_s", median(score)}, {"peak_rss_gib", peakResidentGib()},
            {"estimated_chat_gib", estimate.total() / (1024.0 * 1024.0 * 1024.0)}};
}

}  // namespace rlhf::model
