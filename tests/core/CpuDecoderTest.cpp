// The hand-written CPU decode step against LibTorch: each kernel against its torch op, and whole decode
// steps against Gpt2Model::forward on odd shapes (widths that are not multiples of the vector length,
// left padding, per-layer attention scaling, a custom MLP width); and the fixed-shape decode step that
// a CUDA graph replays, run on the CPU against the same forward passes.
// torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include <QtTest>

#include "TensorCompare.h"
#include "VectorWidth.h"
#include "TestPrinters.h"
#include "model/cpu/ActivationKernels.h"
#include "model/cpu/CpuDecoder.h"
#include "model/cpu/CpuKernels.h"
#include "model/Generation.h"
#include "model/StaticDecodeInputs.h"

using namespace rlhf::model;

using rlhf::test::maxDifference;

namespace {

Gpt2Config oddConfig(bool scaled, bool inverseLayerScale, const std::string& activation = "gelu_new") {
    Gpt2Config c;
    c.vocabSize = 101;
    c.nPositions = 32;
    c.nEmbd = 40;   // head size 8; 40 is not a multiple of 16
    c.nHead = 5;
    c.nLayer = 3;
    c.nInner = 70;
    c.eosTokenId = c.bosTokenId = 100;
    c.scaleAttnWeights = scaled;
    c.scaleAttnByInverseLayerIdx = inverseLayerScale;
    c.activation = activation;
    return c;
}

// The model's weights, scaled up so that the logits spread over several units (the GPT-2 init makes
// them nearly flat, which would hide errors).
Gpt2Model randomModel(const Gpt2Config& c) {
    torch::manual_seed(7);
    Gpt2Model model(c);
    torch::NoGradGuard noGrad;
    for (auto& p : model->parameters()) p.normal_(0.0, 0.3);
    model->eval();
    return model;
}

// One decode step: the next token per row [2] -> logits [2,1,V], appending to the cache it started on.
using DecodeStep = std::function<torch::Tensor(const torch::Tensor& next)>;

// Eight greedy steps of a batch of two (row 0 left-padded by 3) through the step `start` makes once the
// prompts are in its cache, against Gpt2Model::forward with the attention mask.
void expectDecodeStepsEqualForward(const Gpt2Config& c, const std::function<DecodeStep(Gpt2Model&, KvCache&)>& start) {
    Gpt2Model model = randomModel(c);
    c10::InferenceMode inference;
    const int64_t P = 6, steps = 8, capacity = P + steps;
    auto ids = torch::tensor({0, 0, 0, 11, 12, 13, 21, 22, 23, 24, 25, 26}, torch::kLong).view({2, P});
    auto mask = torch::ones({2, capacity}, torch::kLong);
    mask[0].narrow(0, 0, 3).zero_();
    KvCache torchCache = KvCache::allocate(c, 2, capacity, torch::kFloat32);
    KvCache stepCache = KvCache::allocate(c, 2, capacity, torch::kFloat32);
    auto want = model->forward(ids, mask.narrow(1, 0, P), &torchCache);
    model->forward(ids, mask.narrow(1, 0, P), &stepCache);
    const DecodeStep step = start(model, stepCache);
    for (int64_t s = 0; s < steps; ++s) {
        auto next = want.select(1, want.size(1) - 1).argmax(-1).contiguous();  // [2]
        want = model->forward(next.unsqueeze(1), mask.narrow(1, 0, P + s + 1), &torchCache);
        auto got = step(next);
        QCOMPARE(got.sizes().vec(), want.sizes().vec());
        QVERIFY2(maxDifference(got, want) < 1e-4, (std::to_string(s) + ": " + std::to_string(maxDifference(got, want))).c_str());
        QCOMPARE(stepCache.length, torchCache.length);
    }
    QVERIFY(want.abs().max().item<double>() > 1.0);  // logits that can tell errors apart
}

}  // namespace

class CpuDecoderTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        torch::set_num_threads(2);
        QVERIFY(rlhf::test::vectorWidthAsAsked());
    }

    void linearMatchesTorch() {
        torch::manual_seed(1);
        for (int64_t B : {1, 2, 3, 4, 5, 8, 9})
            for (int64_t K : {1, 15, 16, 37, 256}) {
                const int64_t N = 23;
                auto in = torch::randn({B, K}), weight = torch::randn({N, K}), bias = torch::randn({N});
                auto out = torch::randn({B, N});
                const auto residual = out.clone();
                cpu::linearRows(in.data_ptr<float>(), B, K, weight.data_ptr<float>(), bias.data_ptr<float>(),
                                out.data_ptr<float>(), N, 0, N, true);
                const auto want = residual + torch::nn::functional::linear(in, weight, bias);
                QVERIFY2(maxDifference(out, want) < 1e-4 * std::sqrt(static_cast<double>(K)),
                         (std::to_string(B) + "x" + std::to_string(K)).c_str());
                // A column range without bias or residual leaves the other columns alone.
                auto part = torch::zeros({B, N});
                cpu::linearRows(in.data_ptr<float>(), B, K, weight.data_ptr<float>(), nullptr, part.data_ptr<float>(), N, 5, 14, false);
                QVERIFY(maxDifference(part.narrow(1, 5, 9), torch::nn::functional::linear(in, weight).narrow(1, 5, 9)) < 1e-4 * K);
                QCOMPARE(part.narrow(1, 0, 5).abs().sum().item<double>(), 0.0);
                QCOMPARE(part.narrow(1, 14, N - 14).abs().sum().item<double>(), 0.0);
            }
    }

    void layerNormAndGeluMatchTorch() {
        torch::manual_seed(2);
        auto x = torch::randn({1, 77}) * 3 + 1, weight = torch::randn({77}), bias = torch::randn({77});
        auto out = torch::empty({1, 77});
        cpu::layerNorm(x.data_ptr<float>(), weight.data_ptr<float>(), bias.data_ptr<float>(), out.data_ptr<float>(), 77, 1e-5f);
        QVERIFY(maxDifference(out, torch::layer_norm(x, {77}, weight, bias, 1e-5)) < 1e-5);
        auto g = torch::linspace(-12, 12, 4801);  // both tails and the clamped range of the tanh
        const auto want = torch::gelu(g, "tanh");
        cpu::geluTanhRows(g.data_ptr<float>(), g.data_ptr<float>(), g.numel());
        QVERIFY2(maxDifference(g, want) < 1e-5, std::to_string(maxDifference(g, want)).c_str());
        const auto range = torch::linspace(-12, 12, 4801);
        const std::pair<Activation, torch::Tensor> others[] = {
            {Activation::GeluErf, torch::gelu(range)}, {Activation::Relu, torch::relu(range)},
            {Activation::Silu, torch::silu(range)}, {Activation::QuickGelu, range * torch::sigmoid(1.702 * range)}};
        for (const auto& [kind, reference] : others) {
            auto y = range.clone();
            cpu::activate(y.data_ptr<float>(), y.numel(), kind);
            QVERIFY2(maxDifference(y, reference) < 1e-5, std::to_string(static_cast<int>(kind)).c_str());
        }
    }

    // Two left-padded prompts decoded for several steps: the decoder's logits equal the model's
    // forward with the attention mask, for each attention-scaling option and MLP activation.
    void decodeStepsEqualModelForward_data() {
        QTest::addColumn<bool>("scaled");
        QTest::addColumn<bool>("inverse");
        QTest::addColumn<QString>("activation");
        QTest::newRow("scaled") << true << false << "gelu_new";
        QTest::newRow("inverse layer scale") << true << true << "gelu_new";
        QTest::newRow("unscaled") << false << false << "gelu_new";
        for (const char* a : {"gelu", "relu", "silu", "quick_gelu"}) QTest::newRow(a) << true << false << a;
    }

    void decodeStepsEqualModelForward() {
        QFETCH(bool, scaled);
        QFETCH(bool, inverse);
        QFETCH(QString, activation);
        expectDecodeStepsEqualForward(oddConfig(scaled, inverse, activation.toStdString()), [](Gpt2Model& model, KvCache& cache) {
            auto decoder = std::make_shared<CpuDecoder>(model, cache, std::vector<int64_t>{3, 0});
            return DecodeStep([decoder](const torch::Tensor& next) { return decoder->step(next.data_ptr<int64_t>()); });
        });
    }

    // The fixed-shape step a CUDA graph replays (Gpt2Model::decodeStatic over StaticDecodeInputs), run
    // here on the CPU: padding closed per row, positions counting real tokens only.
    void staticDecodeStepsEqualModelForward_data() { decodeStepsEqualModelForward_data(); }
    void staticDecodeStepsEqualModelForward() {
        QFETCH(bool, scaled);
        QFETCH(bool, inverse);
        QFETCH(QString, activation);
        expectDecodeStepsEqualForward(oddConfig(scaled, inverse, activation.toStdString()), [](Gpt2Model& model, KvCache& cache) {
            auto inputs = std::make_shared<StaticDecodeInputs>(2, cache.capacity, torch::kCPU);
            inputs->reset(cache.length, {3, 0});
            return DecodeStep([&model, &cache, inputs](const torch::Tensor& next) {
                inputs->tokens.copy_(next.view({-1, 1}));
                auto logits = model->decodeStatic(inputs->tokens, inputs->positions, inputs->writeIndex, inputs->bias, cache);
                inputs->advance();
                ++cache.length;
                return logits;
            });
        });
        StaticDecodeInputs inputs(2, 8, torch::kCPU);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, inputs.reset(3, {4, 0}));  // a prompt starting past the cache
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, inputs.reset(3, {0}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, inputs.reset(8, {0, 0}));
    }

    // Sampling with top-k 1 keeps one token per step: it must be the greedy one (filtered tokens are never drawn).
    void topOneSamplingIsGreedy() {
        Gpt2Model model = randomModel(oddConfig(true, false));
        SamplingOptions greedy;
        greedy.greedy = true;
        greedy.maxNewTokens = 12;
        greedy.stopAtEos = false;
        SamplingOptions topOne = greedy;
        topOne.greedy = false;
        topOne.topK = 1;
        topOne.seed = 3;
        const std::vector<std::vector<int>> prompts = {{5, 6, 7}, {8, 9}};
        const auto a = generate(model, prompts, greedy), b = generate(model, prompts, topOne);
        QCOMPARE(a[0].ids, b[0].ids);
        QCOMPARE(a[1].ids, b[1].ids);
    }

    void refusesTokensOutsideTheVocabulary() {
        const Gpt2Config c = oddConfig(true, false);
        Gpt2Model model = randomModel(c);
        c10::InferenceMode inference;
        KvCache cache = KvCache::allocate(c, 1, 4, torch::kFloat32);
        model->forward(torch::tensor({{1, 2}}, torch::kLong), {}, &cache);
        CpuDecoder decoder(model, cache, {0});
        const int64_t bad = 101;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, decoder.step(&bad));
    }
};

QTEST_APPLESS_MAIN(CpuDecoderTest)
#include "CpuDecoderTest.moc"
