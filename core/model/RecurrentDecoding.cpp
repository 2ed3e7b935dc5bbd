#include "model/RecurrentDecoding.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/cuda.h>
#include <torch/torch.h>

#include <algorithm>
#include <stdexcept>

namespace rlhf::model {

LeftPaddedPrompts leftPadPrompts(const std::vector<std::vector<int>>& prompts, const torch::Device& device) {
    size_t longest = 0;
    for (const auto& p : prompts) {
        if (p.empty()) throw std::invalid_argument("generation needs a non-empty prompt");
        longest = std::max(longest, p.size());
    }
    const auto B = static_cast<int64_t>(prompts.size()), L = static_cast<int64_t>(longest);
    std::vector<int64_t> ids(prompts.size() * longest, 0), real(prompts.size() * longest, 0);
    for (size_t b = 0; b < prompts.size(); ++b)
        for (size_t i = 0; i < prompts[b].size(); ++i) {
            ids[b * longest + longest - prompts[b].size() + i] = prompts[b][i];
            real[b * longest + longest - prompts[b].size() + i] = 1;
        }
    return {torch::tensor(ids, torch::kLong).view({B, L}).to(device), torch::tensor(real, torch::kLong).view({B, L}).to(device)};
}

std::vector<Completion> decodeFrom(const DecodeStep& step, torch::Tensor input, const SamplingOptions& o, const std::vector<int>& stopIds,
                                   const TokenCallback& onToken, const std::atomic<bool>* cancel, const LogitsCallback& onLogits) {
    std::vector<Completion> out(static_cast<size_t>(input.size(0)));
    if (out.empty() || o.maxNewTokens <= 0) return out;
    c10::InferenceMode inference;
    at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(o.seed);
    if (input.device().is_cuda()) torch::cuda::manual_seed(o.seed);
    const std::vector<int> stops = o.stopAtEos ? stopIds : std::vector<int>{};
    std::vector<char> finished(out.size(), 0);
    for (int i = 0; i < o.maxNewTokens; ++i) {
        if (cancel && cancel->load()) break;
        const auto logits = step(input);                          // [B,T,V]
        const auto last = logits.select(1, logits.size(1) - 1);   // [B,V]
        if (onLogits) onLogits(last);
        const auto next = pickTokens(last, o, generator);         // [B]
        const auto nextCpu = next.to(torch::kCPU).contiguous();
        if (!recordTokens(nextCpu.data_ptr<int64_t>(), out, finished, stops, onToken)) break;
        if (std::all_of(finished.begin(), finished.end(), [](char f) { return f != 0; })) break;
        input = next.unsqueeze(1);  // rows already finished go on decoding; their tokens are not kept
    }
    return out;
}

std::vector<Completion> decodeRecurrently(const DecodeStep& step, const torch::Device& device, const std::vector<int>& prompt,
                                          int count, const SamplingOptions& o, const std::vector<int>& stopIds,
                                          const TokenCallback& onToken, const std::atomic<bool>* cancel,
                                          const LogitsCallback& onLogits) {
    if (prompt.empty()) throw std::invalid_argument("generation needs a non-empty prompt");
    if (count <= 0) return {};
    const auto row = torch::tensor(std::vector<int64_t>(prompt.begin(), prompt.end()), torch::kLong);
    auto input = row.unsqueeze(0).expand({count, -1}).contiguous().to(device);  // [B,P]
    return decodeFrom(step, input, o, stopIds, onToken, cancel, onLogits);
}

}  // namespace rlhf::model
