// The pieces of a training step: the gradient norm and the clipping that AdamW applies without a host
// synchronisation, against torch's clip_grad_norm_; the gradient pass's mean over micro-batches against
// one whole batch, and its grads starting afresh at each step.
// torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include <QtTest>

#include <cstdlib>

#include "TensorCompare.h"
#include "TestPrinters.h"
#include "model/Gpt2Model.h"
#include "model/TokenLogProbs.h"
#include "train/AdamW.h"
#include "train/GradientClipping.h"
#include "train/GradientPass.h"

using namespace rlhf;
using rlhf::test::maxDifference;

namespace {

// Parameters of assorted shapes with gradients; the same values on every call with the same seed.
std::vector<torch::Tensor> parametersWithGrads(uint64_t seed, double gradScale) {
    torch::manual_seed(seed);
    std::vector<torch::Tensor> params;
    for (auto shape : {std::vector<int64_t>{7, 5}, {13}, {3, 4, 2}}) {
        auto p = torch::randn(shape).requires_grad_(true);
        p.mutable_grad() = torch::randn(shape) * gradScale;
        params.push_back(p);
    }
    return params;
}

model::Gpt2Model tinyModel() {
    model::Gpt2Config c;
    c.vocabSize = 50;
    c.nLayer = 2;
    c.nHead = 2;
    c.nEmbd = 16;
    c.nPositions = 16;
    c.eosTokenId = c.bosTokenId = 49;
    torch::manual_seed(3);
    return model::Gpt2Model(c);
}

std::vector<torch::Tensor> gradsOf(model::Gpt2Model& gpt) {
    std::vector<torch::Tensor> grads;
    for (const auto& p : gpt->parameters()) grads.push_back(p.grad().clone());
    return grads;
}

double largestGradDifference(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
    double worst = 0;
    for (size_t i = 0; i < a.size(); ++i) worst = std::max(worst, maxDifference(a[i], b[i]));
    return worst;
}

}  // namespace

class TrainStepTest : public QObject {
    Q_OBJECT

private slots:
    void gradientNormIsClipGradNormsNorm() {
        auto params = parametersWithGrads(1, 1.0);
        const double norm = train::gradientNorm(params).item<double>();
        const double torchNorm = torch::nn::utils::clip_grad_norm_(parametersWithGrads(1, 1.0), 1e9);
        QVERIFY2(std::abs(norm - torchNorm) < 1e-5 * torchNorm, (std::to_string(norm) + " vs " + std::to_string(torchNorm)).c_str());
        QVERIFY(norm > 1.0);
        std::vector<torch::Tensor> withoutGrads{torch::ones({3}).requires_grad_(true)};
        QCOMPARE(train::gradientNorm(withoutGrads).item<double>(), 0.0);
    }

    void clippedUpdateMatchesClipGradNormThenAdamW() {
        for (double maxNorm : {0.5, 2.0}) {  // the grads' norm is ~5: clipped both times
            auto ours = parametersWithGrads(2, 1.0), theirs = parametersWithGrads(2, 1.0);
            train::AdamW ourOptimizer(ours, {}), theirOptimizer(theirs, {});
            ourOptimizer.step(0.1, train::clipDivisor(train::gradientNorm(ours), maxNorm));
            torch::nn::utils::clip_grad_norm_(theirs, maxNorm);
            theirOptimizer.step(0.1);
            for (size_t i = 0; i < ours.size(); ++i) {
                QVERIFY(maxDifference(ours[i].grad(), theirs[i].grad()) < 1e-6);  // the grads are clipped in place too
                QVERIFY(maxDifference(ours[i], theirs[i]) < 1e-6);
            }
            QVERIFY(std::abs(train::gradientNorm(ours).item<double>() - maxNorm) < 1e-5);
        }
    }

    void unclippedUpdateIsUntouched() {
        auto clipped = parametersWithGrads(4, 0.01), plain = parametersWithGrads(4, 0.01);
        const auto divisor = train::clipDivisor(train::gradientNorm(clipped), 1.0);
        QCOMPARE(divisor.item<double>(), 1.0);
        train::AdamW a(clipped, {}), b(plain, {});
        a.step(0.1, divisor);
        b.step(0.1);
        for (size_t i = 0; i < clipped.size(); ++i) QVERIFY(torch::equal(clipped[i], plain[i]));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, train::clipDivisor(torch::ones({}), 0.0));
    }

    void microBatchesAverageToTheWholeBatch() {
        auto gpt = tinyModel();
        auto loss = [&](const torch::Tensor& x, const torch::Tensor& y) {
            return model::tokenCrossEntropy(gpt->lossLogits(x).reshape({-1, 50}), y.reshape({-1}),
                                            model::LossReduction::Mean, -100, 50);
        };
        train::GradientPass pass(gpt->parameters(), loss, torch::kCPU);
        QVERIFY(!pass.usesCudaGraph());
        torch::manual_seed(5);
        const auto tokens = torch::randint(0, 50, {4, 9}, torch::kLong);
        const auto x = tokens.narrow(1, 0, 8), y = tokens.narrow(1, 1, 8);
        const double whole = pass.run({x}, {y}).item<double>();
        const auto wholeGrads = gradsOf(gpt);
        const double halves = pass.run({x.narrow(0, 0, 2), x.narrow(0, 2, 2)}, {y.narrow(0, 0, 2), y.narrow(0, 2, 2)}).item<double>();
        QVERIFY2(std::abs(whole - halves) < 1e-6, (std::to_string(whole) + " vs " + std::to_string(halves)).c_str());
        QVERIFY(std::abs(whole - std::log(50.0)) < 0.5);  // a fresh model: about uniform
        QVERIFY(largestGradDifference(gradsOf(gpt), wholeGrads) < 1e-6);  // a new step's grads start from none
        const double once = pass.run({x.narrow(0, 0, 2)}, {y.narrow(0, 0, 2)}).item<double>();
        QVERIFY(std::abs(once - whole) > 1e-4);
        QVERIFY(largestGradDifference(gradsOf(gpt), wholeGrads) > 1e-4);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pass.run({x}, {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pass.run({}, {}));
    }

    // Whether a CUDA build takes the graph by default is checked on a GPU (rlhf-gpu-kernel-check).
    void cudaGraphNeverOnTheCpuNorWhenSwitchedOff() {
        QVERIFY(!train::GradientPass::cudaGraphWanted(torch::kCPU));
        setenv("RLHF_NO_CUDA_GRAPH_TRAINING", "1", 1);
        QVERIFY(!train::GradientPass::cudaGraphWanted(torch::kCPU));
        QVERIFY(!train::GradientPass::cudaGraphWanted(torch::Device(torch::kCUDA)));
        unsetenv("RLHF_NO_CUDA_GRAPH_TRAINING");
    }
};

QTEST_GUILESS_MAIN(TrainStepTest)
#include "TrainStepTest.moc"
