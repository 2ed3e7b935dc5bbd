// The DPO losses on a batch: TRL's metrics by hand, gradients that move the policy toward the chosen
// response and leave the reference alone, cDPO and IPO on known values, bad arguments. (The losses on
// real model log-probs against transformers + TRL are in ModelParityTest.)
// torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include <QtTest>

#include <cmath>

#include "TestPrinters.h"
#include "train/DpoLoss.h"

using namespace rlhf::train;

namespace {

torch::Tensor values(std::initializer_list<double> v) { return torch::tensor(std::vector<double>(v), torch::kFloat64); }

double logSigmoid(double x) { return -std::log1p(std::exp(-x)); }

}  // namespace

class DpoLossTest : public QObject {
    Q_OBJECT

private slots:
    void metricsAndLossOnABatch() {
        // h = (pc - pr) - (rc - rr) per pair: 3 - 1 = 2, (-1) - 0 = -1, 0 - 0 = 0.
        const auto pc = values({-10, -20, -5}), pr = values({-13, -19, -5});
        const auto rc = values({-11, -20, -6}), rr = values({-12, -20, -6});
        const auto r = dpoLoss(pc, pr, rc, rr, {0.5, 0.0, DpoLossType::Sigmoid});
        const double want = -(logSigmoid(0.5 * 2) + logSigmoid(0.5 * -1) + logSigmoid(0.0)) / 3;
        QVERIFY(std::abs(r.loss.item<double>() - want) < 1e-12);
        // chosen rewards 0.5 (pc - rc) = 0.5, 0, 0.5; rejected 0.5 (pr - rr) = -0.5, 0.5, 0.5.
        QVERIFY(std::abs(r.metrics.at("rewards/chosen") - 1.0 / 3) < 1e-12);
        QVERIFY(std::abs(r.metrics.at("rewards/rejected") - 1.0 / 6) < 1e-12);
        QVERIFY(std::abs(r.metrics.at("rewards/accuracies") - 1.0 / 3) < 1e-12);  // only the first pair: ties do not count
        QVERIFY(std::abs(r.metrics.at("rewards/margins") - 1.0 / 6) < 1e-12);
        QVERIFY(std::abs(r.metrics.at("logps/chosen") - (-35.0 / 3)) < 1e-12);
        QVERIFY(std::abs(r.metrics.at("logps/rejected") - (-37.0 / 3)) < 1e-12);
        const double ipo = dpoLoss(pc, pr, rc, rr, {0.5, 0.0, DpoLossType::Ipo}).loss.item<double>();
        QVERIFY(std::abs(ipo - (1.0 + 4.0 + 1.0) / 3) < 1e-12);  // (h - 1)^2
        const double cdpo = dpoLoss(pc, pr, rc, rr, {0.5, 0.2, DpoLossType::Sigmoid}).loss.item<double>();
        double wantC = 0;
        for (double h : {2.0, -1.0, 0.0}) wantC += (-0.8 * logSigmoid(0.5 * h) - 0.2 * logSigmoid(-0.5 * h)) / 3;
        QVERIFY(std::abs(cdpo - wantC) < 1e-12);
    }

    void gradientFavoursChosenAndSparesTheReference() {
        auto pc = values({-10, -7}).requires_grad_(true), pr = values({-9, -7}).requires_grad_(true);
        auto rc = values({-10, -7}).requires_grad_(true), rr = values({-10, -7}).requires_grad_(true);
        dpoLoss(pc, pr, rc, rr, {}).loss.backward();
        QVERIFY((pc.grad() < 0).all().item<bool>());
        QVERIFY((pr.grad() > 0).all().item<bool>());
        QVERIFY(!rc.grad().defined() || rc.grad().abs().sum().item<double>() == 0.0);
        // d loss / d pc = -beta sigmoid(-beta h) / B at h = -1 and 0.
        QVERIFY(std::abs(pc.grad()[0].item<double>() + 0.1 / (1 + std::exp(-0.1)) / 2) < 1e-12);
        QVERIFY(std::abs(pc.grad()[1].item<double>() + 0.1 * 0.5 / 2) < 1e-12);
    }

    void badArgumentsAreRefused() {
        const auto a = values({-1, -2});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, dpoLoss(a, values({-1}), a, a, {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, dpoLoss(a, a, a, a, {0.0, 0.0, DpoLossType::Sigmoid}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, dpoLoss(a, a, a, a, {0.1, 0.5, DpoLossType::Sigmoid}));
    }
};

QTEST_APPLESS_MAIN(DpoLossTest)
#include "DpoLossTest.moc"
