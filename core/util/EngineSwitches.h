#pragma once
// Every environment switch of the engine, declared in one place. Each RLHF_NO_* variable, when set (to
// anything but "", "0", "false", "no" or "off"), switches one optimisation off so its plain LibTorch path can be compared or used instead;
// the docs (README, docs/benchmarks.md) describe what each one measures.

#include <optional>
#include <string>

namespace rlhf {

enum class EngineSwitch {
    CpuDecoder,          // RLHF_NO_CPU_DECODER: CPU generation through LibTorch ops, not the hand-written decode step
    CpuGeluKernel,       // RLHF_NO_CPU_GELU_KERNEL: the MLP's tanh GELU by LibTorch
    CpuHeadKernel,       // RLHF_NO_CPU_HEAD_KERNEL: scoring and validation logits made whole, not in row blocks
    CpuLossKernel,       // RLHF_NO_CPU_LOSS_KERNEL: the CPU loss by LibTorch (also makes the head's logits whole)
    CpuAttentionKernel,  // RLHF_NO_CPU_ATTENTION_KERNEL: CPU causal attention by LibTorch
    MambaDecodeKernel,   // RLHF_NO_MAMBA_DECODE_KERNEL: Mamba's CPU decode step by LibTorch ops, not fused
    CudaGraphs,          // RLHF_NO_CUDA_GRAPHS: CUDA generation launches its kernels one by one
    CudaGraphTraining,   // RLHF_NO_CUDA_GRAPH_TRAINING: CUDA training steps run eagerly
    CudaLossKernel,      // RLHF_NO_CUDA_LOSS_KERNEL: the CUDA loss by ATen
    PaddedVocab,         // RLHF_NO_PADDED_VOCAB: the CUDA vocabulary product is not padded to 64 columns
    FusedAdamW,          // RLHF_NO_FUSED_ADAMW: AdamW as separate ops, not ATen's fused step
};

// True when the switch's variable is set to a value that switches it off. CudaGraphs and CudaGraphTraining are read at each call (the
// GPU checks flip them within one process); the others once, at first use.
bool switchedOff(EngineSwitch s);

// The variable's name, e.g. "RLHF_NO_CPU_DECODER".
const char* switchVariable(EngineSwitch s);

// RLHF_CPU_VECTORS: caps the CPU kernels' vector width ("avx512", "avx2" or "sse"); unset: none.
std::optional<std::string> cpuVectorsCap();

// RLHF_THREADS: LibTorch's intra-op threads when --threads is not given; 0 when unset or not a number.
int threadsFromEnvironment();

}  // namespace rlhf
