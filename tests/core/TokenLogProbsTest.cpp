// TokenLogProbs against a float64 reference (log_softmax and gather): values and gradients of the
// fused CPU kernel for float32 and bfloat16 logits, temperatures, vocabularies that are not multiples
// of the vector length, extreme logits, ignored targets, NaN propagation, bad arguments, and logits with
// more columns than the vocabulary (the padded layout of Gpt2Model::lossLogits); and the output layer with
// its log-probs in blocks without gradients (HeadLogProbs), alone and inside Gpt2Model::targetLogProbs.
// torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include <QtTest>

#include "TensorCompare.h"
#include "VectorWidth.h"
#include "TestPrinters.h"
#include "model/Gpt2Model.h"
#include "model/HeadLogProbs.h"
#include "model/TokenLogProbs.h"
#include "train/Precision.h"

using namespace rlhf::model;

using rlhf::test::maxDifference;

namespace {

// The definition, in float64 from the (possibly rounded) logits as given.
torch::Tensor referenceLogProbs(const torch::Tensor& logits, const torch::Tensor& targets, double temperature) {
    return (logits.to(torch::kFloat64) / temperature).log_softmax(-1).gather(1, targets.unsqueeze(1)).squeeze(1);
}

struct Gradients {
    torch::Tensor values, grad;
};

// Values and d(sum_i w_i logp_i)/d logits with random weights w (so each row's upstream differs).
Gradients logProbsAndGradient(const torch::Tensor& logits, const torch::Tensor& targets, const torch::Tensor& weights,
                              double temperature, bool reference) {
    auto x = logits.detach().clone().requires_grad_(true);
    auto lp = reference ? referenceLogProbs(x, targets, temperature) : tokenLogProbs(x, targets, temperature);
    (lp * weights.to(lp.dtype())).sum().backward();
    return {lp.detach().to(torch::kFloat64), x.grad().to(torch::kFloat64)};
}

}  // namespace

class TokenLogProbsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        torch::set_num_threads(2);
        QVERIFY(rlhf::test::vectorWidthAsAsked());
    }

    void float32MatchesReference() {
        torch::manual_seed(3);
        for (int64_t V : {1, 7, 16, 17, 100, 1031})
            for (double temperature : {1.0, 0.7, 2.5}) {
                const int64_t N = 13;
                auto logits = torch::randn({N, V}) * 4;
                auto targets = torch::randint(0, V, {N}, torch::kLong);
                auto weights = torch::randn({N});
                const auto got = logProbsAndGradient(logits, targets, weights, temperature, false);
                const auto want = logProbsAndGradient(logits, targets, weights, temperature, true);
                const std::string where = "V " + std::to_string(V) + " T " + std::to_string(temperature);
                QVERIFY2(maxDifference(got.values, want.values) < 2e-5, where.c_str());
                QVERIFY2(maxDifference(got.grad, want.grad) < 2e-6, where.c_str());
                QCOMPARE(got.grad.scalar_type(), torch::kFloat64);
            }
    }

    // bfloat16 logits: read exactly as given, computed in float32, the gradient rounded once to bfloat16.
    void bfloat16MatchesReference() {
        torch::manual_seed(4);
        const int64_t N = 9, V = 333;
        auto logits = (torch::randn({N, V}) * 3).to(torch::kBFloat16);
        auto targets = torch::randint(0, V, {N}, torch::kLong);
        auto weights = torch::randn({N});
        auto x = logits.clone().requires_grad_(true);
        auto lp = tokenLogProbs(x, targets, 1.0);
        QCOMPARE(lp.scalar_type(), torch::kFloat32);
        (lp * weights).sum().backward();
        QCOMPARE(x.grad().scalar_type(), torch::kBFloat16);
        const auto want = logProbsAndGradient(logits.to(torch::kFloat32), targets, weights, 1.0, true);
        QVERIFY(maxDifference(lp, want.values) < 2e-5);
        // Each gradient entry is the float64 value rounded to bfloat16: within half a bfloat16 ulp (2^-9 relative).
        const auto relative = (x.grad().to(torch::kFloat64) - want.grad).abs() / (want.grad.abs() + 1e-30);
        QVERIFY2(relative.max().item<double>() <= 1.0 / 256, std::to_string(relative.max().item<double>()).c_str());
    }

    // Rows whose logits differ by hundreds: exp underflows for most entries, the top one dominates.
    void extremeLogits() {
        auto logits = torch::tensor({{-300.0f, 0.0f, 300.0f, 299.0f, -1e4f}, {80.0f, 80.0f, 80.0f, 80.0f, 80.0f}});
        auto targets = torch::tensor({3, 1}, torch::kLong);
        auto got = tokenLogProbs(logits, targets);
        auto want = referenceLogProbs(logits, targets, 1.0);
        QVERIFY(maxDifference(got, want) < 1e-5);
        QVERIFY(std::abs(got[1].item<double>() + std::log(5.0)) < 1e-6);
    }

    void nanLogitsGiveNanLoss() {
        auto logits = torch::randn({3, 40});
        logits[1][7] = std::numeric_limits<float>::quiet_NaN();
        auto lp = tokenLogProbs(logits, torch::tensor({0, 0, 0}, torch::kLong));
        QVERIFY(std::isnan(lp[1].item<float>()));
        QVERIFY(std::isfinite(lp[0].item<float>()) && std::isfinite(lp[2].item<float>()));
    }

    void crossEntropyIgnoresMaskedTargets() {
        torch::manual_seed(5);
        auto logits = torch::randn({6, 50}).requires_grad_(true);
        auto targets = torch::tensor({3, -100, 49, 0, -100, 7}, torch::kLong);
        auto loss = tokenCrossEntropy(logits, targets);
        loss.backward();
        auto x = logits.detach().clone().requires_grad_(true);
        auto want = torch::nn::functional::cross_entropy(x, targets);
        want.backward();
        QVERIFY(std::abs(loss.item<double>() - want.item<double>()) < 1e-5);
        QVERIFY(maxDifference(logits.grad(), x.grad()) < 1e-6);
        QCOMPARE(logits.grad()[1].abs().sum().item<double>(), 0.0);  // an ignored row gets no gradient
        auto sum = tokenCrossEntropy(logits.detach(), targets, LossReduction::Sum);
        QVERIFY(std::abs(sum.item<double>() - 4 * want.item<double>()) < 1e-4);
        QVERIFY(std::isnan(tokenCrossEntropy(logits.detach(), torch::full({6}, -100, torch::kLong)).item<double>()));
    }

    void badArgumentsAreRefused() {
        auto logits = torch::randn({2, 10});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tokenLogProbs(logits, torch::tensor({1, 10}, torch::kLong)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tokenLogProbs(logits, torch::tensor({-1, 0}, torch::kLong)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tokenLogProbs(logits, torch::tensor({1}, torch::kLong)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tokenLogProbs(logits.unsqueeze(0), torch::tensor({1, 2}, torch::kLong)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tokenLogProbs(logits, torch::tensor({1, 2}, torch::kLong), 0.0));
    }

    // Columns past the vocabulary are not part of the softmax and get no gradient, whatever they hold.
    void columnsPastTheVocabularyAreIgnored() {
        torch::manual_seed(7);
        const int64_t N = 11, V = 50, W = 64;
        auto padded = torch::randn({N, W}) * 3;
        padded.narrow(1, V, W - V).fill_(40.0f);  // would dominate the softmax if it were included
        auto targets = torch::randint(0, V, {N}, torch::kLong);
        auto weights = torch::randn({N});
        for (auto type : {torch::kFloat32, torch::kBFloat16}) {
            auto x = padded.to(type).detach().clone().requires_grad_(true);
            auto lp = tokenLogProbs(x, targets, 0.8, V);
            (lp * weights).sum().backward();
            const auto want = logProbsAndGradient(padded.to(type).narrow(1, 0, V).to(torch::kFloat32), targets, weights, 0.8, true);
            QVERIFY(maxDifference(lp, want.values) < 2e-5);
            QVERIFY(maxDifference(x.grad().narrow(1, 0, V), want.grad) < (type == torch::kFloat32 ? 2e-6 : 1e-2));
            QCOMPARE(x.grad().narrow(1, V, W - V).abs().sum().item<double>(), 0.0);
        }
        auto loss = tokenCrossEntropy(padded, targets, LossReduction::Mean, -100, V);
        auto want = torch::nn::functional::cross_entropy(padded.narrow(1, 0, V), targets);
        QVERIFY(std::abs(loss.item<double>() - want.item<double>()) < 1e-5);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tokenLogProbs(padded, torch::full({N}, V, torch::kLong), 1.0, V));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tokenLogProbs(padded, targets, 1.0, W + 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tokenLogProbs(padded, targets, 1.0, 0));
    }

    // Non-contiguous logits (a transposed view) give the same numbers as their contiguous copy.
    void stridedLogits() {
        torch::manual_seed(6);
        auto base = torch::randn({37, 5});
        auto targets = torch::randint(0, 37, {5}, torch::kLong);
        QVERIFY(maxDifference(tokenLogProbs(base.t(), targets), referenceLogProbs(base.t(), targets, 1.0)) < 2e-5);
    }

    // One block for all rows, three blocks (a vocabulary of 20,000: 256 rows a block, the last one part
    // full), one row and no rows at all.
    void headLogProbsMatchReference() {
        torch::manual_seed(8);
        const int64_t C = 24;
        for (int64_t V : {5, 1000, 20000})
            for (int64_t N : {0, 1, 600}) {
                auto hidden = torch::randn({N, C}), weight = torch::randn({V, C}) * 0.3;
                auto targets = torch::randint(0, V, {N}, torch::kLong);
                QVERIFY(headKernelTakes(hidden, weight));
                const auto got = headTokenLogProbs(hidden, weight, targets, 0.7);
                QCOMPARE(got.size(0), N);
                QCOMPARE(got.scalar_type(), torch::kFloat32);
                if (N == 0) continue;
                const auto logits = torch::matmul(hidden.to(torch::kFloat64), weight.to(torch::kFloat64).t());
                const std::string where = "V " + std::to_string(V) + " N " + std::to_string(N);
                QVERIFY2(maxDifference(got, referenceLogProbs(logits, targets, 0.7)) < 5e-5, where.c_str());
            }
    }

    // Under bf16 autocast the product is bf16, as the output layer's matmul would be there.
    void headLogProbsFollowBf16Autocast() {
        torch::manual_seed(9);
        auto hidden = torch::randn({300, 32}), weight = torch::randn({3000, 32}) * 0.3;
        auto targets = torch::randint(0, 3000, {300}, torch::kLong);
        const auto fp32 = headTokenLogProbs(hidden, weight, targets);
        rlhf::train::AutocastScope autocast(rlhf::train::Precision::Bf16, torch::kCPU);
        const auto logits = torch::matmul(hidden, weight.t());
        QCOMPARE(logits.scalar_type(), torch::kBFloat16);
        const auto got = headTokenLogProbs(hidden, weight, targets);
        QVERIFY(maxDifference(got, tokenLogProbs(logits, targets)) < 1e-3);  // up to the products' summation order
        QVERIFY(maxDifference(got, fp32) > 1e-3);                             // and not the float32 numbers
    }

    void headLogProbsOnlyWithoutGradients() {
        auto hidden = torch::randn({4, 8}), weight = torch::randn({20, 8});
        QVERIFY(!headKernelTakes(hidden.clone().requires_grad_(true), weight));
        QVERIFY(!headKernelTakes(hidden, weight.clone().requires_grad_(true)));
        {
            torch::NoGradGuard noGrad;
            QVERIFY(headKernelTakes(hidden.clone().requires_grad_(true), weight.clone().requires_grad_(true)));
        }
        QVERIFY(!headKernelTakes(hidden.to(torch::kFloat64), weight));
        const auto targets = torch::tensor({0, 1, 19, 3}, torch::kLong);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, headTokenLogProbs(hidden, weight, torch::tensor({0, 1, 20, 3}, torch::kLong)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, headTokenLogProbs(hidden, weight, targets.narrow(0, 0, 3)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, headTokenLogProbs(hidden, weight.narrow(1, 0, 7), targets));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, headTokenLogProbs(hidden, weight, targets, 0.0));
    }

    // The model's log-probs are the same through the blocks (no gradients) and through whole logits
    // (gradients), with padding and an untied output layer.
    void modelLogProbsWithAndWithoutGradients() {
        torch::manual_seed(10);
        Gpt2Config c;
        c.vocabSize = 3001, c.nPositions = 32, c.nEmbd = 32, c.nLayer = 2, c.nHead = 4, c.tieWordEmbeddings = false;
        Gpt2Model model(c);
        auto ids = torch::randint(0, c.vocabSize, {3, 20}, torch::kLong), targets = torch::randint(0, c.vocabSize, {3, 20}, torch::kLong);
        auto mask = torch::ones({3, 20}, torch::kLong);
        mask.narrow(1, 0, 5)[1].fill_(0);
        const auto withGrad = model->targetLogProbs(ids, targets, mask, 0.9);
        QVERIFY(withGrad.requires_grad());
        torch::NoGradGuard noGrad;
        const auto whole = tokenLogProbs(model->lossLogits(ids, mask).reshape({60, -1}), targets.reshape({-1}), 0.9).view({3, 20});
        QVERIFY(maxDifference(model->targetLogProbs(ids, targets, mask, 0.9), whole) < 1e-5);
        QVERIFY(maxDifference(withGrad.detach(), whole) < 1e-5);
    }
};

QTEST_GUILESS_MAIN(TokenLogProbsTest)
#include "TokenLogProbsTest.moc"
