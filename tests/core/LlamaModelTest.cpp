// Llama-family models (tests/data/tiny-llama: Llama with grouped-query attention, a Llama-3-style model
// with head_dim, llama3 rope scaling, biases and two EOS ids, a sharded Qwen2): logits against the plain
// PyTorch transcription of transformers' modeling code in make_tiny_llama.py, the KV cache against full
// passes, left-padded batches against each row alone (also through the static step a CUDA graph replays),
// greedy ids, EOS from generation_config.json, and the
// loader's errors; bf16 weights against expected_bf16.json.
// torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "EditedModelCopy.h"
#include "TestData.h"
#include "model/LlamaCheckpoint.h"
#include "model/LlamaGeneration.h"
#include "model/Safetensors.h"
#include "model/LlamaStaticDecoder.h"
#include "model/RecurrentDecoding.h"

using namespace rlhf::model;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

torch::Tensor row(const std::vector<int>& ids) {
    return torch::tensor(std::vector<int64_t>(ids.begin(), ids.end()), torch::kLong).unsqueeze(0);
}

std::string modelDir(const std::string& name) { return rlhf::test::dataPath("tiny-llama/" + name); }

// The prompts left-padded as generation pads them: ids [B,L] and where the real tokens are, as a bool mask.
std::pair<torch::Tensor, torch::Tensor> leftPadded(const std::vector<std::vector<int>>& prompts) {
    const auto padded = leftPadPrompts(prompts, torch::kCPU);
    return {padded.ids, padded.real.to(torch::kBool)};
}

torch::Tensor logitsOf(const json& expected) {  // expected["logits"] as [T,V]
    std::vector<torch::Tensor> rows;
    for (const auto& r : expected["logits"]) rows.push_back(torch::tensor(r.get<std::vector<float>>()));
    return torch::stack(rows);
}

std::string loadError(const std::string& dir) {
    try {
        loadLlamaModel(dir);
    } catch (const std::exception& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

namespace {
std::vector<int> greedyIds(const LlamaModel& model, const std::vector<int>& prompt, int maxNew, bool* ended = nullptr) {
    SamplingOptions o;
    o.greedy = true;
    o.maxNewTokens = maxNew;
    const auto c = generateLlama(model, prompt, 1, o).at(0);
    if (ended) *ended = c.endedWithEos;
    return c.ids;
}
}  // namespace

class LlamaModelTest : public QObject {
    Q_OBJECT
    json expected_, bf16Expected_;
    fs::path tmp_;

    // A copy of model `name` in tmp_ with `file` (config.json or generation_config.json) changed by `edit`.
    std::string editedCopy(const std::string& name, const std::string& file, const std::function<void(json&)>& edit) {
        return rlhf::test::editedModelCopy(tmp_, modelDir(name), file, edit);
    }

private slots:
    void initTestCase() {
        torch::set_num_threads(2);
        expected_ = json::parse(rlhf::test::readData("tiny-llama/expected.json"));
        bf16Expected_ = json::parse(rlhf::test::readData("tiny-llama/expected_bf16.json"));
        tmp_ = fs::temp_directory_path() / ("rlhf-llama-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void logitsMatchTheReference_data() {
        QTest::addColumn<QString>("name");
        for (const char* name : {"llama", "llama3", "qwen2", "llama3-chat", "llama2-chat", "qwen2-yarn", "llama-yarn", "llama-dynamic"})
            QTest::newRow(name) << QString(name);
    }
    void logitsMatchTheReference() {
        QFETCH(QString, name);
        const auto& e = expected_[name.toStdString()];
        const auto model = loadLlamaModel(modelDir(name.toStdString()));
        const auto logits = model.forward(row(e["ids"].get<std::vector<int>>()))[0];
        // Within 1e-4 plus 1e-5 of the largest logit: float32 sums whose logits reach 20 differ by 1.6e-4
        // between two CPUs' BLAS kernels (the reference itself, recomputed on another machine, moved so much).
        const auto reference = logitsOf(e);
        const double diff = (logits - reference).abs().max().item<double>();
        const double tolerance = 1e-4 + 1e-5 * reference.abs().max().item<double>();
        QVERIFY2(diff < tolerance, qPrintable(QString("max |Δlogit| %1, tolerance %2").arg(diff).arg(tolerance)));
        const auto logProbs = model.tokenLogProbs(e["ids"].get<std::vector<int>>());
        QCOMPARE(logProbs.size(), e["ids"].size() - 1);
        for (size_t i = 0; i < logProbs.size(); ++i) QVERIFY(std::abs(logProbs[i] - e["token_logprobs"][i].get<double>()) < 1e-4);
        QCOMPARE(greedyIds(model, e["greedy_prompt"].get<std::vector<int>>(), e["max_new_tokens"].get<int>()),
                 e["greedy_new_ids"].get<std::vector<int>>());
    }

    // bf16 weights: every weight held in bf16, float32 logits, and on average much nearer to expected_bf16.json
    // (the same transcription on bf16 weights, upcast where transformers upcasts) than to the float32
    // reference — bit-equal on the CPU that wrote the fixtures (the same LibTorch kernels); another CPU's bf16
    // kernels round differently (an AVX2 EPYC: at most 0.48 of the way to float32's logits, on average). The
    // cache's last step agrees with the full pass as far as bf16's rounding lets it (a 1-ulp flip early on
    // moves these chaotic tiny models' logits by ~0.6). Not with dynamic NTK scaling past max_position_embeddings:
    // there the cache keeps keys rotated for a shorter call, as transformers' cache does.
    void bf16WeightsFollowTheBf16Reference_data() { logitsMatchTheReference_data(); }
    void bf16WeightsFollowTheBf16Reference() {
        QFETCH(QString, name);
        const auto model = loadLlamaModel(modelDir(name.toStdString()), torch::kCPU, nullptr, torch::kBFloat16);
        QCOMPARE(model.dtype(), torch::kBFloat16);
        QCOMPARE(const_cast<LlamaModel&>(model).weights().layers.back().down.scalar_type(), torch::kBFloat16);
        const auto ids = bf16Expected_[name.toStdString()]["ids"].get<std::vector<int>>();
        QCOMPARE(ids, expected_[name.toStdString()]["ids"].get<std::vector<int>>());
        const auto logits = model.forward(row(ids))[0];
        QCOMPARE(logits.scalar_type(), torch::kFloat32);
        const auto bf16Reference = logitsOf(bf16Expected_[name.toStdString()]), fp32Reference = logitsOf(expected_[name.toStdString()]);
        const double between = (bf16Reference - fp32Reference).abs().max().item<double>();
        QVERIFY2(between > 0.05, qPrintable(QString::number(between)));
        const double toBf16 = (logits - bf16Reference).abs().mean().item<double>(), toFp32 = (logits - fp32Reference).abs().mean().item<double>();
        QVERIFY2(toBf16 < 0.6 * toFp32, qPrintable(QString("mean |Δ| %1 from the bf16 reference, %2 from the float32 one").arg(toBf16).arg(toFp32)));
        if (model.config().ropeScaling.type == "dynamic") return;
        LlamaModel::KvCache cache;
        model.forward(row(std::vector<int>(ids.begin(), ids.end() - 1)), &cache);
        const auto stepped = model.forward(row({ids.back()}), &cache)[0][0];
        const double scale = bf16Reference.abs().max().item<double>();
        QVERIFY((stepped - logits[static_cast<int64_t>(ids.size()) - 1]).abs().max().item<double>() < 0.1 * scale);
    }

    // Feeding a prompt and then one token at a time through the cache gives the full pass's logits.
    void cachedDecodingEqualsTheFullPass() {
        const auto ids = expected_["llama3"]["ids"].get<std::vector<int>>();
        const auto model = loadLlamaModel(modelDir("llama3"));
        const auto full = model.forward(row(ids))[0];  // [T,V]
        LlamaModel::KvCache cache;
        const auto first = model.forward(row({ids.begin(), ids.begin() + 4}), &cache)[0];
        // Logits reach ~23 here: float32 sums in other orders differ by a few 1e-5.
        QVERIFY((first - full.narrow(0, 0, 4)).abs().max().item<double>() < 1e-4);
        for (size_t t = 4; t < ids.size(); ++t) {
            const auto step = model.forward(row({ids[t]}), &cache)[0][0];
            QVERIFY2((step - full[static_cast<int64_t>(t)]).abs().max().item<double>() < 1e-4, qPrintable(QString::number(t)));
        }
        QCOMPARE(cache.length, int64_t(ids.size()));
    }

    // Rows of different lengths left-padded with a key mask: each row's real positions give its own
    // unpadded logits (positions counted from its first real token), the KV cache continues them, and
    // greedy batched generation gives each prompt what it gets alone. Checked on the Llama-3 shape and on
    // Qwen2 (biases).
    void leftPaddedRowsEqualTheirOwnPasses() {
        for (const char* name : {"llama3", "qwen2"}) {
            const auto model = loadLlamaModel(modelDir(name));
            const auto ids = expected_[name]["ids"].get<std::vector<int>>();
            const std::vector<std::vector<int>> prompts = {{ids.begin(), ids.begin() + 3}, ids, {ids.begin() + 1, ids.begin() + 6}};
            const auto L = static_cast<int64_t>(ids.size());
            const auto [batch, mask] = leftPadded(prompts);
            LlamaModel::KvCache cache;
            const auto padded = model.forward(batch, &cache, mask);
            const auto next = torch::tensor({7, 9, 11}, torch::kLong).unsqueeze(1);
            const auto stepped = model.forward(next, &cache, torch::cat({mask, torch::ones({3, 1}, torch::kBool)}, 1));
            for (int64_t b = 0; b < 3; ++b) {
                auto alone = prompts[size_t(b)];
                alone.push_back(static_cast<int>(next[b][0].item<int64_t>()));
                const auto own = model.forward(row(alone))[0];  // [n+1,V]
                const auto n = static_cast<int64_t>(prompts[size_t(b)].size());
                QVERIFY2((padded[b].narrow(0, L - n, n) - own.narrow(0, 0, n)).abs().max().item<double>() < 1e-4, name);
                QVERIFY2((stepped[b][0] - own[n]).abs().max().item<double>() < 1e-4, name);
            }
            SamplingOptions o;
            o.greedy = true;
            o.maxNewTokens = 8;
            const auto together = generateLlamaBatch(model, prompts, o);
            for (size_t b = 0; b < prompts.size(); ++b) QCOMPARE(together[b].ids, greedyIds(model, prompts[b], 8));
        }
    }

    // The fixed-address step a CUDA graph replays (LlamaStaticDecoder: decodeStatic over StaticDecodeInputs),
    // run here on the CPU: three left-padded prompts decode four tokens over a preallocated cache, and each row's logits
    // are its own unpadded pass's (float32); bf16 steps are LlamaModel's cached steps.
    void staticDecodeStepsEqualTheirOwnPasses_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("bf16");
        for (const char* name : {"llama3", "qwen2"})
            for (bool bf16 : {false, true}) QTest::newRow((std::string(name) + (bf16 ? " bf16" : "")).c_str()) << QString(name) << bf16;
    }
    void staticDecodeStepsEqualTheirOwnPasses() {
        QFETCH(QString, name);
        QFETCH(bool, bf16);
        c10::InferenceMode inference;
        const auto model = loadLlamaModel(modelDir(name.toStdString()), torch::kCPU, nullptr, bf16 ? torch::kBFloat16 : torch::kFloat32);
        const auto ids = expected_[name.toStdString()]["ids"].get<std::vector<int>>();
        const std::vector<std::vector<int>> prompts = {{ids.begin(), ids.begin() + 3}, ids, {ids.begin() + 1, ids.begin() + 6}};
        const auto [batch, mask] = leftPadded(prompts);
        const int64_t L = batch.size(1);
        LlamaModel::KvCache prefill;
        model.forward(batch, &prefill, mask);
        std::vector<int64_t> firstReal;
        for (const auto& p : prompts) firstReal.push_back(L - static_cast<int64_t>(p.size()));
        LlamaStaticDecoder decoder(model, prefill, L + 4, firstReal, false);
        const std::vector<std::vector<int64_t>> fed = {{7, 9, 11}, {13, 2, 5}, {3, 3, 3}, {1, 8, 6}};
        std::vector<torch::Tensor> stepped;
        auto growingMask = mask;
        for (const auto& tokens : fed) {
            const auto ids = torch::tensor(tokens, torch::kLong).view({3, 1});
            stepped.push_back(decoder.step(ids).select(1, 0).clone());
            growingMask = torch::cat({growingMask, torch::ones({3, 1}, torch::kBool)}, 1);
            // bf16: LlamaModel's cached step on the same padded batch, bit for bit (the same operations on the
            // same values; the cache's extra positions get probability exp(−1e9) = 0). The padded batch and
            // each prompt alone round differently, as bf16WeightsFollowTheBf16Reference says.
            const auto cached = model.forward(ids, &prefill, growingMask).select(1, 0);
            if (bf16) QVERIFY(torch::equal(stepped.back(), cached));
        }
        QCOMPARE(decoder.length(), L + 4);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, decoder.step(torch::zeros({3, 1}, torch::kLong)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LlamaStaticDecoder(model, prefill, prefill.length, firstReal, false));
        if (bf16) return;
        for (size_t b = 0; b < prompts.size(); ++b) {
            auto alone = prompts[b];
            for (const auto& tokens : fed) alone.push_back(static_cast<int>(tokens[b]));
            const auto own = model.forward(row(alone))[0];
            for (size_t s = 0; s < fed.size(); ++s) {
                const auto expected = own[static_cast<int64_t>(prompts[b].size() + s)];
                const double scale = expected.abs().max().item<double>(), diff = (stepped[s][static_cast<int64_t>(b)] - expected).abs().max().item<double>();
                QVERIFY2(diff < 1e-4 + 1e-5 * scale, qPrintable(QString("row %1 step %2: %3").arg(b).arg(s).arg(diff)));
            }
        }
    }

    // Generation stops at an EOS id of config.json or of generation_config.json, and includes it.
    void greedyStopsAtAnEosOfEitherConfig() {
        const auto& e = expected_["llama"];
        const auto all = e["greedy_new_ids"].get<std::vector<int>>();
        const int stop = all[2];
        const auto firstStop = std::find(all.begin(), all.end(), stop) - all.begin();
        for (const char* file : {"config.json", "generation_config.json"}) {
            const auto dir = editedCopy("llama", file, [&](json& j) { j["eos_token_id"] = json::array({90, stop}); });
            bool ended = false;
            const auto ids = greedyIds(loadLlamaModel(dir), e["greedy_prompt"].get<std::vector<int>>(), 24, &ended);
            QCOMPARE(ids, std::vector<int>(all.begin(), all.begin() + firstStop + 1));
            QVERIFY(ended);
        }
    }

    // Sampling: the same seed gives the same completions, the rows of one call differ, top-k 1 is greedy,
    // and a chat format's end-of-turn id stops a row as an EOS does.
    void samplingIsSeededAndStops() {
        const auto& e = expected_["qwen2"];
        const auto model = loadLlamaModel(modelDir("qwen2"));
        const auto prompt = e["greedy_prompt"].get<std::vector<int>>();
        SamplingOptions o;
        o.maxNewTokens = 12;
        o.temperature = 1.5;
        o.seed = 7;
        o.stopAtEos = false;
        const auto a = generateLlama(model, prompt, 4, o), b = generateLlama(model, prompt, 4, o);
        for (size_t i = 0; i < a.size(); ++i) QCOMPARE(a[i].ids, b[i].ids);
        QVERIFY(a[0].ids != a[1].ids || a[1].ids != a[2].ids);
        QCOMPARE(a[0].ids.size(), size_t(12));
        o.topK = 1;
        o.stopAtEos = true;
        QCOMPARE(generateLlama(model, prompt, 1, o)[0].ids, greedyIds(model, prompt, 12));
        const int stop = e["greedy_new_ids"][3];
        const auto stopped = generateLlama(model, prompt, 1, o, {}, nullptr, {stop})[0];
        QVERIFY(stopped.endedWithEos);
        QCOMPARE(stopped.ids.back(), stop);
        QVERIFY(stopped.ids.size() <= 4);
    }

    // Newer transformers write rope_theta and the scaling as rope_parameters: the same model, the same logits.
    void ropeParametersAreRead() {
        const auto dir = editedCopy("llama3", "config.json", [](json& j) {
            json parameters = j["rope_scaling"];
            parameters["rope_theta"] = j["rope_theta"];
            j["rope_parameters"] = parameters;
            j.erase("rope_scaling");
            j.erase("rope_theta");
        });
        const auto& e = expected_["llama3"];
        const auto logits = loadLlamaModel(dir).forward(row(e["ids"].get<std::vector<int>>()))[0];
        QVERIFY(std::abs(logits[3][7].item<double>() - e["logits"][3][7].get<double>()) < 1e-4);
        QVERIFY(std::abs(logits[13][70].item<double>() - e["logits"][13][70].get<double>()) < 1e-4);
    }

    void ropeScalingChangesOnlyTheFrequenciesItShould() {
        LlamaConfig c;
        c.headDim = 8;
        c.ropeTheta = 10000;
        const auto plain = ropeInverseFrequencies(c);
        QCOMPARE(plain[1].item<float>(), float(1.0 / std::pow(10000.0, 2.0 / 8)));
        c.ropeScaling.type = "linear";
        c.ropeScaling.factor = 4;
        QVERIFY(torch::allclose(ropeInverseFrequencies(c), plain / 4));
        c.ropeScaling = {"llama3", 8, 1, 4, 32};  // wavelengths above 32 divided by 8, below 8 kept, between smoothed
        const auto scaled = ropeInverseFrequencies(c);
        QCOMPARE(scaled[0].item<float>(), plain[0].item<float>());           // wavelength 2π: high frequency, kept
        QCOMPARE(scaled[3].item<float>(), plain[3].item<float>() / 8);       // wavelength 2π·1000^0.75 ≈ 1117: divided
        const float medium = scaled[1].item<float>(), p1 = plain[1].item<float>();  // wavelength 2π·10 ≈ 62.8 > 32: divided
        QCOMPARE(medium, p1 / 8);
    }

    // YaRN's frequencies over the plain ones, and its cos/sin factor, as transformers' _compute_yarn_parameters
    // gives them (the ratios printed by tests/data/tiny-llama/make_tiny_llama.py's transcription).
    void yarnBlendsKeptAndDividedFrequencies() {
        const auto config = [](json scaling, int maxPositions, int headDim, double theta) {
            return LlamaConfig::fromJson({{"model_type", "llama"}, {"hidden_size", 32}, {"num_attention_heads", 2}, {"head_dim", headDim},
                                          {"max_position_embeddings", maxPositions}, {"rope_theta", theta}, {"rope_scaling", scaling}},
                                         "config.json");
        };
        const auto ratios = [](const LlamaConfig& c) {
            LlamaConfig plain = c;
            plain.ropeScaling = {};
            return ropeInverseFrequencies(c) / ropeInverseFrequencies(plain);
        };
        // Rounded ramp over dimensions 0..1 of 8: the first kept, the second halfway, the rest divided by 4.
        const auto qwen = config({{"type", "yarn"}, {"factor", 4.0}, {"original_max_position_embeddings", 32}}, 128, 16, 10000);
        QVERIFY(torch::allclose(ratios(qwen), torch::tensor({1.0f, 0.625f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f}), 0, 1e-6));
        QCOMPARE(qwen.ropeScaling.attentionFactor, 0.1 * std::log(4.0) + 1);
        // factor null (256 / 64), betas, an unrounded ramp, and the ratio of two mscales.
        const auto llama = config({{"rope_type", "yarn"}, {"factor", nullptr}, {"original_max_position_embeddings", 64}, {"beta_fast", 16.0}, {"beta_slow", 2.0},
                                   {"mscale", 0.9}, {"mscale_all_dim", 0.5}, {"truncate", false}}, 256, 24, 500);
        QCOMPARE(llama.ropeScaling.factor, 4.0);
        QVERIFY(torch::allclose(ratios(llama).narrow(0, 0, 5), torch::tensor({1.0f, 0.7613964f, 0.5227928f, 0.2841891f, 0.25f}), 0, 1e-6));
        QVERIFY(std::abs(llama.ropeScaling.attentionFactor - 1.051857300295657) < 1e-12);
        // attention_factor given wins; rope_parameters (newer transformers) carry rope_theta and the scaling together.
        const auto given = LlamaConfig::fromJson({{"model_type", "qwen2"}, {"hidden_size", 32}, {"num_attention_heads", 2}, {"num_key_value_heads", 2},
                                                  {"rope_parameters", {{"rope_type", "yarn"}, {"rope_theta", 1e6}, {"factor", 2.0}, {"attention_factor", 1.5}}}},
                                                 "config.json");
        QCOMPARE(given.ropeScaling.attentionFactor, 1.5);
        QCOMPARE(given.ropeTheta, 1e6);
        QCOMPARE(given.ropeScaling.originalMaxPositions, 32768.0);  // Qwen2Config's max_position_embeddings
        // transformers' `or` defaults: a 0 beta or mscale is unset, "truncate": null rounds nothing; a missing
        // factor is an error (transformers requires the key).
        const auto falsy = config({{"type", "yarn"}, {"factor", 4.0}, {"original_max_position_embeddings", 32}, {"beta_fast", 0}, {"mscale", 0},
                                   {"mscale_all_dim", 0.5}, {"truncate", nullptr}}, 128, 16, 10000);
        QCOMPARE(falsy.ropeScaling.betaFast, 32.0);
        QCOMPARE(falsy.ropeScaling.attentionFactor, qwen.ropeScaling.attentionFactor);
        QVERIFY(!falsy.ropeScaling.truncate);
        try {
            config({{"type", "yarn"}, {"original_max_position_embeddings", 32}}, 128, 16, 10000);
            QFAIL("a yarn rope_scaling without factor was taken");
        } catch (const std::invalid_argument& e) {
            QCOMPARE(std::string(e.what()), std::string("config.json: rope_scaling: missing field factor (null: max_position_embeddings / original_max_position_embeddings)"));
        }
    }

    void badDirectoriesAreRefusedWithTheReason() {
        QVERIFY(loadError(editedCopy("llama", "config.json", [](json& j) { j["rope_scaling"] = {{"rope_type", "longrope"}, {"factor", 4}}; }))
                    .find("config.json: rope_scaling: rope_type 'longrope' is not supported (default, linear, dynamic, llama3 and yarn are)") != std::string::npos);
        QVERIFY(loadError(editedCopy("llama", "config.json", [](json& j) { j["num_key_value_heads"] = 3; }))
                    .find("num_attention_heads is not a multiple of num_key_value_heads") != std::string::npos);
        QVERIFY(loadError(editedCopy("llama", "config.json", [](json& j) { j["intermediate_size"] = 50; }))
                    .find("tensor 'model.layers.0.mlp.gate_proj.weight' has shape [48,32], the config says [50,32]") != std::string::npos);
        QVERIFY(loadError(editedCopy("llama", "config.json", [](json& j) { j["num_hidden_layers"] = 1; }))
                    .find("unexpected tensor 'model.layers.1.") != std::string::npos);
        QVERIFY(loadError(editedCopy("llama", "config.json", [](json& j) { j["tie_word_embeddings"] = true; }))
                    .find("unexpected tensor") == std::string::npos);  // a saved lm_head.weight of a tied model is taken
        QVERIFY(loadError(editedCopy("llama", "config.json", [](json& j) { j["num_hidden_layers"] = 3; }))
                    .find("missing tensor 'model.layers.2.input_layernorm.weight'") != std::string::npos);
        QVERIFY(loadError(editedCopy("qwen2", "config.json", [](json& j) { j["use_sliding_window"] = true; }))
                    .find("use_sliding_window is not supported") != std::string::npos);
        QVERIFY(loadError(editedCopy("llama", "config.json", [](json& j) { j["model_type"] = "mamba"; }))
                    .find("model_type 'mamba' is not of the Llama family") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(LlamaModelTest)
#include "LlamaModelTest.moc"
