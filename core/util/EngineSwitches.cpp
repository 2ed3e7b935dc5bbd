#include "util/EngineSwitches.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <string>

namespace rlhf {

namespace {

struct SwitchInfo {
    EngineSwitch id;
    const char* variable;
    bool readEachCall;
};

constexpr std::array<SwitchInfo, 11> kSwitches = {{
    {EngineSwitch::CpuDecoder, "RLHF_NO_CPU_DECODER", false},
    {EngineSwitch::CpuGeluKernel, "RLHF_NO_CPU_GELU_KERNEL", false},
    {EngineSwitch::CpuHeadKernel, "RLHF_NO_CPU_HEAD_KERNEL", false},
    {EngineSwitch::CpuLossKernel, "RLHF_NO_CPU_LOSS_KERNEL", false},
    {EngineSwitch::CpuAttentionKernel, "RLHF_NO_CPU_ATTENTION_KERNEL", false},
    {EngineSwitch::MambaDecodeKernel, "RLHF_NO_MAMBA_DECODE_KERNEL", false},
    {EngineSwitch::CudaGraphs, "RLHF_NO_CUDA_GRAPHS", true},
    {EngineSwitch::CudaGraphTraining, "RLHF_NO_CUDA_GRAPH_TRAINING", true},
    {EngineSwitch::CudaLossKernel, "RLHF_NO_CUDA_LOSS_KERNEL", false},
    {EngineSwitch::PaddedVocab, "RLHF_NO_PADDED_VOCAB", false},
    {EngineSwitch::FusedAdamW, "RLHF_NO_FUSED_ADAMW", false},
}};

const SwitchInfo& infoOf(EngineSwitch s) { return kSwitches[static_cast<size_t>(s)]; }

// Set to anything but "", "0", "false", "no" or "off" (any case): RLHF_NO_CPU_DECODER=0 keeps the decoder.
bool isSet(const char* variable) {
    const char* value = std::getenv(variable);
    if (!value) return false;
    std::string lower(value);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return lower != "" && lower != "0" && lower != "false" && lower != "no" && lower != "off";
}

}  // namespace

const char* switchVariable(EngineSwitch s) { return infoOf(s).variable; }

bool switchedOff(EngineSwitch s) {
    static const auto atStart = [] {  // the switches read once, at first use
        std::array<bool, kSwitches.size()> values{};
        for (size_t i = 0; i < kSwitches.size(); ++i) values[i] = isSet(kSwitches[i].variable);
        return values;
    }();
    const SwitchInfo& info = infoOf(s);
    return info.readEachCall ? isSet(info.variable) : atStart[static_cast<size_t>(s)];
}

std::optional<std::string> cpuVectorsCap() {
    const char* cap = std::getenv("RLHF_CPU_VECTORS");
    return cap ? std::optional<std::string>(cap) : std::nullopt;
}

int threadsFromEnvironment() {
    const char* threads = std::getenv("RLHF_THREADS");
    return threads ? std::max(0, std::atoi(threads)) : 0;
}

}  // namespace rlhf
