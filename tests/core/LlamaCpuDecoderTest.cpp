// The CPU decode step of the Llama family (model/cpu/LlamaCpuDecoder). In float32 against LlamaModel's own
// steps and against the reference logits of make_tiny_llama.py (tests/data/tiny-llama: grouped-query
// attention, head_dim, llama3 rope scaling, Qwen2's biases, tied and untied heads), on left-padded batches
// (each row against its own pass), on six rows at once, on random models of other shapes (odd widths, one key/value head,
// every bias, linear rope scaling); with bf16 weights bit for bit against a transcription of bf16
// arithmetic, on the fixtures and those shapes; and its refusals. Runs again with the AVX2 and SSE
// kernels forced.
// torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include <QtTest>

#include <nlohmann/json.hpp>

#include "TestData.h"
#include "model/LlamaBench.h"
#include "model/LlamaCheckpoint.h"
#include "model/LlamaGeneration.h"
#include "model/cpu/LlamaCpuDecoder.h"

using namespace rlhf::model;
using nlohmann::json;

namespace {

torch::Tensor row(const std::vector<int>& ids) {
    return torch::tensor(std::vector<int64_t>(ids.begin(), ids.end()), torch::kLong).unsqueeze(0);
}

std::string modelDir(const std::string& name) { return rlhf::test::dataPath("tiny-llama/" + name); }

double maxDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

// Float32 sums in other orders: 1e-4 plus 1e-5 of the largest logit (LlamaModelTest's tolerance).
double toleranceFor(const torch::Tensor& logits) { return 1e-4 + 1e-5 * logits.abs().max().item<double>(); }

// A random model (std 0.02 weights, non-zero biases and norms) of shapes the fixtures do not have.
LlamaModel randomModel(int hidden, int heads, int kvHeads, int headDim, bool tied, bool biases, const std::string& ropeScaling) {
    LlamaConfig c;
    c.modelType = "llama";
    c.vocabSize = 97;
    c.hiddenSize = hidden;
    c.intermediateSize = 2 * hidden + 7;
    c.layers = 3;
    c.heads = heads;
    c.kvHeads = kvHeads;
    c.headDim = headDim;
    c.tieWordEmbeddings = tied;
    c.qkvBias = c.outputBias = c.mlpBias = biases;
    c.ropeScaling.type = ropeScaling;
    c.ropeScaling.factor = 4;
    c.ropeScaling.originalMaxPositions = 16;
    if (ropeScaling == "yarn") c.ropeScaling.betaFast = 8, c.ropeScaling.betaSlow = 0.5, c.ropeScaling.attentionFactor = 1.3;
    c.eosTokenIds = {96};
    torch::manual_seed(7);
    LlamaWeights w = randomLlamaWeights(c, torch::kCPU);
    for (auto& slot : llamaTensorSlots(c, w))
        if (slot.name.ends_with("bias") || slot.name.ends_with("norm.weight")) *slot.tensor += torch::randn(slot.shape) * 0.5;
    // Weights of std 0.02 keep the logits near 0: scale the embeddings so that the attention's softmax is not flat.
    w.embedTokens.mul_(40);
    if (tied) w.lmHead = w.embedTokens;
    return LlamaModel(c, std::move(w));
}

// Prefill `prompt` (all but its last `stepped` ids) through the model, then feed the rest one at a time both
// through the decoder and through the model's cache: the logits of every step agree.
void checkStepsAgree(const LlamaModel& model, const std::vector<int>& ids, int stepped, const torch::Tensor& reference = {}) {
    c10::InferenceMode inference;
    const auto prefix = static_cast<int64_t>(ids.size()) - stepped;
    LlamaModel::KvCache cache;
    model.forward(row({ids.begin(), ids.begin() + prefix}), &cache);
    LlamaCpuDecoder decoder(model, cache, static_cast<int64_t>(ids.size()), {0});
    for (int64_t t = prefix; t < static_cast<int64_t>(ids.size()); ++t) {
        const int64_t token = ids[static_cast<size_t>(t)];
        const auto fast = decoder.step(&token)[0][0].clone();
        const auto ops = model.forward(row({ids[static_cast<size_t>(t)]}), &cache)[0][0];
        QVERIFY2(maxDiff(fast, ops) < toleranceFor(ops), qPrintable(QString("position %1: %2").arg(t).arg(maxDiff(fast, ops))));
        if (reference.defined()) QVERIFY(maxDiff(fast, reference[t]) < toleranceFor(reference[t]));
    }
    QCOMPARE(decoder.length(), static_cast<int64_t>(ids.size()));
}

// The model with its weights converted to `type`.
LlamaModel convertedTo(const LlamaModel& model, torch::ScalarType type) {
    LlamaWeights w = model.weights();
    for (auto& slot : llamaTensorSlots(model.config(), w))
        if (slot.tensor->defined()) *slot.tensor = slot.tensor->to(type);
    w.lmHead = w.lmHead.to(type);  // a tied head is no slot of its own
    return LlamaModel(model.config(), std::move(w));
}

// A value as one bf16 operation leaves it.
torch::Tensor bf16(const torch::Tensor& t) { return t.to(torch::kBFloat16).to(torch::kFloat32); }

torch::Tensor wide(const torch::Tensor& t) { return t.defined() ? t.to(torch::kFloat32) : t; }

// x [T,C] · w^T + b, summed in float32 and rounded once (a bf16 nn.Linear).
torch::Tensor linearBf16(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b) {
    return bf16(torch::linear(x, wide(w), wide(b)));
}

// The bf16 arithmetic the decoder promises, written out independently of it and of LlamaModel's bf16 ops
// (whose LibTorch rounds some small products differently): float32 tensors rounded to bf16 after every
// operation on bf16 tensors in transformers' Llama. One sequence; returns the logits [T,V] and the keys
// and values of its first `prefix` positions as a cache to start the decoder from.
torch::Tensor bf16Transcription(const LlamaModel& model, const std::vector<int>& ids, int64_t prefix, LlamaModel::KvCache& cache) {
    const LlamaConfig& c = model.config();
    const LlamaWeights& w = model.weights();
    const int64_t T = static_cast<int64_t>(ids.size()), H = c.heads, K = c.kvHeads, D = c.headDim, half = D / 2;
    const auto norm = [&](const torch::Tensor& h, const torch::Tensor& weight) {
        return bf16(wide(weight) * bf16(h * torch::rsqrt(h.pow(2).mean(-1, true) + c.rmsNormEps)));
    };
    const auto angles = torch::outer(torch::arange(T, torch::kFloat32), ropeInverseFrequencies(c));
    const double scale = c.ropeScaling.attentionFactor;  // yarn's; 1 otherwise
    const auto cos = bf16(torch::cat({angles, angles}, -1).cos() * scale), sin = bf16(torch::cat({angles, angles}, -1).sin() * scale);  // [T,D]
    const auto rotate = [&](const torch::Tensor& x) {  // [heads,T,D]
        return bf16(bf16(x * cos) + bf16(torch::cat({-x.narrow(-1, half, half), x.narrow(-1, 0, half)}, -1) * sin));
    };
    const auto future = torch::ones({T, T}, torch::kBool).triu(1);
    auto h = wide(w.embedTokens).index_select(0, row(ids)[0]);  // [T,C]
    cache = {};
    for (const LlamaLayerWeights& L : w.layers) {
        auto n = norm(h, L.inputNorm);
        const auto q = rotate(linearBf16(n, L.q, L.qBias).view({T, H, D}).transpose(0, 1));
        const auto k = rotate(linearBf16(n, L.k, L.kBias).view({T, K, D}).transpose(0, 1));
        const auto v = linearBf16(n, L.v, L.vBias).view({T, K, D}).transpose(0, 1);
        cache.keys.push_back(k.narrow(1, 0, prefix).unsqueeze(0).to(model.dtype()));  // [1,K,prefix,D]
        cache.values.push_back(v.narrow(1, 0, prefix).unsqueeze(0).to(model.dtype()));
        auto scores = bf16(bf16(torch::matmul(q, k.repeat_interleave(H / K, 0).transpose(1, 2))) / std::sqrt(static_cast<double>(D)));
        const auto probabilities = bf16(torch::softmax(scores.masked_fill(future, -INFINITY), -1));  // [H,T,T]
        const auto heads = bf16(torch::matmul(probabilities, v.repeat_interleave(H / K, 0))).transpose(0, 1).reshape({T, H * D});
        h = bf16(h + linearBf16(heads, L.o, L.oBias));
        n = norm(h, L.postAttentionNorm);
        const auto gate = linearBf16(n, L.gate, L.gateBias), up = linearBf16(n, L.up, L.upBias);
        h = bf16(h + linearBf16(bf16(bf16(gate / (1 + torch::exp(-gate))) * up), L.down, L.downBias));
    }
    cache.length = prefix;
    return bf16(torch::matmul(norm(h, w.norm), wide(w.lmHead).t()));
}

// A bf16 model: the decoder, started from the transcription's cache of all but the last `stepped` ids,
// gives the transcription's logits bit for bit, but for a rounding now and then that its float32 sums (in
// another order) tip the other way. Returns the share of logits equal over all steps.
double bf16StepsEqualTheTranscription(const LlamaModel& model, const std::vector<int>& ids, int stepped) {
    c10::InferenceMode inference;
    const auto prefix = static_cast<int64_t>(ids.size()) - stepped;
    LlamaModel::KvCache cache;
    const auto expected = bf16Transcription(model, ids, prefix, cache);
    LlamaCpuDecoder decoder(model, cache, static_cast<int64_t>(ids.size()), {0});
    double equal = 0;
    for (int64_t t = prefix; t < static_cast<int64_t>(ids.size()); ++t) {
        const int64_t token = ids[static_cast<size_t>(t)];
        const auto logits = decoder.step(&token)[0][0];
        equal += (logits == expected[t]).to(torch::kDouble).mean().item<double>() / stepped;
    }
    return equal;
}

}  // namespace

class LlamaCpuDecoderTest : public QObject {
    Q_OBJECT
    json expected_;

private slots:
    void initTestCase() {
        torch::set_num_threads(2);
        expected_ = json::parse(rlhf::test::readData("tiny-llama/expected.json"));
    }

    void stepsFollowTheModelAndTheReference_data() {
        QTest::addColumn<QString>("name");
        for (const char* name : {"llama", "llama3", "qwen2", "llama3-chat", "llama2-chat", "qwen2-yarn", "llama-yarn"}) QTest::newRow(name) << QString(name);
    }
    void stepsFollowTheModelAndTheReference() {
        QFETCH(QString, name);
        const auto& e = expected_[name.toStdString()];
        const auto model = loadLlamaModel(modelDir(name.toStdString()));
        QVERIFY(LlamaCpuDecoder::available(model));
        std::vector<torch::Tensor> rows;
        for (const auto& r : e["logits"]) rows.push_back(torch::tensor(r.get<std::vector<float>>()));
        const auto ids = e["ids"].get<std::vector<int>>();
        checkStepsAgree(model, ids, static_cast<int>(ids.size()) - 3, torch::stack(rows));
    }

    void bf16StepsFollowTheBf16Arithmetic_data() { stepsFollowTheModelAndTheReference_data(); }
    void bf16StepsFollowTheBf16Arithmetic() {
        QFETCH(QString, name);
        const auto model = loadLlamaModel(modelDir(name.toStdString()), torch::kCPU, nullptr, torch::kBFloat16);
        QVERIFY(LlamaCpuDecoder::available(model));
        std::vector<int> ids;
        for (int i = 0; i < 40; ++i) ids.push_back((i * 37 + 11) % static_cast<int>(model.config().vocabSize));
        const double equal = bf16StepsEqualTheTranscription(model, ids, 20);
        QVERIFY2(equal > 0.9, qPrintable(QString::number(equal)));
    }

    void otherShapesFollowTheModel_data() {
        QTest::addColumn<int>("hidden");
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("kvHeads");
        QTest::addColumn<int>("headDim");
        QTest::addColumn<bool>("tied");
        QTest::addColumn<bool>("biases");
        QTest::addColumn<QString>("scaling");
        QTest::newRow("odd width, one kv head, biases") << 37 << 4 << 1 << 10 << false << true << "";
        QTest::newRow("head_dim apart from width, tied") << 48 << 6 << 3 << 20 << true << false << "linear";
        QTest::newRow("wide heads, llama3 scaling") << 64 << 2 << 2 << 36 << false << true << "llama3";
        QTest::newRow("grouped heads, yarn scaling") << 40 << 4 << 2 << 22 << true << false << "yarn";
    }
    void otherShapesFollowTheModel() {
        QFETCH(int, hidden);
        QFETCH(int, heads);
        QFETCH(int, kvHeads);
        QFETCH(int, headDim);
        QFETCH(bool, tied);
        QFETCH(bool, biases);
        QFETCH(QString, scaling);
        const auto model = randomModel(hidden, heads, kvHeads, headDim, tied, biases, scaling.toStdString());
        std::vector<int> ids;
        for (int i = 0; i < 40; ++i) ids.push_back((i * 37 + 11) % 97);
        checkStepsAgree(model, ids, 30);
        const double equal = bf16StepsEqualTheTranscription(convertedTo(model, torch::kBFloat16), ids, 30);
        QVERIFY2(equal > 0.9, qPrintable(QString("bf16: %1 of the logits equal").arg(equal)));
    }

    // Six rows of one prompt, each fed its own tokens (the products' four-row tiles and their remainder):
    // every row's step gives what LlamaModel's step gives it.
    void manyRowsFollowTheModel() {
        c10::InferenceMode inference;
        const auto model = loadLlamaModel(modelDir("llama3"));
        const auto ids = expected_["llama3"]["ids"].get<std::vector<int>>();
        const int64_t B = 6;
        LlamaModel::KvCache cache;
        model.forward(row(ids).expand({B, -1}).contiguous(), &cache);
        LlamaCpuDecoder decoder(model, cache, static_cast<int64_t>(ids.size()) + 3, std::vector<int64_t>(B, 0));
        for (int64_t step = 0; step < 3; ++step) {
            const auto tokens = (torch::arange(B, torch::kLong) * 7 + step * 3 + 1).remainder(model.config().vocabSize);
            const auto fast = decoder.step(tokens.data_ptr<int64_t>()).select(1, 0).clone();  // [B,V]
            const auto ops = model.forward(tokens.unsqueeze(1), &cache).select(1, 0);
            QVERIFY2(maxDiff(fast, ops) < toleranceFor(ops), qPrintable(QString("step %1: %2").arg(step).arg(maxDiff(fast, ops))));
        }
    }

    // Each row of a batch decodes as its prompt alone: six prompts of different lengths left-padded into one
    // cache (the products' four-row tiles and their remainder, positions counted from each row's first
    // real token, padding never attended). bf16 bit for bit; float32 within float rounding (a four-row tile
    // may contract its multiply-adds otherwise than a one-row tile).
    void rowsOfABatchDecodeAsEachAlone_data() {
        QTest::addColumn<bool>("bf16");
        QTest::newRow("float32") << false;
        QTest::newRow("bf16") << true;
    }
    void rowsOfABatchDecodeAsEachAlone() {
        QFETCH(bool, bf16);
        c10::InferenceMode inference;
        const auto loaded = loadLlamaModel(modelDir("qwen2"));  // biases, grouped-query attention
        const auto model = bf16 ? convertedTo(loaded, torch::kBFloat16) : loaded;
        const int64_t B = 6, V = model.config().vocabSize, steps = 3;
        std::vector<LlamaModel::KvCache> caches(B);
        std::vector<int64_t> firstReal;
        const int64_t L = 3 + 2 * (B - 1);
        for (int64_t b = 0; b < B; ++b) {
            std::vector<int> prompt;
            for (int64_t i = 0; i < 3 + 2 * b; ++i) prompt.push_back(static_cast<int>((b * 7 + i * 3 + 1) % V));
            model.forward(row(prompt), &caches[static_cast<size_t>(b)]);
            firstReal.push_back(L - static_cast<int64_t>(prompt.size()));
        }
        LlamaModel::KvCache batch;
        batch.length = L;
        for (size_t l = 0; l < caches[0].keys.size(); ++l)
            for (auto [to, part] : {std::pair{&batch.keys, &LlamaModel::KvCache::keys}, std::pair{&batch.values, &LlamaModel::KvCache::values}}) {
                auto sizes = (caches[0].*part)[l].sizes().vec();
                sizes[0] = B, sizes[2] = L;
                to->push_back(torch::zeros(sizes, (caches[0].*part)[l].options()));
                for (int64_t b = 0; b < B; ++b)
                    to->back()[b].narrow(1, firstReal[size_t(b)], L - firstReal[size_t(b)]).copy_((caches[size_t(b)].*part)[l][0]);
            }
        LlamaCpuDecoder together(model, batch, L + steps, firstReal);
        std::vector<std::unique_ptr<LlamaCpuDecoder>> alone;
        for (int64_t b = 0; b < B; ++b)
            alone.push_back(std::make_unique<LlamaCpuDecoder>(model, caches[size_t(b)], caches[size_t(b)].length + steps, std::vector<int64_t>{0}));
        for (int64_t step = 0; step < steps; ++step) {
            const auto tokens = (torch::arange(B, torch::kLong) * 5 + step * 11 + 2).remainder(V);
            const auto logits = together.step(tokens.data_ptr<int64_t>()).select(1, 0).clone();  // [B,V]
            for (int64_t b = 0; b < B; ++b) {
                const auto own = alone[size_t(b)]->step(tokens.data_ptr<int64_t>() + b)[0][0];
                const bool same = bf16 ? torch::equal(logits[b], own) : maxDiff(logits[b], own) < toleranceFor(own);
                QVERIFY2(same, qPrintable(QString("row %1 step %2: %3").arg(b).arg(step).arg(maxDiff(logits[b], own))));
            }
        }
    }

    // Three prompts of different lengths left-padded in one batch: each row's steps give what its own
    // unpadded pass gives, and batched greedy generation what each prompt gets alone.
    void leftPaddedRowsFollowTheirOwnPasses() {
        c10::InferenceMode inference;
        const auto model = loadLlamaModel(modelDir("qwen2"));
        const auto ids = expected_["qwen2"]["ids"].get<std::vector<int>>();
        const std::vector<std::vector<int>> prompts = {{ids.begin(), ids.begin() + 3}, ids, {ids.begin() + 1, ids.begin() + 6}};
        const auto L = static_cast<int64_t>(ids.size());
        auto batch = torch::zeros({3, L}, torch::kLong);
        auto mask = torch::zeros({3, L}, torch::kBool);
        std::vector<int64_t> firstReal;
        for (int64_t b = 0; b < 3; ++b) {
            const auto n = static_cast<int64_t>(prompts[size_t(b)].size());
            batch[b].narrow(0, L - n, n).copy_(row(prompts[size_t(b)])[0]);
            mask[b].narrow(0, L - n, n).fill_(true);
            firstReal.push_back(L - n);
        }
        LlamaModel::KvCache cache;
        model.forward(batch, &cache, mask);
        LlamaCpuDecoder decoder(model, cache, L + 4, firstReal);
        const std::vector<std::vector<int64_t>> fed = {{7, 9, 11}, {13, 2, 5}, {3, 3, 3}, {1, 8, 6}};
        std::vector<torch::Tensor> stepped;
        for (const auto& tokens : fed) stepped.push_back(decoder.step(tokens.data()).select(1, 0).clone());  // [3,V]
        for (size_t b = 0; b < 3; ++b) {
            auto alone = prompts[b];
            for (const auto& tokens : fed) alone.push_back(static_cast<int>(tokens[b]));
            const auto own = model.forward(row(alone))[0];
            for (size_t s = 0; s < fed.size(); ++s) {
                const auto expected = own[static_cast<int64_t>(prompts[b].size() + s)];
                QVERIFY2(maxDiff(stepped[s][static_cast<int64_t>(b)], expected) < toleranceFor(expected),
                         qPrintable(QString("row %1 step %2").arg(b).arg(s)));
            }
        }
        SamplingOptions o;
        o.greedy = true;
        o.maxNewTokens = 8;
        const auto together = generateLlamaBatch(model, prompts, o);
        for (size_t b = 0; b < prompts.size(); ++b)
            QCOMPARE(together[b].ids, generateLlama(model, prompts[b], 1, o).at(0).ids);
    }

    // float16 weights, weights of two types, or a sequence classifier without a head take LlamaModel's path;
    // a full decoder and an id outside the vocabulary are refused with the reason.
    void refusesWhatItCannotDecode() {
        const auto model = loadLlamaModel(modelDir("llama"));
        QVERIFY(!LlamaCpuDecoder::available(convertedTo(model, torch::kHalf)));
        LlamaWeights mixed = convertedTo(model, torch::kBFloat16).weights();  // one float32 norm among bf16 weights
        mixed.layers[0].inputNorm = mixed.layers[0].inputNorm.to(torch::kFloat32);
        QVERIFY(!LlamaCpuDecoder::available(LlamaModel(model.config(), mixed)));
        LlamaWeights headless = model.weights();
        headless.lmHead = torch::Tensor();
        QVERIFY(!LlamaCpuDecoder::available(LlamaModel(model.config(), headless)));
        c10::InferenceMode inference;
        LlamaModel::KvCache cache;
        model.forward(row({1, 2, 3}), &cache);
        LlamaCpuDecoder decoder(model, cache, 4, {0});
        const int64_t outside = model.config().vocabSize;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, decoder.step(&outside));
        const int64_t token = 5;
        decoder.step(&token);
        try {
            decoder.step(&token);
            QFAIL("a fifth position in a decoder of four");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(std::string(e.what()).find("4 positions are full") != std::string::npos, e.what());
        }
    }
};

QTEST_APPLESS_MAIN(LlamaCpuDecoderTest)
#include "LlamaCpuDecoderTest.moc"
