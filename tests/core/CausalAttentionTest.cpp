// The fused attention of LibTorch 1.x builds against its definition in float64 (scale, -inf mask,
// softmax, weighted values): the causal softmax for float32 and bfloat16 scores, training shapes (past 0),
// prefill after a cache (past > 0), single decode queries; and the whole float32 causal attention with
// q, k, v as the strided views of one c_attn output, head sizes and lengths that are not multiples of 16.
// torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include <QtTest>

#include <limits>

#include "TensorCompare.h"
#include "VectorWidth.h"
#include "TestPrinters.h"
#include "model/cpu/CausalAttention.h"
#include "model/cpu/CausalSoftmax.h"

using namespace rlhf::model;

using rlhf::test::maxDifference;

namespace {

torch::Tensor reference(const torch::Tensor& scores, double scale, int64_t past) {
    const int64_t T = scores.size(-2), S = scores.size(-1);
    const auto hidden = torch::ones({T, S}, torch::kBool).triu(past + 1);
    return (scores.to(torch::kFloat64) * scale).masked_fill(hidden, -std::numeric_limits<double>::infinity()).softmax(-1);
}

// softmax(scale q k^T, causal) v in float64.
torch::Tensor referenceAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, double scale) {
    return torch::matmul(reference(torch::matmul(q, k.transpose(-2, -1)), scale, 0), v);
}

}  // namespace

class CausalAttentionTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        torch::set_num_threads(2);
        QVERIFY(rlhf::test::vectorWidthAsAsked());
    }

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

    void fusedAttentionMatchesDefinition_data() {
        QTest::addColumn<int>("T");
        QTest::addColumn<int>("D");
        QTest::newRow("one position") << 1 << 16;
        QTest::newRow("T 37, D 8") << 37 << 8;
        QTest::newRow("T 70, D 20") << 70 << 20;
        QTest::newRow("T 130, D 33") << 130 << 33;
        QTest::newRow("T 64, D 64") << 64 << 64;
    }

    void fusedAttentionMatchesDefinition() {
        QFETCH(int, T);
        QFETCH(int, D);
        torch::manual_seed(T + D);
        const int64_t B = 2, H = 3, C = H * D;
        auto qkv = torch::randn({B, T, 3 * C}).requires_grad_(true);  // as c_attn makes it
        auto parts = qkv.split(C, 2);
        auto view = [&](const torch::Tensor& t) { return t.view({B, T, H, D}).transpose(1, 2); };  // [B,H,T,D], strided
        const auto q = view(parts[0]), k = view(parts[1]), v = view(parts[2]);
        QVERIFY(fusedCausalAttentionAvailable(q, k, v));
        const double scale = 1.0 / std::sqrt(static_cast<double>(D));
        auto y = causalAttention(q, k, v, scale);
        QCOMPARE(y.sizes(), q.sizes());
        QVERIFY(y.transpose(1, 2).is_contiguous());
        auto upstream = torch::randn({B, H, T, D});
        (y * upstream).sum().backward();
        auto x = qkv.detach().to(torch::kFloat64).requires_grad_(true);
        auto xp = x.split(C, 2);
        auto want = referenceAttention(view(xp[0]), view(xp[1]), view(xp[2]), scale);
        (want * upstream.to(torch::kFloat64)).sum().backward();
        QVERIFY2(maxDifference(y, want) < 1e-5, std::to_string(maxDifference(y, want)).c_str());
        QVERIFY2(maxDifference(qkv.grad(), x.grad()) < 1e-4, std::to_string(maxDifference(qkv.grad(), x.grad())).c_str());
    }

    void badShapesAreRefused() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, causalSoftmax(torch::zeros({5}), 1.0, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, causalSoftmax(torch::zeros({4, 6}), 1.0, 3));
        const auto q = torch::zeros({1, 2, 4, 8});
        QVERIFY(!fusedCausalAttentionAvailable(q.to(torch::kBFloat16), q, q));
        QVERIFY(!fusedCausalAttentionAvailable(q, torch::zeros({1, 2, 5, 8}), q));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, causalAttention(q, q.transpose(2, 3), q, 1.0));
    }
};

QTEST_GUILESS_MAIN(CausalAttentionTest)
#include "CausalAttentionTest.moc"
