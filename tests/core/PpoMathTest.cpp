// PPO's arithmetic (architecture §5 PPO, as TRL computes it) on numbers worked by hand: masked statistics,
// per-token rewards with the KL penalty, the score on each last token and the missing-EOS penalty, GAE,
// the clipped policy and value losses, and the adaptive KL coefficient.
#include <torch/torch.h>  // before Qt: Qt's `slots` macro breaks torch headers

#include <QtTest>

#include <cmath>

#include "TensorCompare.h"
#include "TestPrinters.h"
#include "train/PpoMath.h"

using namespace rlhf;
using rlhf::test::maxDifference;

namespace {
torch::Tensor t2(std::vector<std::vector<double>> rows) {
    std::vector<torch::Tensor> out;
    for (auto& r : rows) out.push_back(torch::tensor(r, torch::kFloat64));
    return torch::stack(out);
}
}  // namespace

class PpoMathTest : public QObject {
    Q_OBJECT

private slots:
    void maskedStatistics() {
        const auto values = t2({{1, 2, 3}, {4, 100, -7}}), mask = t2({{1, 1, 1}, {1, 0, 0}});
        QCOMPARE(train::maskedMean(values, mask).item<double>(), 2.5);
        QVERIFY(std::abs(train::maskedVariance(values, mask).item<double>() - 5.0 / 3.0) < 1e-12);  // Bessel: 5/4 * 4/3
        QVERIFY(std::abs(train::maskedVariance(values, mask, false).item<double>() - 1.25) < 1e-12);
        const auto white = train::maskedWhiten(values, mask);
        QVERIFY(std::abs(white[0][0].item<double>() - (1 - 2.5) / std::sqrt(5.0 / 3.0 + 1e-8)) < 1e-12);
        QVERIFY(std::abs(train::maskedWhiten(values, mask, false)[0][0].item<double>() - ((1 - 2.5) / std::sqrt(5.0 / 3.0 + 1e-8) + 2.5)) < 1e-12);
    }

    // kl = logp − logp_ref on real tokens; rewards −0.1·kl, the score (less 0.5 without EOS) on the last token.
    void tokenRewardsPenaliseKlAndScoreTheLastToken() {
        const auto logp = t2({{-1, -2, -3}, {-1, -1, -1}}), ref = t2({{-1.5, -2, -2}, {-1, -2, -1}});
        const auto mask = t2({{1, 1, 1}, {1, 1, 0}});
        const auto r = train::tokenRewards(logp, ref, torch::tensor({2.0, 1.0}, torch::kFloat64), torch::tensor({true, false}),
                                           mask, 0.1, 0.5);
        QVERIFY(maxDifference(r.kl, t2({{0.5, 0, -1}, {0, 1, 0}})) < 1e-12);
        QVERIFY(maxDifference(r.scores, torch::tensor({2.0, 0.5}, torch::kFloat64)) < 1e-12);
        QVERIFY(maxDifference(r.rewards, t2({{-0.05, 0, 2.1}, {0, 0.4, 0}})) < 1e-12);
    }

    // γ 1, λ 0.95, rewards (0, 0, 1), values 0.5: A = (0.45125, 0.475, 0.5), returns A + V; the second
    // row's padding (a reward of 9 there) changes nothing of it.
    void gaeAdvantagesAndReturns() {
        const auto rewards = t2({{0, 0, 1}, {0, 1, 9}}), values = t2({{0.5, 0.5, 0.5}, {0.5, 0.5, 7}});
        const auto mask = t2({{1, 1, 1}, {1, 1, 0}});
        const auto a = train::generalisedAdvantages(rewards, values, mask, 1.0, 0.95);
        // Row 2: t=1: δ = 1 − 0.5 = 0.5, A = 0.5; t=0: δ = 0 + 0.5 − 0.5 = 0, A = 0.475.
        QVERIFY(maxDifference(a.returns, t2({{0.95125, 0.975, 1.0}, {0.975, 1.0, 0}})) < 1e-12);
        const auto raw = t2({{0.45125, 0.475, 0.5}, {0.475, 0.5, 0}});
        QVERIFY(maxDifference(a.advantages, train::maskedWhiten(raw, mask) * mask) < 1e-12);
        QCOMPARE(a.advantages[1][2].item<double>(), 0.0);
    }

    // ratio 1.5 with ε 0.2: for A = 1 the clipped term (−1.2) is the larger, for A = −1 the unclipped (1.5).
    void clippedPolicyLossTakesThePessimisticTerm() {
        auto logp = torch::tensor({{std::log(1.5), std::log(1.5)}}, torch::kFloat64).requires_grad_(true);
        const auto old = torch::zeros({1, 2}, torch::kFloat64), advantages = t2({{1, -1}}), mask = t2({{1, 1}});
        const auto loss = train::clippedPolicyLoss(logp, old, advantages, mask, 0.2);
        QVERIFY(std::abs(loss.loss.item<double>() - 0.15) < 1e-12);  // mean(−1.2, 1.5)
        QCOMPARE(loss.clipFraction.item<double>(), 0.5);
        loss.loss.backward();
        QVERIFY(maxDifference(logp.grad(), t2({{0, 0.75}})) < 1e-12);  // d/dlogp of 1.5·½ where unclipped, 0 where clipped
    }

    // v_old 1, ε 0.2, returns 0: v 2 → max(4, 1.44) = 4; v 0.5 → max(0.25, 0.64) = 0.64; ½·mean = 1.16.
    void clippedValueLoss() {
        const auto loss = train::clippedValueLoss(t2({{2.0, 0.5}}), t2({{1, 1}}), t2({{0, 0}}), t2({{1, 1}}), 0.2);
        QVERIFY(std::abs(loss.loss.item<double>() - 1.16) < 1e-12);
        QCOMPARE(loss.clipFraction.item<double>(), 0.5);
    }

    void adaptiveKlFollowsZiegler() {
        train::AdaptiveKlController kl(0.1, 6.0, 10000);
        kl.update(12.0, 256);  // error clipped to +0.2
        QVERIFY(std::abs(kl.beta() - 0.1 * (1 + 0.2 * 256 / 10000.0)) < 1e-15);
        kl.update(5.7, 256);  // error −0.05
        QVERIFY(std::abs(kl.beta() - 0.1 * (1 + 0.2 * 256 / 10000.0) * (1 - 0.05 * 256 / 10000.0)) < 1e-15);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, train::AdaptiveKlController(0.1, 0, 1));
    }
};

QTEST_APPLESS_MAIN(PpoMathTest)
#include "PpoMathTest.moc"
