#include "eval/PolicyEvaluation.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "demo/SyntheticLabeller.h"
#include "model/Generation.h"
#include "model/Scoring.h"
#include "train/RewardScorer.h"

namespace rlhf::eval {

namespace {

constexpr size_t kGenerationBatch = 32;

// The prompt's ids, cut from the left so that `room` new tokens fit in the context.
std::vector<int> promptIds(model::LoadedModel& m, const std::string& prompt, int room) {
    std::vector<int> ids = m.tokenizer->encode(prompt);
    const size_t keep = static_cast<size_t>(std::max(1, m.model->config().nPositions - room));
    if (ids.size() > keep) ids.erase(ids.begin(), ids.end() - static_cast<std::ptrdiff_t>(keep));
    return ids;
}

std::vector<std::vector<int>> generated(model::LoadedModel& m, const std::vector<std::string>& prompts,
                                        const model::SamplingOptions& options) {
    std::vector<std::vector<int>> out;
    for (size_t start = 0; start < prompts.size(); start += kGenerationBatch) {
        std::vector<std::vector<int>> batch;
        for (size_t i = start; i < std::min(prompts.size(), start + kGenerationBatch); ++i)
            batch.push_back(promptIds(m, prompts[i], options.maxNewTokens));
        auto sampling = options;
        sampling.seed = options.seed + start;
        for (auto& c : model::generate(m.model, batch, sampling)) out.push_back(std::move(c.ids));
    }
    return out;
}

model::LoadedModel loadInEvalMode(const std::string& dir, const torch::Device& device) {
    auto loaded = model::loadCheckpoint(dir, device);
    loaded.model->eval();
    return loaded;
}

// Mean over prompts of log π(y|x) − log π_base(y|x), y one sample of π at temperature 1.
double klToBaseline(model::LoadedModel& policy, model::LoadedModel& baseline, const std::vector<std::string>& prompts,
                    const EvalSettings& settings) {
    if (prompts.empty()) return 0;
    model::SamplingOptions sampling;
    sampling.maxNewTokens = settings.maxNewTokens;
    sampling.seed = settings.seed;
    const auto samples = generated(policy, prompts, sampling);
    double total = 0;
    for (size_t i = 0; i < prompts.size(); ++i) {
        if (samples[i].empty()) continue;  // generate() returns at least one token; an empty row has no log-ratio
        const auto ids = promptIds(policy, prompts[i], settings.maxNewTokens);
        total += model::scoreResponse(policy.model, ids, samples[i]).sum - model::scoreResponse(baseline.model, ids, samples[i]).sum;
    }
    return total / static_cast<double>(prompts.size());
}

double perplexityOf(model::LoadedModel& m, const std::vector<data::Demonstration>& demonstrations) {
    double nll = 0;
    int64_t tokens = 0;
    const int context = m.model->config().nPositions;
    for (const auto& d : demonstrations) {
        auto prompt = m.tokenizer->encode(d.prompt);
        auto response = m.tokenizer->encode(d.response);
        response.push_back(m.model->config().eosTokenId);
        if (prompt.empty() || static_cast<int>(prompt.size() + response.size()) > context) continue;
        const auto score = model::scoreResponse(m.model, prompt, response);
        nll -= score.sum;
        tokens += static_cast<int64_t>(response.size());
    }
    return tokens ? std::exp(nll / static_cast<double>(tokens)) : 0.0;
}

}  // namespace

Judge rewardModelJudge(const std::string& name, const std::string& dir, const torch::Device& device) {
    std::shared_ptr<train::RewardScorer> scorer;
    try {
        scorer = std::make_shared<train::RewardScorer>(dir, device);
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(name + ": " + e.what());
    }
    return {name, [scorer](const std::vector<std::string>& prompts, const std::vector<std::string>& responses) {
                std::vector<double> scores;
                for (size_t i = 0; i < prompts.size(); ++i) scores.push_back(scorer->values(prompts[i], responses[i]).at(0));
                return scores;
            }};
}

Judge syntheticLabellerJudge() {
    auto labeller = std::make_shared<demo::SyntheticLabeller>();
    return {"synthetic", [labeller](const std::vector<std::string>& prompts, const std::vector<std::string>& responses) {
                std::vector<double> scores;
                for (size_t i = 0; i < prompts.size(); ++i) scores.push_back(labeller->score(prompts[i], responses[i]));
                return scores;
            }};
}

std::vector<std::string> greedyResponses(model::LoadedModel& policy, const std::vector<std::string>& prompts,
                                         int maxNewTokens) {
    torch::NoGradGuard noGrad;
    model::SamplingOptions greedy;
    greedy.greedy = true;
    greedy.maxNewTokens = maxNewTokens;
    const int eos = policy.model->config().eosTokenId;
    std::vector<std::string> texts;
    for (auto ids : generated(policy, prompts, greedy)) {
        ids.erase(std::find(ids.begin(), ids.end(), eos), ids.end());  // EOS ends the response: not part of its text
        texts.push_back(policy.tokenizer->decodeLossy(ids, true));
    }
    return texts;
}

std::vector<PolicyResult> evaluatePolicies(const std::vector<PolicySpec>& policies, size_t baseline,
                                           const std::vector<std::string>& prompts,
                                           const std::vector<data::Demonstration>& demonstrations,
                                           const std::vector<Judge>& judges, const EvalSettings& settings,
                                           const torch::Device& device) {
    torch::NoGradGuard noGrad;
    auto base = loadInEvalMode(policies.at(baseline).dir, device);
    std::vector<PolicyResult> results;
    for (size_t i = 0; i < policies.size(); ++i) {
        std::optional<model::LoadedModel> other;
        if (i != baseline) other = loadInEvalMode(policies[i].dir, device);
        model::LoadedModel& policy = i == baseline ? base : *other;
        PolicyResult r{policies[i].name, policies[i].dir, greedyResponses(policy, prompts, settings.maxNewTokens), {}, 0, 0};
        for (const auto& judge : judges) r.scores[judge.name] = judge.scores(prompts, r.responses);
        if (i != baseline) r.kl = klToBaseline(policy, base, prompts, settings);
        r.perplexity = perplexityOf(policy, demonstrations);
        results.push_back(std::move(r));
    }
    return results;
}

}  // namespace rlhf::eval
