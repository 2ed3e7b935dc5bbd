// The CPU tanh GELU (GeluTanh, ActivationKernels) against torch::gelu(x, "tanh") in float64: values and
// gradients for float32 and bfloat16, both tails and the clamped range of the tanh, lengths that are not
// multiples of the vector length, strided input, NaN, and inside the model's MLP.
// torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include <QtTest>

#include "TensorCompare.h"
#include "VectorWidth.h"
#include "model/cpu/GeluTanh.h"
#include "model/Gpt2Model.h"

using namespace rlhf::model;

using rlhf::test::maxDifference;

namespace {

struct ValueAndGradient {
    torch::Tensor value, grad;
};

enum class Gelu { Ours, Torch64, Sigmoid64 };

// gelu(x) and d(sum w * gelu(x))/dx: by our kernel; by torch in float64; or in float64 as x s(2u), the same
// function without the cancellation of 1 + tanh(u) (which leaves even float64 with no correct digit in the
// negative tail, below about -6).
ValueAndGradient run(const torch::Tensor& x, const torch::Tensor& w, Gelu how) {
    auto in = (how == Gelu::Ours ? x : x.to(torch::kFloat64)).detach().clone().requires_grad_(true);
    auto y = how == Gelu::Ours      ? geluTanh(in)
             : how == Gelu::Torch64 ? torch::gelu(in, "tanh")
                                    : in * torch::sigmoid(2 * 0.7978845608028654 * (in + 0.044715 * in.pow(3)));
    (y * w.to(y.scalar_type())).sum().backward();
    return {y.detach(), in.grad()};
}

}  // namespace

class GeluTanhTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        torch::set_num_threads(2);
        QVERIFY(rlhf::test::vectorWidthAsAsked());
    }

    void float32MatchesTorch() {
        for (int64_t n : {1, 7, 16, 33, 4801, 70001}) {
            auto x = torch::linspace(-12, 12, n);
            auto w = torch::randn({n});
            const auto got = run(x, w, Gelu::Ours), want = run(x, w, Gelu::Torch64);
            QCOMPARE(got.value.scalar_type(), torch::kFloat32);
            const std::string where = "n " + std::to_string(n);
            QVERIFY2(maxDifference(got.value, want.value) < 2e-6, where.c_str());
            QVERIFY2(maxDifference(got.grad, want.grad) < 2e-6 * (1 + w.abs().max().item<double>()), where.c_str());
        }
    }

    // bf16 in and out, float32 inside: within one bf16 rounding of the exact values, relative to each value,
    // tails included (gelu(-7) is about -1e-15).
    void bfloat16MatchesTorch() {
        torch::manual_seed(4);
        auto x = (torch::randn({3, 1000}) * 4).to(torch::kBFloat16);
        auto w = torch::randn({3, 1000}).to(torch::kBFloat16);
        const auto got = run(x, w, Gelu::Ours), want = run(x, w, Gelu::Sigmoid64);
        QCOMPARE(got.value.scalar_type(), torch::kBFloat16);
        QCOMPARE(got.grad.scalar_type(), torch::kBFloat16);
        const auto ulp = [](const torch::Tensor& t) { return t.to(torch::kFloat64).abs() / 128 + 1e-30; };
        QVERIFY(((got.value.to(torch::kFloat64) - want.value).abs() <= ulp(want.value)).all().item<bool>());
        // The slope crosses 0 near x = -0.75, where a float32 slope's absolute error (~1e-7) is no longer
        // small against it.
        QVERIFY(((got.grad.to(torch::kFloat64) - want.grad).abs() <= ulp(want.grad) + 1e-6 * w.to(torch::kFloat64).abs())
                    .all().item<bool>());
    }

    void stridedInputAndNan() {
        auto base = torch::randn({40, 9});
        const auto x = base.t();  // not contiguous
        QVERIFY(maxDifference(geluTanh(x), torch::gelu(x, "tanh")) < 2e-6);
        QCOMPARE(geluTanh(x).sizes(), x.sizes());
        auto withNan = torch::tensor({1.0f, std::nanf(""), -2.0f});
        QVERIFY(std::isnan(geluTanh(withNan)[1].item<float>()));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, geluTanh(torch::randn({3}, torch::kFloat64)));
        QVERIFY(!geluKernelTakes(torch::randn({3}, torch::kFloat64)));
    }

    // The model's MLP runs it: the block output equals a float64 recomputation with torch's GELU.
    void mlpUsesIt() {
        torch::manual_seed(11);
        Gpt2Config c;
        c.vocabSize = 50, c.nPositions = 16, c.nEmbd = 24, c.nLayer = 1, c.nHead = 2;
        Mlp mlp(c);
        auto x = torch::randn({2, 5, 24}).requires_grad_(true);
        auto y = mlp->forward(x);
        y.sum().backward();
        auto x64 = x.detach().to(torch::kFloat64).requires_grad_(true);
        auto fc = torch::nn::functional::linear(x64, mlp->c_fc->weight.to(torch::kFloat64), mlp->c_fc->bias.to(torch::kFloat64));
        auto want = torch::nn::functional::linear(torch::gelu(fc, "tanh"), mlp->c_proj->weight.to(torch::kFloat64),
                                                  mlp->c_proj->bias.to(torch::kFloat64));
        want.sum().backward();
        QVERIFY(maxDifference(y, want) < 1e-5);
        QVERIFY(maxDifference(x.grad(), x64.grad()) < 1e-5);
    }
};

QTEST_GUILESS_MAIN(GeluTanhTest)
#include "GeluTanhTest.moc"
