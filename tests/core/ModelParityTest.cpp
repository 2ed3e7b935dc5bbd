// GPT-2 parity with Hugging Face transformers (tests/data/tiny-gpt2): logits, hidden states, greedy
// generation, response log-probs and the DPO losses built from them.
// torch before Qt: Qt's `slots` macro breaks torch headers.
#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <QtTest>

#include <atomic>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "TestData.h"
#include "TestPrinters.h"
#include "model/Generation.h"
#include "model/HfCheckpoint.h"
#include "model/Safetensors.h"
#include "model/Scoring.h"
#include "train/DpoLoss.h"

using namespace rlhf::model;
namespace train = rlhf::train;
using nlohmann::json;

namespace {
std::vector<int> ids(const json& j) { return j.get<std::vector<int>>(); }
torch::Tensor batchOf(const std::vector<int>& v) {
    return torch::tensor(std::vector<int64_t>(v.begin(), v.end()), torch::kLong).unsqueeze(0);
}
}  // namespace

class ModelParityTest : public QObject {
    Q_OBJECT
    json expected_;
    LoadedModel policy_, reference_;

private slots:
    void initTestCase() {
        torch::set_num_threads(2);
        expected_ = json::parse(rlhf::test::readData("tiny-gpt2/expected.json"));
        policy_ = loadCheckpoint(rlhf::test::dataPath("tiny-gpt2/policy"), torch::kCPU, false);
        reference_ = loadCheckpoint(rlhf::test::dataPath("tiny-gpt2/reference"), torch::kCPU, false);
    }

    void logitsAndHiddenMatchTransformers() {
        SafetensorsFile reference(rlhf::test::dataPath("tiny-gpt2/expected.safetensors"));
        torch::NoGradGuard noGrad;
        for (size_t i = 0; i < expected_["sequences"].size(); ++i) {
            auto input = batchOf(ids(expected_["sequences"][i]));
            auto hidden = policy_.model->hidden(input).squeeze(0);
            auto logits = policy_.model->logits(hidden.unsqueeze(0)).squeeze(0);
            const auto wantLogits = reference.load("logits_" + std::to_string(i));
            const auto wantHidden = reference.load("last_hidden_" + std::to_string(i));
            QCOMPARE(logits.sizes().vec(), wantLogits.sizes().vec());
            const double logitErr = (logits - wantLogits).abs().max().item<double>();
            const double hiddenErr = (hidden - wantHidden).abs().max().item<double>();
            QVERIFY2(logitErr < 1e-4, std::to_string(logitErr).c_str());
            QVERIFY2(hiddenErr < 1e-4, std::to_string(hiddenErr).c_str());
        }
    }

    void greedyGenerationMatches() {
        SamplingOptions o;
        o.greedy = true;
        o.maxNewTokens = 24;
        o.stopAtEos = false;
        const auto prompt = ids(expected_["greedy_prompt"]);
        auto out = generate(policy_.model, {prompt}, o);
        std::vector<int> all = prompt;
        all.insert(all.end(), out[0].ids.begin(), out[0].ids.end());
        QCOMPARE(all, ids(expected_["greedy_ids"]));
    }

    void leftPaddedBatchMatchesSingleSequences() {
        SamplingOptions o;
        o.greedy = true;
        o.maxNewTokens = 8;
        o.stopAtEos = false;
        const auto a = ids(expected_["sequences"][0]);
        const auto b = ids(expected_["sequences"][1]);
        auto batch = generate(policy_.model, {a, b}, o);
        QCOMPARE(batch[0].ids, generate(policy_.model, {a}, o)[0].ids);
        QCOMPARE(batch[1].ids, generate(policy_.model, {b}, o)[0].ids);
    }

    void seededSamplingIsReproducible() {
        SamplingOptions o;
        o.maxNewTokens = 12;
        o.topK = 50;
        o.topP = 0.9;
        o.temperature = 0.8;
        o.seed = 42;
        const auto p = ids(expected_["sequences"][1]);
        QCOMPARE(generate(policy_.model, {p, p}, o)[1].ids, generate(policy_.model, {p, p}, o)[1].ids);
    }

    // top_p 0 keeps only the likeliest token (transformers keeps at least one): sampling is then greedy,
    // not a draw from an all −inf row (which gave the vocabulary's last id).
    void topPZeroIsGreedy() {
        SamplingOptions sampled;
        sampled.maxNewTokens = 10;
        sampled.stopAtEos = false;
        sampled.topP = 0;
        sampled.seed = 3;
        SamplingOptions greedy = sampled;
        greedy.greedy = true;
        const auto p = ids(expected_["sequences"][0]);
        QCOMPARE(generate(policy_.model, {p}, sampled)[0].ids, generate(policy_.model, {p}, greedy)[0].ids);
        const auto kept = filterTopKTopP(torch::tensor({{0.5f, 3.0f, 1.0f}}), 0, 0.0);
        QCOMPARE(kept[0][1].item<float>(), 3.0f);
        QVERIFY(std::isinf(kept[0][0].item<float>()) && std::isinf(kept[0][2].item<float>()));
    }

    void onePerRowSamplingDrawsAsMultinomialDoes() {
        torch::manual_seed(11);
        auto probs = torch::rand({64, 300}).pow(4);  // skewed rows that do not sum to 1
        probs.narrow(1, 0, 100).zero_();              // tokens that can never be drawn
        auto ours = at::make_generator<at::CPUGeneratorImpl>(5), theirs = at::make_generator<at::CPUGeneratorImpl>(5);
        const auto drawn = sampleOnePerRow(probs, ours);
        QCOMPARE(drawn.sizes(), torch::IntArrayRef({64}));
        QVERIFY(torch::equal(drawn, torch::multinomial(probs, 1, false, theirs).squeeze(1)));
        QVERIFY((drawn >= 100).all().item<bool>());
        // Frequencies follow the probabilities: 30000 draws from [0.1, 0.2, 0.7].
        const auto rows = torch::tensor({0.1f, 0.2f, 0.7f}).expand({30000, 3}).contiguous();
        const auto frequencies = torch::bincount(sampleOnePerRow(rows, ours), {}, 3).to(torch::kFloat64) / 30000.0;
        QVERIFY((frequencies - torch::tensor({0.1, 0.2, 0.7}, torch::kFloat64)).abs().max().item<double>() < 0.012);
    }

    void streamingCallbackAndCancel() {
        SamplingOptions o;
        o.greedy = true;
        o.maxNewTokens = 10;
        o.stopAtEos = false;
        const auto prompt = ids(expected_["greedy_prompt"]);
        std::vector<int> streamed;
        auto out = generate(policy_.model, {prompt}, o, [&](size_t sequence, int token) {
            if (sequence == 0) streamed.push_back(token);
            return streamed.size() < 4;  // the consumer stops after four tokens
        });
        QCOMPARE(streamed, (std::vector<int>{13, 13, 13, 13}));  // greedy_ids after the prompt
        QCOMPARE(out[0].ids, streamed);
        std::atomic<bool> cancel{true};
        QVERIFY(generate(policy_.model, {prompt}, o, {}, &cancel)[0].ids.empty());
        o.stopAtEos = true;
        o.maxNewTokens = 1000;  // more than the context: clamped, not an error
        QCOMPARE(generate(policy_.model, {prompt}, o)[0].ids.size(), size_t(64 - prompt.size()));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generate(policy_.model, {{}}, o));
    }

    void responseLogprobsAndDpoLosses() {
        const json& dpo = expected_["dpo"];
        const auto prompt = ids(dpo["prompt"]);
        const auto pc = scoreResponse(policy_.model, prompt, ids(dpo["chosen"]));
        const auto pr = scoreResponse(policy_.model, prompt, ids(dpo["rejected"]));
        const auto rc = scoreResponse(reference_.model, prompt, ids(dpo["chosen"]));
        const auto rr = scoreResponse(reference_.model, prompt, ids(dpo["rejected"]));
        QVERIFY(std::abs(pc.sum - dpo["policy_logp_chosen"].get<double>()) < 1e-4);
        QVERIFY(std::abs(pr.sum - dpo["policy_logp_rejected"].get<double>()) < 1e-4);
        QVERIFY(std::abs(rc.sum - dpo["ref_logp_chosen"].get<double>()) < 1e-4);
        QVERIFY(std::abs(rr.sum - dpo["ref_logp_rejected"].get<double>()) < 1e-4);
        const auto perToken = dpo["policy_token_logps_chosen"].get<std::vector<double>>();
        QCOMPARE(pc.tokenLogprobs.size(), perToken.size());
        for (size_t i = 0; i < perToken.size(); ++i) QVERIFY(std::abs(pc.tokenLogprobs[i] - perToken[i]) < 1e-4);
        // The DPO family on these numbers (train/DpoLoss), against transformers + TRL's values.
        auto one = [](double x) { return torch::tensor({x}, torch::kFloat64); };
        for (double beta : {0.1, 0.5}) {
            const std::string b = beta == 0.1 ? "0.1" : "0.5";
            auto lossOf = [&](train::DpoLossType type, double smoothing) {
                return train::dpoLoss(one(pc.sum), one(pr.sum), one(rc.sum), one(rr.sum), {beta, smoothing, type}).loss.item<double>();
            };
            const double sigmoid = lossOf(train::DpoLossType::Sigmoid, 0.0), cdpo = lossOf(train::DpoLossType::Sigmoid, 0.1),
                         ipo = lossOf(train::DpoLossType::Ipo, 0.0);
            QVERIFY(std::abs(sigmoid - dpo["losses"]["sigmoid_beta" + b].get<double>()) < 1e-4);
            QVERIFY(std::abs(cdpo - dpo["losses"]["cdpo_ls0.1_beta" + b].get<double>()) < 1e-4);
            QVERIFY(std::abs(ipo - dpo["losses"]["ipo_beta" + b].get<double>()) < 1e-3 * std::max(1.0, ipo));
        }
    }

    // GPT2ForSequenceClassification: a score head on the last real token's final hidden state, against
    // the independent reference forward (tiny-gpt2-variants/reward); padded batches on either side agree.
    void rewardHeadMatchesReference() {
        namespace fs = std::filesystem;
        const fs::path dir = fs::temp_directory_path() / ("rlhf-reward-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        fs::copy_file(rlhf::test::dataPath("tiny-gpt2/policy/config.json"), dir / "config.json", fs::copy_options::overwrite_existing);
        std::map<std::string, torch::Tensor> tensors;
        {
            SafetensorsFile policy(rlhf::test::dataPath("tiny-gpt2/policy/model.safetensors"));
            for (const auto& [name, info] : policy.tensors()) tensors[name] = policy.load(name);
            tensors["score.weight"] = SafetensorsFile(rlhf::test::dataPath("tiny-gpt2-variants/reward/score.safetensors")).load("score.weight");
        }
        saveSafetensors((dir / "model.safetensors").string(), tensors);
        auto rm = loadCheckpoint(dir.string(), torch::kCPU, false);
        fs::remove_all(dir);
        const json want = json::parse(rlhf::test::readData("tiny-gpt2-variants/reward/expected.json"));
        const json& dpo = expected_["dpo"];
        const auto prompt = ids(dpo["prompt"]), chosen = ids(dpo["chosen"]), rejected = ids(dpo["rejected"]);
        const double rc = rewardOf(rm.model, rm.score, prompt, chosen).at(0), rr = rewardOf(rm.model, rm.score, prompt, rejected).at(0);
        QVERIFY2(std::abs(rc - want["chosen"].get<double>()) < 1e-4, std::to_string(rc).c_str());
        QVERIFY2(std::abs(rr - want["rejected"].get<double>()) < 1e-4, std::to_string(rr).c_str());
        // [2,S] batch: the shorter sequence padded on the right, then on the left.
        auto a = prompt, b = prompt;
        a.insert(a.end(), chosen.begin(), chosen.end());
        b.insert(b.end(), rejected.begin(), rejected.end());
        const int64_t S = static_cast<int64_t>(a.size()), pad = S - static_cast<int64_t>(b.size());
        torch::NoGradGuard noGrad;
        for (bool left : {false, true}) {
            auto ids2 = torch::zeros({2, S}, torch::kLong), mask = torch::zeros({2, S}, torch::kLong);
            ids2[0] = batchOf(a)[0];
            mask[0].fill_(1);
            ids2[1].narrow(0, left ? pad : 0, S - pad).copy_(batchOf(b)[0]);
            mask[1].narrow(0, left ? pad : 0, S - pad).fill_(1);
            const auto scores = sequenceScores(rm.model, rm.score, ids2, mask);  // [2,1]
            QVERIFY(std::abs(scores[0][0].item<double>() - rc) < 1e-4);
            QVERIFY2(std::abs(scores[1][0].item<double>() - rr) < 1e-4, left ? "left padding" : "right padding");
        }
    }

    // Config options of HF GPT-2 (attention scaling, activation_function, layer_norm_epsilon), against an
    // independent PyTorch forward (tests/data/tiny-gpt2-variants/make_reference.py, which reproduces
    // transformers' default logits).
    void configVariants() {
        namespace fs = std::filesystem;
        for (const char* variant : {"inverse-layer-scale", "unscaled-attention", "quick-gelu-activation", "relu-activation"}) {
            const fs::path dir = fs::temp_directory_path() / ("rlhf-variant-" + std::to_string(::getpid()) + variant);
            fs::create_directories(dir);
            fs::copy_file(rlhf::test::dataPath("tiny-gpt2/policy/model.safetensors"), dir / "model.safetensors", fs::copy_options::overwrite_existing);
            fs::copy_file(rlhf::test::dataPath(std::string("tiny-gpt2-variants/") + variant + "/config.json"), dir / "config.json", fs::copy_options::overwrite_existing);
            auto model = loadCheckpoint(dir.string(), torch::kCPU, false);
            torch::NoGradGuard noGrad;
            auto logits = model.model->forward(batchOf(ids(expected_["sequences"][0]))).squeeze(0);
            const auto want = SafetensorsFile(rlhf::test::dataPath(std::string("tiny-gpt2-variants/") + variant + "/expected.safetensors")).load("last_logits");
            const double err = (logits[-1] - want).abs().max().item<double>();
            QVERIFY2(err < 1e-4, (std::string(variant) + " " + std::to_string(err)).c_str());
            const double fromDefault = (logits[-1] - policy_.model->forward(batchOf(ids(expected_["sequences"][0]))).squeeze(0)[-1]).abs().max().item<double>();
            QVERIFY2(fromDefault > 1e-4, variant);  // the option really changes the model
            // Greedy generation (the CPU decoder, with this activation) agrees with the forward pass.
            SamplingOptions o;
            o.greedy = true;
            o.maxNewTokens = 3;
            o.stopAtEos = false;
            const auto prompt = ids(expected_["sequences"][0]);
            const auto generated = generate(model.model, {prompt}, o)[0].ids;
            auto sequence = prompt;
            for (int step = 0; step < 3; ++step)
                sequence.push_back(static_cast<int>(model.model->forward(batchOf(sequence)).squeeze(0)[-1].argmax().item<int64_t>()));
            QCOMPARE(generated, std::vector<int>(sequence.begin() + static_cast<long>(prompt.size()), sequence.end()));
            fs::remove_all(dir);
        }
    }

    void oldConfigWithNCtxOnly() {
        auto j = nlohmann::json::parse(rlhf::test::readData("tiny-gpt2/policy/config.json"));
        j.erase("n_positions");
        j["n_ctx"] = 64;
        QCOMPARE(Gpt2Config::fromJson(j, "config.json").nPositions, 64);
        j.erase("n_ctx");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Gpt2Config::fromJson(j, "config.json"));
    }

    void activationFunctionRoundTripsAndUnknownOnesAreRefused() {
        auto j = nlohmann::json::parse(rlhf::test::readData("tiny-gpt2/policy/config.json"));
        j["activation_function"] = "silu";
        const auto c = Gpt2Config::fromJson(j, "config.json");
        QCOMPARE(c.activation, std::string("silu"));
        QVERIFY(c.activationKind() == Activation::Silu);
        j["activation_function"] = "gelu_fast";
        QVERIFY(Gpt2Config::fromJson(j, "config.json").activationKind() == Activation::GeluTanh);
        j["activation_function"] = "silu";
        QCOMPARE(c.toJson()["activation_function"].get<std::string>(), std::string("silu"));
        j["activation_function"] = "mish";
        try {
            Gpt2Config::fromJson(j, "dir/config.json");
            QFAIL("mish accepted");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(std::string(e.what()).starts_with("dir/config.json: activation_function \"mish\" is not supported"), e.what());
        }
    }
};

QTEST_APPLESS_MAIN(ModelParityTest)
#include "ModelParityTest.moc"
