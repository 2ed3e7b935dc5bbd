// The fused causal softmax of the LibTorch 1.x attention against its definition (scale, -inf mask,
// softmax in float64): values and gradients for float32 and bfloat16 scores, training shapes (past 0),
// prefill after a cache (past > 0), single decode queries, and widths that are not multiples of 16.
// torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include <QtTest>

#include <limits>

#include "TestPrinters.h"
#include "model/CausalSoftmax.h"

using namespace rlhf::model;

namespace {

torch::Tensor reference(const torch::Tensor& scores, double scale, int64_t past) {
    const int64_t T = scores.size(-2), S = scores.size(-1);
    const auto hidden = torch::ones({T, S}, torch::kBool).triu(past + 1);
    return (scores.to(torch::kFloat64) * scale).masked_fill(hidden, -std::numeric_limits<double>::infinity()).softmax(-1);
}

double maxDifference(const torch::Tensor& a, const torch::Tensor& b) {
    return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

}  // namespace

class CausalSoftmaxTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { torch::set_num_threads(2); }

    void matchesDefinition_data() {
        QTest::addColumn<int>("T");
        QTest::addColumn<int>("S");
        QTest::addColumn<int>("past");
        QTest::addColumn<double>("scale");
        QTest::newRow("training 1x1") << 1 << 1 << 0 << 1.0;
        QTest::newRow("training 37") << 37 << 37 << 0 << 0.125;
        QTest::newRow("training 64") << 64 << 64 << 0 << 0.35;
        QTest::newRow("prefill after 5") << 11 << 16 << 5 << 0.25;
        QTest::newRow("decode one query") << 1 << 23 << 22 << 0.5;
    }

    void matchesDefinition() {
        QFETCH(int, T);
        QFETCH(int, S);
        QFETCH(int, past);
        QFETCH(double, scale);
        QVERIFY(fusedCausalSoftmaxAvailable(torch::zeros({1})));
        torch::manual_seed(T * 100 + S);
        auto scores = (torch::randn({2, 3, T, S}) * 4).requires_grad_(true);
        auto upstream = torch::randn({2, 3, T, S});
        auto y = causalSoftmax(scores, scale, past);
        (y * upstream).sum().backward();
        auto x = scores.detach().to(torch::kFloat64).requires_grad_(true);
        auto want = reference(x, scale, past);
        (want * upstream.to(torch::kFloat64)).sum().backward();
        QVERIFY2(maxDifference(y, want) < 1e-6, std::to_string(maxDifference(y, want)).c_str());
        QVERIFY2(maxDifference(scores.grad(), x.grad()) < 1e-5, std::to_string(maxDifference(scores.grad(), x.grad())).c_str());
        // Hidden keys: exactly zero probability and zero gradient.
        const auto hidden = torch::ones({T, S}, torch::kBool).triu(past + 1);
        QCOMPARE(y.detach().masked_select(hidden.expand_as(y)).abs().sum().item<double>(), 0.0);
        QCOMPARE(scores.grad().masked_select(hidden.expand_as(y)).abs().sum().item<double>(), 0.0);
    }

    void bfloat16StaysBfloat16() {
        torch::manual_seed(9);
        auto scores = (torch::randn({4, 19, 19}) * 3).to(torch::kBFloat16).requires_grad_(true);
        auto y = causalSoftmax(scores, 0.3, 0);
        QCOMPARE(y.scalar_type(), torch::kBFloat16);
        auto upstream = torch::randn({4, 19, 19}).to(torch::kBFloat16);
        (y * upstream).sum().backward();
        QCOMPARE(scores.grad().scalar_type(), torch::kBFloat16);
        auto x = scores.detach().to(torch::kFloat64).requires_grad_(true);
        auto want = reference(x, 0.3, 0);
        (want * upstream.to(torch::kFloat64)).sum().backward();
        QVERIFY(maxDifference(y, want) < 4e-3);  // one bfloat16 rounding of values <= 1
        QVERIFY(maxDifference(scores.grad(), x.grad()) < 2e-2 * x.grad().abs().max().item<double>());
    }

    void badShapesAreRefused() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, causalSoftmax(torch::zeros({5}), 1.0, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, causalSoftmax(torch::zeros({4, 6}), 1.0, 3));
    }
};

QTEST_GUILESS_MAIN(CausalSoftmaxTest)
#include "CausalSoftmaxTest.moc"
