#pragma once
// How much memory a stage needs for a model, from its config.json alone (nothing is loaded), so a run
// that cannot fit is refused before it starts. The parts, in bytes:
//   weights     4·P (models are held in float32: the engine's master weights and inference copies), or
//               2·P for a Llama-family model run in bf16 (chat, generate, score with bf16 weights);
//   gradients   4·P of each trained model; optimizer 8·P (AdamW's two moments);
//   autocast    2·P of each trained model under bf16 (the weights' bf16 copies autocast keeps for a pass);
//   frozen      4·P of each model that is only run (PPO's reference and reward model; DPO holds none: it
//               takes its reference's log-probs from the policy before the first update);
//   activations what one micro-batch keeps for the backward pass: per token and layer about
//               16·C (GPT-2), 6·C + 2·(H+K)·D + 3·I (Llama) or 2·C + 9·I + 3·I·N (Mamba: the scan's
//               decays, inputs and states) values plus 2·H·T attention scores, at 4
//               bytes (2.4 under bf16: matmul outputs in bf16, norms and softmax in fp32), and the
//               logits three times (values, log-softmax, gradient) at 4 bytes;
//   cache       the KV cache of generation: 2·L·K·D values per token of batch × (prompt + new tokens),
//               in the weights' type;
//               Mamba's recurrent state instead: L·I·(N + K − 1) values per sequence, whatever its length.
// Training stages are sft, rm, dpo (chosen and rejected: twice the sequences), ppo (policy and value
// model trained, reference and reward frozen, rollouts generated) and pretrain; inference stages
// chat/generate and score. Activations and the cache are the parts that depend on the data: the sequence
// length given is a bound (max_length or the context), so the verdict says "will not fit" only from the rest.

#include <cstdint>
#include <string>

namespace rlhf::model {

// A Mamba has no context limit: estimates, and SFT rows when max_length is not set, assume this many tokens.
constexpr int64_t kMambaEstimateContext = 2048;

// The shape of a decoder: what its parameter count and activations follow from.
struct ModelShape {
    std::string family;  // gpt2, llama (llama and qwen2 configs) or mamba (no attention: heads 0)
    int64_t vocab = 0, hidden = 0, layers = 0, heads = 0, kvHeads = 0, headDim = 0, intermediate = 0;
    int64_t context = 0;  // n_positions, or max_position_embeddings; mamba (no limit): kMambaEstimateContext
    double parameters = 0;
    int64_t stateSize = 0, convKernel = 0;  // mamba: N and K
};

struct LlamaConfig;
struct MambaConfig;

// Reads DIR/config.json (GPT-2, Llama, Qwen2 or Mamba). Throws std::invalid_argument naming the file and field.
ModelShape modelShapeOf(const std::string& dir);
ModelShape modelShapeOf(const LlamaConfig& config);
ModelShape modelShapeOf(const MambaConfig& config);

struct StageMemory {
    std::string stage;
    double weights = 0, gradients = 0, optimizer = 0, autocast = 0, frozen = 0, activations = 0, cache = 0;
    bool recurrentState = false;  // cache holds a Mamba's recurrent state (conv window and SSM state), not keys and values
    double fixed() const { return weights + gradients + optimizer + autocast + frozen; }  // whatever the data
    double total() const { return fixed() + cache + activations; }
};

struct StageSize {
    std::string stage;        // sft, rm, dpo, ppo, pretrain, chat, generate, score
    int64_t batch = 1;        // sequences per micro-batch (DPO: pairs; PPO: the rollout batch)
    int64_t trainBatch = 0;   // PPO: rollouts per optimiser update (0: batch)
    int64_t sequence = 0;     // tokens per sequence (0: the model's context)
    int64_t newTokens = 0;    // generation: tokens generated after `sequence` prompt tokens
    bool bf16 = false;        // training: bf16 autocast; chat, generate, score: bf16 weights (Llama family)
};

// `reward` is PPO's reward model (also the value model's start); nullptr elsewhere. Throws
// std::invalid_argument for an unknown stage or a PPO estimate without a reward model.
StageMemory estimateStageMemory(const ModelShape& model, const StageSize& size, const ModelShape* reward = nullptr);

// The memory this machine can give a new run now: /proc/meminfo's MemAvailable (0 when unknown).
double availableMemoryBytes();

// "1.25 GiB"; below 1 GiB in MiB ("3.4 MiB"), below 1 MiB in KiB ("12.0 KiB")
std::string gibibytes(double bytes);

}  // namespace rlhf::model
