#include "model/Generation.h"
#include "model/cpu/CpuDecoder.h"
#include "model/CudaGraphDecoder.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/cuda.h>
#include <torch/torch.h>

#include <algorithm>
#include <limits>
#include <mutex>
#include <stdexcept>

namespace rlhf::model {

torch::Tensor filterTopKTopP(torch::Tensor logits, int topK, double topP) {
    const float negInf = -std::numeric_limits<float>::infinity();
    if (topK > 0 && topK < logits.size(-1)) {
        auto kth = std::get<0>(logits.topk(topK, -1)).narrow(-1, topK - 1, 1);  // [B,1]
        logits = logits.masked_fill(logits < kth, negInf);
    }
    if (topP < 1.0) {
        auto [sorted, index] = logits.sort(-1, /*descending=*/true);
        auto cumulative = sorted.softmax(-1).cumsum(-1);
        // Drop tokens once the mass before them already reaches top_p; the likeliest always stays (top_p 0
        // is greedy, as transformers' TopPLogitsWarper keeps min_tokens_to_keep = 1).
        auto drop = (cumulative - sorted.softmax(-1)) >= topP;
        drop.narrow(-1, 0, 1).fill_(false);
        sorted = sorted.masked_fill(drop, negInf);
        logits = torch::full_like(logits, negInf).scatter(-1, index, sorted);
    }
    return logits;
}

torch::Tensor sampleOnePerRow(const torch::Tensor& probs, c10::optional<at::Generator> generator) {
    auto race = torch::empty_like(probs).exponential_(1.0, std::move(generator));
    return (probs / race).argmax(-1);
}

namespace {

struct Batch {
    torch::Tensor ids;   // [B,P] left-padded prompts
    torch::Tensor mask;  // [B,P+maxNew] 1 = real token; generated columns filled as we go
    int64_t promptLength = 0;
};

Batch leftPad(const std::vector<std::vector<int>>& prompts, int padId, int64_t total, const torch::Device& dev) {
    Batch b;
    for (const auto& p : prompts) b.promptLength = std::max<int64_t>(b.promptLength, static_cast<int64_t>(p.size()));
    const auto B = static_cast<int64_t>(prompts.size());
    b.ids = torch::full({B, b.promptLength}, padId, torch::kLong);
    b.mask = torch::zeros({B, total}, torch::kLong);
    for (int64_t i = 0; i < B; ++i) {
        const auto& p = prompts[static_cast<size_t>(i)];
        const int64_t offset = b.promptLength - static_cast<int64_t>(p.size());
        for (size_t t = 0; t < p.size(); ++t) b.ids[i][offset + static_cast<int64_t>(t)] = p[t];
        b.mask[i].narrow(0, offset, static_cast<int64_t>(p.size())).fill_(1);
    }
    b.ids = b.ids.to(dev);
    b.mask = b.mask.to(dev);
    return b;
}

// One draw per row of probs [B,V] on the CPU by inverse CDF: one uniform number per row, where
// torch::multinomial draws V exponentials per row (it was the costliest part of a batch-8 CPU step).
torch::Tensor sampleRows(const torch::Tensor& probs, at::Generator& generator) {
    const auto p = probs.contiguous();
    const int64_t B = p.size(0), V = p.size(1);
    auto picks = torch::empty({B}, torch::kLong);
    std::lock_guard<std::mutex> lock(generator.mutex());
    auto* random = generator.get<at::CPUGeneratorImpl>();
    for (int64_t b = 0; b < B; ++b) {
        const float* row = p.data_ptr<float>() + b * V;
        double total = 0;
        for (int64_t v = 0; v < V; ++v) total += row[v];
        const double u = static_cast<double>(random->random64() >> 11) * 0x1.0p-53 * total;  // [0, total)
        double cumulative = 0;
        int64_t pick = -1, lastPossible = 0;
        for (int64_t v = 0; v < V && pick < 0; ++v) {
            if (row[v] <= 0) continue;  // filtered out (top-k / top-p) or underflowed: never drawn
            lastPossible = v;
            cumulative += row[v];
            if (u < cumulative) pick = v;
        }
        picks.data_ptr<int64_t>()[b] = pick >= 0 ? pick : lastPossible;  // rounding at the very top end
    }
    return picks;
}

}  // namespace

// Samples on the logits' device: on CUDA from the default CUDA generator (seeded per call), so no
// [B,V] probability copy crosses to the host each step.
torch::Tensor pickTokens(const torch::Tensor& lastLogits, const SamplingOptions& o, at::Generator& cpuGenerator) {
    if (o.greedy) return lastLogits.argmax(-1);  // [B]
    auto logits = lastLogits.to(torch::kFloat32);
    if (o.temperature != 1.0) logits = logits / std::max(o.temperature, 1e-6);
    logits = filterTopKTopP(logits, o.topK, o.topP);
    auto probs = logits.softmax(-1);
    if (probs.is_cuda()) return sampleOnePerRow(probs);
    return sampleRows(probs, cpuGenerator);
}

namespace {

// A captured decode graph stays valid while its model and cache tensors live, so the last one is kept
// per thread and reused when the next call has the same model, batch and capacity (capturing costs
// about as much as ten decoded tokens).
struct CudaDecodeSession {
    std::weak_ptr<Gpt2ModelImpl> model;
    int64_t batch = 0, capacity = 0;
    KvCache cache;
    std::unique_ptr<CudaGraphDecoder> graph;
};
thread_local std::unique_ptr<CudaDecodeSession> tCudaSession;

CudaDecodeSession& cudaSession(Gpt2Model& model, int64_t batch, int64_t capacity) {
    auto& s = tCudaSession;
    if (!s || s->model.lock() != model.ptr() || s->batch != batch || s->capacity != capacity) {
        s.reset();  // frees the old graph and cache first
        s = std::make_unique<CudaDecodeSession>();
        s->model = model.ptr();
        s->batch = batch;
        s->capacity = capacity;
        s->cache = KvCache::allocate(model->config(), batch, capacity, model->wte->weight.options());
    }
    s->cache.length = 0;
    return *s;
}

}  // namespace

bool recordTokens(const int64_t* tokens, std::vector<Completion>& out, std::vector<char>& finished,
                  const std::vector<int>& eosIds, const TokenCallback& onToken) {
    bool keepGoing = true;
    for (size_t i = 0; i < out.size(); ++i) {
        if (finished[i]) continue;
        const int token = static_cast<int>(tokens[i]);
        out[i].ids.push_back(token);
        if (onToken && !onToken(i, token)) keepGoing = false;
        if (std::find(eosIds.begin(), eosIds.end(), token) != eosIds.end()) {
            finished[i] = 1;
            out[i].endedWithEos = true;
        }
    }
    return keepGoing;
}

std::vector<Completion> generate(Gpt2Model& model, const std::vector<std::vector<int>>& prompts,
                                 const SamplingOptions& o, const TokenCallback& onToken,
                                 const std::atomic<bool>* cancel, const LogitsCallback& onLogits) {
    const Gpt2Config& c = model->config();
    for (const auto& p : prompts)
        if (p.empty()) throw std::invalid_argument("generation needs a non-empty prompt");
    std::vector<Completion> out(prompts.size());
    if (prompts.empty()) return out;
    c10::InferenceMode inference;  // no autograd or version-counter bookkeeping: less work per op than NoGradGuard
    model->eval();
    const auto dev = model->wte->weight.device();
    size_t longest = 0;
    for (const auto& p : prompts) longest = std::max(longest, p.size());
    const int64_t maxNew = std::min<int64_t>(o.maxNewTokens, c.nPositions - static_cast<int64_t>(longest));
    if (maxNew <= 0 && o.maxNewTokens > 0)
        throw std::invalid_argument("the prompt of " + std::to_string(longest) + " tokens fills the context of " +
                                    std::to_string(c.nPositions));
    const int64_t total = static_cast<int64_t>(longest) + std::max<int64_t>(maxNew, 0);
    Batch batch = leftPad(prompts, c.eosTokenId, total, dev);
    const int64_t B = batch.ids.size(0);
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(o.seed);
    if (dev.is_cuda()) torch::cuda::manual_seed(o.seed);

    // Without padding (one prompt, or K copies of one) the prefill needs no mask: its fast path.
    bool padded = false;
    for (const auto& p : prompts) padded |= p.size() != longest;
    auto maskUpTo = [&](int64_t n) { return padded ? batch.mask.narrow(1, 0, n) : torch::Tensor(); };
    std::vector<int64_t> firstReal;  // per row: where its prompt starts after the left padding
    for (const auto& p : prompts) firstReal.push_back(batch.promptLength - static_cast<int64_t>(p.size()));
    // Later steps: on CUDA, replays of one captured graph instead of every kernel launched; on the CPU,
    // one hand-written decode step (CpuDecoder) instead of LibTorch ops. Both take padded rows.
    const bool useGraph = dev.is_cuda() && maxNew > 1 && CudaGraphDecoder::available();
    KvCache localCache;
    CudaDecodeSession* session = useGraph ? &cudaSession(model, B, total) : nullptr;
    if (!session) localCache = KvCache::allocate(c, B, total, model->wte->weight.options());
    KvCache& cache = session ? session->cache : localCache;
    auto logits = model->forward(batch.ids, maskUpTo(batch.promptLength), &cache);  // [B,P,V]
    CudaGraphDecoder* graph = nullptr;
    if (session) {
        if (session->graph) session->graph->reset(firstReal);
        else session->graph = std::make_unique<CudaGraphDecoder>(model, cache, firstReal);
        graph = session->graph.get();
    }
    std::unique_ptr<CpuDecoder> cpuDecoder;
    if (!dev.is_cuda() && maxNew > 1 && CpuDecoder::available(model))
        cpuDecoder = std::make_unique<CpuDecoder>(model, cache, firstReal);
    std::vector<char> finished(static_cast<size_t>(B), 0);
    const std::vector<int> eosIds = o.stopAtEos ? std::vector<int>{c.eosTokenId} : std::vector<int>{};
    for (int64_t step = 0; step < maxNew; ++step) {
        if (cancel && cancel->load()) break;
        const auto last = logits.select(1, logits.size(1) - 1);  // [B,V]
        if (onLogits) onLogits(last);
        auto next = pickTokens(last, o, gen);  // [B]
        auto nextCpu = next.to(torch::kCPU);
        const auto* tokens = nextCpu.data_ptr<int64_t>();
        const bool keepGoing = recordTokens(tokens, out, finished, eosIds, onToken);
        if (!keepGoing || std::all_of(finished.begin(), finished.end(), [](char f) { return f != 0; })) break;
        if (step + 1 == maxNew) break;
        if (cpuDecoder) logits = cpuDecoder->step(tokens);
        else if (graph) logits = graph->step(next).unsqueeze(1);
        else {
            if (padded) batch.mask.select(1, batch.promptLength + step).fill_(1);  // the new token is real
            logits = model->forward(next.unsqueeze(1), maskUpTo(batch.promptLength + step + 1), &cache);
        }
    }
    return out;
}

}  // namespace rlhf::model
