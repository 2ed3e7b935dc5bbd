#include "model/GenerationTiming.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <random>
#include <stdexcept>

#include <torch/torch.h>

#include "model/HfCheckpoint.h"
#include "model/LlamaConfig.h"
#include "model/MemoryEstimate.h"
#include "model/TextModel.h"

namespace rlhf::model {

namespace {

// Greedy generation of `newTokens` after `prompt`, never stopping early, calling `onToken` at each token.
using Generator = std::function<void(const std::vector<int>& prompt, int newTokens, const TokenCallback& onToken)>;

SamplingOptions timingSampling(int newTokens) {
    SamplingOptions o;
    o.greedy = true;
    o.stopAtEos = false;
    o.maxNewTokens = newTokens;
    return o;
}

// When each of `count` tokens after a one-token prompt came: seconds since the start.
std::vector<double> tokenTimes(const Generator& generate, int count) {
    std::vector<double> times;
    times.reserve(static_cast<size_t>(count));
    const auto start = std::chrono::steady_clock::now();
    generate({0}, count, [&](size_t, int) {
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        return true;
    });
    return times;
}

// The mean gap between the tokens of the window of `width` tokens that ends at context `context`.
double msPerTokenAt(const std::vector<double>& times, int64_t context, int width) {
    const auto last = static_cast<size_t>(std::min<int64_t>(context, static_cast<int64_t>(times.size())) - 1);
    const size_t first = last > static_cast<size_t>(width) ? last - static_cast<size_t>(width) : 0;
    return last > first ? (times[last] - times[first]) * 1000.0 / static_cast<double>(last - first) : 0.0;
}

// A GPT-2 whose position table reaches `positions`: the checkpoint's own when it does, else the same
// shape with the table extended (its first rows the checkpoint's).
Gpt2Model gptReaching(const std::string& dir, int64_t positions, const torch::Device& device) {
    auto loaded = loadCheckpoint(dir, device, false);
    if (positions <= loaded.model->config().nPositions) return loaded.model;
    Gpt2Config wider = loaded.model->config();
    wider.nPositions = static_cast<int>(positions);
    Gpt2Model model(wider);
    model->to(device);
    torch::NoGradGuard noGrad;
    auto target = model->named_parameters();
    for (const auto& p : loaded.model->named_parameters()) {
        if (p.key() == "wpe.weight") target[p.key()].narrow(0, 0, p.value().size(0)).copy_(p.value());
        else target[p.key()].copy_(p.value());
    }
    model->eval();
    return model;
}

Generator generatorFor(const std::string& dir, const std::string& type, int64_t longest, const torch::Device& device) {
    if (isTextModelType(type)) {
        auto model = std::make_shared<TextModel>(loadTextModel(dir, device));
        return [model](const std::vector<int>& prompt, int n, const TokenCallback& onToken) {
            model->generate(prompt, 1, timingSampling(n), onToken, {});
        };
    }
    auto gpt = std::make_shared<Gpt2Model>(gptReaching(dir, longest, device));
    return [gpt](const std::vector<int>& prompt, int n, const TokenCallback& onToken) {
        generate(*gpt, {prompt}, timingSampling(n), onToken);
    };
}

}  // namespace

nlohmann::json GenerationTiming::toJson(int window) const {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : points)
        list.push_back({{"context", p.context}, {"ms_per_token", p.msPerToken}, {"beyond_context", p.beyondContext}});
    return {{"model_type", modelType}, {"parameters", parameters}, {"window", window}, {"points", list}};
}

GenerationTiming timeGenerationAgainstContext(const std::string& dir, const GenerationTimingOptions& o, const torch::Device& device) {
    if (o.contexts.empty() || o.window < 1 || o.rounds < 1) throw std::invalid_argument("generation timing: no contexts, window or rounds");
    for (const int64_t context : o.contexts)
        if (context < o.window + 2)
            throw std::invalid_argument("--contexts: " + std::to_string(context) + " is shorter than the window of " +
                                        std::to_string(o.window) + " tokens averaged before it (give " + std::to_string(o.window + 2) + " or more)");
    const ModelShape shape = modelShapeOf(dir);
    const std::string stored = modelTypeOf(dir), type = stored.empty() ? "gpt2" : stored;
    const int64_t longest = *std::max_element(o.contexts.begin(), o.contexts.end());
    const Generator generate = generatorFor(dir, type, longest, device);
    tokenTimes(generate, std::min<int>(64, static_cast<int>(longest)));  // warm-up: allocations, kernel choices
    std::vector<std::vector<double>> perPoint(o.contexts.size());
    for (int round = 0; round < o.rounds; ++round) {
        const auto times = tokenTimes(generate, static_cast<int>(longest - 1));  // contexts 2 … longest
        for (size_t i = 0; i < o.contexts.size(); ++i) perPoint[i].push_back(msPerTokenAt(times, o.contexts[i] - 1, o.window));
    }
    GenerationTiming result{type, shape.parameters, {}};
    for (size_t i = 0; i < o.contexts.size(); ++i) {
        auto& values = perPoint[i];
        std::sort(values.begin(), values.end());
        result.points.push_back({o.contexts[i], values[values.size() / 2], shape.family != "mamba" && o.contexts[i] > shape.context});
    }
    return result;
}

}  // namespace rlhf::model
