// Mamba (tests/data/tiny-mamba: a tied model with transformers' defaults and an untied one with biases,
// kernel 3, explicit rank and intermediate size): logits against the plain sequential-scan PyTorch
// transcription of transformers' MambaMixer in make_tiny_mamba.py, the recurrent state against full passes,
// greedy ids, EOS from generation_config.json, the fused CPU decode step against the op path, left-padded
// batches against each row alone, save/load
// round trips, the loader's errors, and training.
// torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "EditedModelCopy.h"
#include "TestData.h"
#include "model/MambaCheckpoint.h"
#include "model/MambaGeneration.h"
#include "model/RecurrentDecoding.h"
#include "model/Safetensors.h"
#include "model/SelectiveScan.h"
#include "train/AdamW.h"

using namespace rlhf::model;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

torch::Tensor row(const std::vector<int>& ids) {
    return torch::tensor(std::vector<int64_t>(ids.begin(), ids.end()), torch::kLong).unsqueeze(0);
}

std::string modelDir(const std::string& name) { return rlhf::test::dataPath("tiny-mamba/" + name); }

std::vector<int> greedyIds(MambaModel& model, const std::vector<int>& prompt, int maxNew, bool* ended = nullptr) {
    SamplingOptions o;
    o.greedy = true;
    o.maxNewTokens = maxNew;
    const auto c = generateMamba(model, prompt, 1, o).at(0);
    if (ended) *ended = c.endedWithEos;
    return c.ids;
}

std::string loadError(const std::string& dir) {
    try {
        loadMambaModel(dir);
    } catch (const std::exception& e) {
        return e.what();
    }
    return "no error";
}

double maxDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

}  // namespace

class MambaModelTest : public QObject {
    Q_OBJECT
    json expected_;
    fs::path tmp_;

    // A copy of model `name` in tmp_ with `file` (config.json or generation_config.json) changed by `edit`.
    std::string editedCopy(const std::string& name, const std::string& file, const std::function<void(json&)>& edit) {
        return rlhf::test::editedModelCopy(tmp_, modelDir(name), file, edit);
    }
    // A copy of model `name` in tmp_ with its weights changed by `edit`.
    std::string copyWithTensors(const std::string& name, const std::function<void(std::map<std::string, torch::Tensor>&)>& edit) {
        const std::string dir = editedCopy(name, "config.json", [](json&) {});
        SafetensorsFile file(dir + "/model.safetensors");
        std::map<std::string, torch::Tensor> tensors;
        for (const auto& [key, info] : file.tensors()) tensors[key] = file.load(key);
        edit(tensors);
        saveSafetensors(dir + "/model.safetensors", tensors);
        return dir;
    }

private slots:
    void initTestCase() {
        torch::set_num_threads(2);
        expected_ = json::parse(rlhf::test::readData("tiny-mamba/expected.json"));
        tmp_ = fs::temp_directory_path() / ("rlhf-mamba-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void configReadsTransformersNames() {
        const auto c = MambaConfig::fromDirectory(modelDir("mamba"));
        QCOMPARE(c.intermediateSize, 64);  // expand 2 × hidden 32
        QCOMPARE(c.timeStepRank, 2);       // "auto": ceil(32 / 16)
        QCOMPARE(c.convKernel, 4);
        QVERIFY(c.tieWordEmbeddings && c.useConvBias && !c.useBias);
        const auto u = MambaConfig::fromDirectory(modelDir("mamba-untied"));
        QCOMPARE(u.intermediateSize, 72);
        QCOMPARE(u.timeStepRank, 5);
        QCOMPARE(u.eosTokenIds, std::vector<int>{9});  // eos_token_id null; generation_config.json's 9
        QCOMPARE(u.bosTokenId, 1);
        QCOMPARE(u.padTokenId, -1);
        // parameterCount counts what the model holds.
        for (const auto& config : {c, u}) {
            MambaModel model(config);
            double n = 0;
            for (const auto& p : model->parameters()) n += static_cast<double>(p.numel());
            QCOMPARE(config.parameterCount(), n);
        }
    }

    void logitsMatchTheReference_data() {
        QTest::addColumn<QString>("name");
        for (const char* name : {"mamba", "mamba-untied"}) QTest::newRow(name) << QString(name);
    }
    void logitsMatchTheReference() {
        QFETCH(QString, name);
        const auto& e = expected_[name.toStdString()];
        auto model = loadMambaModel(modelDir(name.toStdString()));
        torch::NoGradGuard noGrad;
        const auto logits = model->forward(row(e["ids"].get<std::vector<int>>()))[0];
        std::vector<torch::Tensor> rows;
        for (const auto& r : e["logits"]) rows.push_back(torch::tensor(r.get<std::vector<float>>()));
        const double diff = maxDiff(logits, torch::stack(rows));
        QVERIFY2(diff < 1e-4, qPrintable(QString("max |Δlogit| %1").arg(diff)));
        const auto logProbs = model->tokenLogProbs(e["ids"].get<std::vector<int>>());
        QCOMPARE(logProbs.size(), e["ids"].size() - 1);
        for (size_t i = 0; i < logProbs.size(); ++i) QVERIFY(std::abs(logProbs[i] - e["token_logprobs"][i].get<double>()) < 1e-4);
        QCOMPARE(greedyIds(model, e["greedy_prompt"].get<std::vector<int>>(), e["max_new_tokens"].get<int>()),
                 e["greedy_new_ids"].get<std::vector<int>>());
    }

    // A prompt, then one token at a time from the recurrent state, gives the full pass's logits; the state
    // keeps its size however long the context.
    void recurrentStepsEqualTheFullPass() {
        const auto ids = expected_["mamba-untied"]["ids"].get<std::vector<int>>();
        auto model = loadMambaModel(modelDir("mamba-untied"));
        torch::NoGradGuard noGrad;
        const auto full = model->forward(row(ids))[0];  // [T,V]
        MambaCache cache;
        const auto first = model->forward(row({ids.begin(), ids.begin() + 5}), &cache)[0];
        QVERIFY(maxDiff(first, full.narrow(0, 0, 5)) < 1e-4);
        const auto stateShape = cache.layers[0].ssm.sizes().vec();
        QCOMPARE(stateShape, (std::vector<int64_t>{1, 72, 4}));
        QCOMPARE(cache.layers[0].conv.sizes().vec(), (std::vector<int64_t>{1, 72, 2}));
        for (size_t t = 5; t < ids.size(); ++t) {
            const auto step = model->forward(row({ids[t]}), &cache)[0][0];
            QVERIFY2(maxDiff(step, full[static_cast<int64_t>(t)]) < 1e-4, qPrintable(QString::number(t)));
        }
        QCOMPARE(cache.length, int64_t(ids.size()));
        QCOMPARE(cache.layers[2].ssm.sizes().vec(), stateShape);
    }

    // The fused CPU decode step (cpu/MambaDecodeStep, taken without autograd) against the LibTorch op path
    // (taken with autograd on): three rows from their prompts' states, then five steps; the logits and every
    // layer's recurrent state and convolution window agree to float32 rounding.
    void fusedDecodeStepEqualsTheOpPath() {
        auto model = loadMambaModel(modelDir("mamba-untied"));
        torch::manual_seed(3);
        const int64_t V = model->config().vocabSize;
        MambaCache fused, plain;
        const auto prompt = torch::randint(0, V, {3, 6}, torch::kLong);
        {
            torch::NoGradGuard noGrad;
            model->forward(prompt, &fused);
        }
        model->forward(prompt, &plain);
        for (int step = 0; step < 5; ++step) {
            const auto next = torch::randint(0, V, {3, 1}, torch::kLong);
            torch::Tensor a;
            {
                torch::NoGradGuard noGrad;
                a = model->forward(next, &fused);
            }
            const auto b = model->forward(next, &plain).detach();
            QVERIFY2(maxDiff(a, b) < 1e-5, qPrintable(QString("step %1: %2").arg(step).arg(maxDiff(a, b))));
        }
        for (size_t layer = 0; layer < fused.layers.size(); ++layer) {
            const auto state = plain.layers[layer].ssm.detach();  // reaches ~50: float32 rounding is relative
            QVERIFY(maxDiff(fused.layers[layer].ssm, state) < 2e-6 * (1 + state.abs().max().item<double>()));
            const auto window = plain.layers[layer].conv.detach();
            QVERIFY(maxDiff(fused.layers[layer].conv, window) < 2e-6 * (1 + window.abs().max().item<double>()));
        }
    }

    // Prompts of different lengths left-padded into one batch with the mixer's mask: each row's logits at
    // its real positions are its own pass's, and greedy decoding together (generateMambaBatch, as PPO rolls
    // out) gives each prompt what it gets alone.
    void leftPaddedRowsEqualTheirOwnPasses() {
        auto model = loadMambaModel(modelDir("mamba-untied"));
        const auto ids = expected_["mamba-untied"]["ids"].get<std::vector<int>>();
        const std::vector<std::vector<int>> prompts = {{ids.begin(), ids.begin() + 9}, {ids.begin() + 3, ids.begin() + 5},
                                                       {ids[7]}};
        torch::NoGradGuard noGrad;
        const auto padded = leftPadPrompts(prompts, torch::kCPU);
        MambaCache cache;
        const auto together = model->forward(padded.ids, &cache, padded.real.to(torch::kFloat32));  // [3,9,V]
        for (size_t b = 0; b < prompts.size(); ++b) {
            const auto own = model->forward(row(prompts[b]))[0];
            const int64_t n = static_cast<int64_t>(prompts[b].size());
            const double diff = maxDiff(together[static_cast<int64_t>(b)].narrow(0, 9 - n, n), own);
            QVERIFY2(diff < 1e-4, qPrintable(QString("row %1: %2").arg(b).arg(diff)));
        }
        SamplingOptions greedy;
        greedy.greedy = true;
        greedy.maxNewTokens = 8;
        const auto batch = generateMambaBatch(model, prompts, greedy);
        for (size_t b = 0; b < prompts.size(); ++b) QCOMPARE(batch[b].ids, greedyIds(model, prompts[b], 8));
    }

    // A prompt shorter than the convolution's width starts from zeros, as the padded convolution does.
    void aPromptShorterThanTheKernelWorks() {
        const auto ids = expected_["mamba"]["ids"].get<std::vector<int>>();
        auto model = loadMambaModel(modelDir("mamba"));
        torch::NoGradGuard noGrad;
        const auto full = model->forward(row(ids))[0];
        MambaCache cache;
        QVERIFY(maxDiff(model->forward(row({ids[0]}), &cache)[0][0], full[0]) < 1e-4);
        QVERIFY(maxDiff(model->forward(row({ids[1], ids[2]}), &cache)[0], full.narrow(0, 1, 2)) < 1e-4);
    }

    void greedyStopsAtAnEosOfEitherConfig() {
        const auto& e = expected_["mamba"];
        const auto all = e["greedy_new_ids"].get<std::vector<int>>();
        const int stop = all[3];
        const auto firstStop = std::find(all.begin(), all.end(), stop) - all.begin();
        for (const char* file : {"config.json", "generation_config.json"}) {
            const auto dir = editedCopy("mamba", file, [&](json& j) { j["eos_token_id"] = json::array({70, stop}); });
            auto model = loadMambaModel(dir);
            bool ended = false;
            QCOMPARE(greedyIds(model, e["greedy_prompt"].get<std::vector<int>>(), 30, &ended),
                     std::vector<int>(all.begin(), all.begin() + firstStop + 1));
            QVERIFY(ended);
        }
    }

    // Saved and loaded again: the same tensors under transformers' names, the same logits, config.json
    // with the fields MambaConfig reads; a tied model stores no lm_head.weight.
    void saveAndLoadRoundTrip_data() {
        QTest::addColumn<QString>("name");
        for (const char* name : {"mamba", "mamba-untied"}) QTest::newRow(name) << QString(name);
    }
    void saveAndLoadRoundTrip() {
        QFETCH(QString, name);
        auto model = loadMambaModel(modelDir(name.toStdString()));
        const std::string dir = (tmp_ / ("saved-" + name.toStdString())).string();
        saveMambaModel(dir, model, nullptr);
        SafetensorsFile original(modelDir(name.toStdString()) + "/model.safetensors"), saved(dir + "/model.safetensors");
        QCOMPARE(saved.tensors().size(), original.tensors().size());
        for (const auto& [key, info] : original.tensors()) QVERIFY2(torch::equal(saved.load(key), original.load(key)), key.c_str());
        const auto reference = MambaConfig::fromDirectory(modelDir(name.toStdString()));
        const auto again = MambaConfig::fromDirectory(dir);
        QCOMPARE(again.toJson(), reference.toJson());
        auto reloaded = loadMambaModel(dir);
        torch::NoGradGuard noGrad;
        const auto ids = row(expected_[name.toStdString()]["ids"].get<std::vector<int>>());
        QVERIFY(torch::equal(reloaded->forward(ids), model->forward(ids)));
    }

    void loaderErrorsNameTheTensor() {
        const std::string p = "backbone.layers.1.mixer.";
        QVERIFY(loadError(copyWithTensors("mamba", [&](auto& t) { t.erase(p + "A_log"); })).find("missing tensor '" + p + "A_log'") != std::string::npos);
        QVERIFY(loadError(copyWithTensors("mamba", [&](auto& t) { t[p + "D"] = torch::ones({3}); })).find("'" + p + "D' has shape [3], the config says [64]") != std::string::npos);
        QVERIFY(loadError(copyWithTensors("mamba", [](auto& t) { t["backbone.layers.2.norm.weight"] = torch::ones({32}); })).find("unexpected tensor 'backbone.layers.2.norm.weight'") != std::string::npos);
        QVERIFY(loadError(editedCopy("mamba", "config.json", [](json& j) { j["hidden_act"] = "gelu"; })).find("hidden_act 'gelu' is not supported") != std::string::npos);
        QVERIFY(loadError(editedCopy("mamba", "config.json", [](json& j) { j["state_size"] = "wide"; })).find("field state_size must be an integer") != std::string::npos);
        // conv1d.bias is stored but use_conv_bias says there is none.
        QVERIFY(loadError(editedCopy("mamba", "config.json", [](json& j) { j["use_conv_bias"] = false; })).find("unexpected tensor 'backbone.layers.0.mixer.conv1d.bias'") != std::string::npos);
    }

    // The scan's own backward pass gives autograd's gradients of the recurrence written as a loop.
    void scanGradientsEqualTheLoops_data() {
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("state");
        QTest::newRow("12 lanes") << 3 << 4;
        QTest::newRow("640 lanes: two blocks of the CPU sweep") << 40 << 16;
    }
    void scanGradientsEqualTheLoops() {
        QFETCH(int, channels);
        QFETCH(int, state);
        torch::manual_seed(5);
        const auto a = torch::rand({2, 7, channels, state}).requires_grad_(), x = torch::randn({2, 7, channels, state}).requires_grad_();
        const auto s0 = torch::randn({2, channels, state}).requires_grad_();
        const auto weights = torch::randn({2, 7, channels, state});
        const auto states = selectiveScanStates(a, x, s0);
        (states * weights).sum().backward();
        const auto ga = a.grad().clone(), gx = x.grad().clone(), gs = s0.grad().clone();
        a.mutable_grad() = x.mutable_grad() = s0.mutable_grad() = torch::Tensor();
        std::vector<torch::Tensor> loop;
        torch::Tensor s = s0;
        for (int64_t t = 0; t < 7; ++t) loop.push_back(s = a.select(1, t) * s + x.select(1, t));
        QVERIFY(maxDiff(torch::stack(loop, 1), states) < 1e-5);
        (torch::stack(loop, 1) * weights).sum().backward();
        QVERIFY(maxDiff(a.grad(), ga) < 1e-4);
        QVERIFY(maxDiff(x.grad(), gx) < 1e-4);
        QVERIFY(maxDiff(s0.grad(), gs) < 1e-4);
    }

    // The parallel prefix scan other devices run (log2 T rounds of tensor operations) computes what the CPU
    // sweep computes, forward and backward, for lengths that are and are not powers of two, one position
    // included, and the carry a chunked pass hands on (the gradient of the initial state).
    void parallelScanEqualsTheSweep_data() {
        QTest::addColumn<int>("positions");
        for (int T : {1, 2, 7, 16, 33}) QTest::newRow(qPrintable(QString("%1 positions").arg(T))) << T;
    }
    void parallelScanEqualsTheSweep() {
        QFETCH(int, positions);
        torch::manual_seed(positions);
        const auto a = (0.5 + 0.5 * torch::rand({2, positions, 6, 4})).requires_grad_(), x = torch::randn({2, positions, 6, 4}).requires_grad_();
        const auto s0 = torch::randn({2, 6, 4}).requires_grad_();
        const auto weights = torch::randn({2, positions, 6, 4});
        std::vector<torch::Tensor> results;
        for (bool byTensorOps : {false, true}) {
            const auto states = selectiveScanStates(a, x, s0, byTensorOps);
            (states * weights).sum().backward();
            results.insert(results.end(), {states.detach(), a.grad().clone(), x.grad().clone(), s0.grad().clone()});
            a.mutable_grad() = x.mutable_grad() = s0.mutable_grad() = torch::Tensor();
        }
        const char* names[] = {"states", "∂a", "∂x", "∂s0"};
        for (int i = 0; i < 4; ++i) {
            const double diff = maxDiff(results[i], results[i + 4]);
            QVERIFY2(diff < 1e-5 * std::max(1.0, results[i].abs().max().item<double>()), qPrintable(QString("%1: %2").arg(names[i]).arg(diff)));
        }
    }

    // Fed a chunk of positions at a time through the state, the logits are the whole pass's; several
    // completions decoded together are each the one decoded alone.
    void chunksAndBatchesChangeNothing() {
        const auto& e = expected_["mamba"];
        auto model = loadMambaModel(modelDir("mamba"));
        const auto ids = row(e["ids"].get<std::vector<int>>());
        {
            torch::NoGradGuard noGrad;
            MambaCache cache;
            // Logits up to ~20: float32 products of other shapes sum in other orders, a few 1e-5 apart.
            const double diff = maxDiff(model->forwardInChunks(ids, cache, false, 5), model->forward(ids));
            QVERIFY2(diff < 2e-4, qPrintable(QString("max |Δlogit| %1").arg(diff)));
            QCOMPARE(cache.length, ids.size(1));
        }
        SamplingOptions o;
        o.greedy = true;
        o.maxNewTokens = e["max_new_tokens"].get<int>();
        for (const auto& c : generateMamba(model, e["greedy_prompt"].get<std::vector<int>>(), 3, o))
            QCOMPARE(c.ids, e["greedy_new_ids"].get<std::vector<int>>());
    }

    // A new model trains: transformers' initial A_log and D, and AdamW steps on one batch lower its loss.
    void aNewModelLearns() {
        MambaConfig c = MambaConfig::fromDirectory(modelDir("mamba"));
        torch::manual_seed(3);
        MambaModel model(c);
        const auto aLog = model->named_parameters()["backbone.layers.0.mixer.A_log"];
        QVERIFY(maxDiff(aLog[5], torch::log(torch::arange(1, 9, torch::kFloat32))) < 1e-6);
        const auto dtBias = torch::softplus(model->layers->ptr<MambaBlockImpl>(0)->mixer->dt_proj->bias.detach());
        QVERIFY(dtBias.min().item<double>() >= c.timeStepMin * 0.999 && dtBias.max().item<double>() <= c.timeStepMax * 1.001);
        const auto batch = torch::randint(1, c.vocabSize, {4, 17}, torch::kLong);
        const auto input = batch.narrow(1, 0, 16), target = batch.narrow(1, 1, 16);
        rlhf::train::AdamW optimizer(model->parameters(), {3e-3, 0.9, 0.95, 1e-8, 0.0});
        double first = 0, last = 0;
        for (int step = 0; step < 25; ++step) {
            for (auto& p : model->parameters()) p.mutable_grad() = torch::Tensor();
            const auto loss = -model->targetLogProbs(input, target).mean();
            loss.backward();
            for (const auto& p : model->parameters()) QVERIFY(p.grad().defined());
            optimizer.step(3e-3);
            (step == 0 ? first : last) = loss.item<double>();
        }
        QVERIFY2(last < first - 1.0, qPrintable(QString("loss %1 -> %2").arg(first).arg(last)));
    }
};

QTEST_GUILESS_MAIN(MambaModelTest)
#include "MambaModelTest.moc"
