// Pretraining from scratch: BPE training, the trainer loop's stop/NaN rules, the LR schedule, settings
// errors, and a resumed run that reproduces an uninterrupted one bit for bit.
#include <torch/torch.h>  // before Qt: Qt's `slots` macro breaks torch headers

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "TestPrinters.h"
#include "eliza/BuiltinScripts.h"
#include "text/BpeTrainer.h"
#include "train/LearningRateSchedule.h"
#include "train/PretrainRun.h"
#include "train/RunLock.h"

using namespace rlhf;
namespace fs = std::filesystem;

namespace {
std::string corpus() {  // English-like text any clone has: the DOCTOR script's sentences, three times
    const std::string s(eliza::builtinScript("doctor-1966").text);
    return s + s + s;
}
std::string metricsWithoutTimes(const fs::path& run) {
    std::ifstream in(run / "metrics.jsonl");
    std::string out, line;
    while (std::getline(in, line)) {
        auto j = nlohmann::json::parse(line);
        j.erase("time");
        j.erase("tokens_per_s");
        out += j.dump() + "\n";
    }
    return out;
}
std::string fileBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}
}  // namespace

class PretrainTest : public QObject {
    Q_OBJECT
    fs::path tmp_;
    train::PretrainConfig config_;

private slots:
    void initTestCase() {
        torch::set_num_threads(2);
        tmp_ = fs::temp_directory_path() / ("rlhf-pretrain-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
        std::ofstream(tmp_ / "corpus.txt") << corpus();
        config_.textPath = (tmp_ / "corpus.txt").string();
        config_.vocabSize = 400;
        config_.nLayer = 2;
        config_.nHead = 2;
        config_.nEmbd = 32;
        config_.context = 16;
        config_.batchSize = 4;
        config_.gradAccum = 2;
        config_.warmupSteps = 2;
        config_.maxSteps = 8;
        config_.evalEvery = 4;
        config_.evalBatches = 2;
        config_.checkpointEvery = 4;
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void bpeTrainingIsDeterministicAndRoundTrips() {
        const std::string text = corpus();
        auto a = text::trainBpe(text, {300, 2});
        auto b = text::trainBpe(text, {300, 2});
        QCOMPARE(a.vocabSize(), 300);
        QCOMPARE(a.merges(), b.merges());
        QCOMPARE(a.tokenText(a.endOfTextId()), std::string("<|endoftext|>"));
        const auto ids = a.encode(text);
        QVERIFY(ids.size() < text.size() * 3 / 4);  // 43 merges already compress the text by a quarter
        QCOMPARE(a.decode(ids), text);
        fs::create_directories(tmp_ / "tok");
        a.save((tmp_ / "tok").string());
        auto loaded = text::ByteLevelBpe::fromDirectory((tmp_ / "tok").string());
        QCOMPARE(loaded.encode("I AM SORRY TO HEAR YOU ARE DEPRESSED"), a.encode("I AM SORRY TO HEAR YOU ARE DEPRESSED"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, text::trainBpe("x", {100, 2}));
    }

    void resumedRunEqualsUninterruptedRun_data() {
        QTest::addColumn<QString>("architecture");
        QTest::newRow("gpt2") << "gpt2";
        QTest::newRow("mamba") << "mamba";
    }
    void resumedRunEqualsUninterruptedRun() {
        QFETCH(QString, architecture);
        train::PretrainConfig config = config_;
        config.architecture = architecture.toStdString();
        const fs::path full = tmp_ / ("full-" + config.architecture), resumed = tmp_ / ("resumed-" + config.architecture);
        auto run = train::PretrainRun::create(full.string(), config, torch::kCPU);
        const auto result = run->run(nullptr, {});
        QCOMPARE(result.lastStep, int64_t(8));
        QVERIFY(fs::exists(full / "checkpoints" / "step-00000004" / "trainer_state.safetensors"));
        fs::copy(full, resumed, fs::copy_options::recursive);
        fs::remove_all(resumed / "checkpoints" / "step-00000008");
        auto again = train::PretrainRun::resume(resumed.string(), torch::kCPU);
        QCOMPARE(again->step(), int64_t(4));
        again->run(nullptr, {});
        QCOMPARE(metricsWithoutTimes(resumed), metricsWithoutTimes(full));
        QCOMPARE(fileBytes(resumed / "checkpoints/step-00000008/model.safetensors"),
                 fileBytes(full / "checkpoints/step-00000008/model.safetensors"));
        const auto first = nlohmann::json::parse(metricsWithoutTimes(full).substr(0, metricsWithoutTimes(full).find('\n')));
        QVERIFY(first["loss"].get<double>() > 5.0);  // ~ln(400) at the start
        const auto saved = nlohmann::json::parse(std::ifstream(full / "checkpoints/step-00000008/config.json"));
        QCOMPARE(saved["model_type"].get<std::string>(), std::string(config.architecture == "mamba" ? "mamba" : "gpt2"));
        // transformers reads a Mamba's vocab.json and merges.txt only when tokenizer_config.json names
        // GPT2Tokenizer (its default for a Mamba, GPTNeoXTokenizerFast, needs a tokenizer.json).
        const fs::path tokenizerConfig = full / "checkpoints/step-00000008/tokenizer_config.json";
        if (config.architecture == "mamba")
            QCOMPARE(nlohmann::json::parse(std::ifstream(tokenizerConfig)).at("tokenizer_class").get<std::string>(), std::string("GPT2Tokenizer"));
        else
            QVERIFY(!fs::exists(tokenizerConfig) || !nlohmann::json::parse(std::ifstream(tokenizerConfig)).contains("tokenizer_class"));
    }

    // bf16 autocast really runs the matmuls in bf16 (losses differ from fp32) yet trains the same model:
    // 40 steps at a high learning rate stay within five hundredths on average (a fortieth of the loss's
    // fall; an AVX-512 CPU came within a hundredth, an AVX2 EPYC within three), and the loss falls.
    void bf16AutocastTrainsCloseToFp32() {
        auto lossesOf = [&](const std::string& precision) {
            auto config = config_;
            config.precision = precision;
            config.maxSteps = 40;
            config.lr = 1e-2;
            config.evalEvery = 0;
            config.checkpointEvery = 0;
            const fs::path dir = tmp_ / ("precision-" + precision);
            train::PretrainRun::create(dir.string(), config, torch::kCPU)->run(nullptr, {});
            std::vector<double> losses;
            std::istringstream lines(metricsWithoutTimes(dir));
            for (std::string line; std::getline(lines, line);)
                if (auto j = nlohmann::json::parse(line); j.contains("loss")) losses.push_back(j["loss"].get<double>());
            return losses;
        };
        const auto fp32 = lossesOf("fp32"), bf16 = lossesOf("bf16");
        QCOMPARE(bf16.size(), size_t(40));
        QCOMPARE(fp32.size(), bf16.size());
        QVERIFY(fp32.front() != bf16.front());
        double meanDifference = 0;
        for (size_t i = 0; i < fp32.size(); ++i) {
            QVERIFY2(std::abs(fp32[i] - bf16[i]) < 0.15, std::to_string(i).c_str());
            meanDifference += std::abs(fp32[i] - bf16[i]) / static_cast<double>(fp32.size());
        }
        QVERIFY2(meanDifference < 0.05, std::to_string(meanDifference).c_str());
        QVERIFY(bf16.back() < bf16.front() - 0.5);
        QCOMPARE(train::PretrainConfig::fromJson({{"precision", "bf16"}}, "x").precision, std::string("bf16"));
        QCOMPARE(train::parsePrecision("auto", torch::kCPU), train::cpuHasNativeBf16() ? train::Precision::Bf16 : train::Precision::Fp32);
        // The cpuid reading agrees with the kernel's view of this CPU (Linux lists the flags it enabled).
        std::ifstream cpuinfo("/proc/cpuinfo");
        const std::string flags((std::istreambuf_iterator<char>(cpuinfo)), std::istreambuf_iterator<char>());
        if (!flags.empty())
            QCOMPARE(train::cpuHasNativeBf16(), flags.find("avx512_bf16") != std::string::npos || flags.find("amx_bf16") != std::string::npos);
        // On CUDA, auto follows the GPU (compute capability 8.0 or newer); a LibTorch without CUDA has none.
        QCOMPARE(train::parsePrecision("auto", torch::Device(torch::kCUDA)),
                 train::cudaHasNativeBf16() ? train::Precision::Bf16 : train::Precision::Fp32);
        if (!torch::cuda::is_available()) QVERIFY(!train::cudaHasNativeBf16());
    }

    void stopFlagCheckpointsAndEnds() {
        std::atomic<bool> stop{false};
        auto run = train::PretrainRun::create((tmp_ / "stopped").string(), config_, torch::kCPU);
        const auto result = run->run(&stop, [&](const train::StepStats& s) { stop = s.step == 3; });
        QVERIFY(result.stopped);
        QCOMPARE(result.lastStep, int64_t(3));
        QVERIFY(fs::exists(tmp_ / "stopped" / "checkpoints" / "step-00000003"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 train::PretrainRun::create((tmp_ / "stopped").string(), config_, torch::kCPU));
    }

    void loopRefusesNaNAndKeepsLastGoodCheckpoint() {
        std::vector<int64_t> saved;
        train::LoopCallbacks cb;
        cb.trainStep = [](int64_t step) {
            return train::StepStats{step, {{"loss", step == 5 ? std::nan("") : 1.0 / static_cast<double>(step)}}};
        };
        cb.saveCheckpoint = [&](int64_t step) { saved.push_back(step); };
        const auto result = train::runTrainingLoop(0, {10, 0, 2}, cb, nullptr);
        QCOMPARE(result.lastStep, int64_t(4));
        QCOMPARE(saved, (std::vector<int64_t>{2, 4}));
        QCOMPARE(result.error, std::string("loss became NaN at step 5; the run stopped and its last good checkpoint is step 4"));
    }

    // A run is locked by the process training it: a second lock on its directory is refused with a message
    // naming the run and the holder; once released, the run can be taken again.
    void aRunIsLockedByTheProcessTrainingIt() {
        const std::string dir = (fs::temp_directory_path() / ("rlhf-lock-" + std::to_string(::getpid()))).string();
        QVERIFY(!train::RunLock::isHeld(dir));
        {
            train::RunLock first(dir, "run 2 (sft)");
            QVERIFY(train::RunLock::isHeld(dir));
            try {
                train::RunLock second(dir, "run 2 (sft)");
                QFAIL("a second lock was granted");
            } catch (const std::runtime_error& e) {
                QCOMPARE(std::string(e.what()), "run 2 (sft) is being trained by process " + std::to_string(::getpid()) +
                                                    " right now; wait for it to end or stop it first");
            }
        }
        QVERIFY(!train::RunLock::isHeld(dir));
        train::RunLock again(dir, "run 2 (sft)");
        fs::remove_all(dir);
    }

    // Step k uses transformers' scheduler after k − 1 scheduler steps; the numbers are worked by hand.
    void learningRateSchedules() {
        auto lr = [](const char* kind, int64_t step, int64_t warmup, int64_t maxSteps, double minLr) {
            return train::LearningRateSchedule{kind, 1.0, minLr, warmup, maxSteps}.at(step);
        };
        auto near = [](double a, double b) { return std::abs(a - b) < 1e-12; };
        // Without warm-up the first step is at the peak and the last is not at the end of the decay.
        QCOMPARE(lr("cosine", 1, 0, 5, 0.1), 1.0);
        QVERIFY(near(lr("cosine", 3, 0, 5, 0.1), 0.1 + 0.9 * 0.5 * (1 + std::cos(M_PI * 0.4))));  // 0.68905765
        QVERIFY(near(lr("cosine", 5, 0, 5, 0.1), 0.18594235253127366));
        QCOMPARE(lr("cosine", 1, 0, 1, 0.0), 1.0);  // one step: the peak, so the weights change
        // With warm-up the ramp starts at 0, as transformers' does, and reaches the peak at step warmup + 1.
        QCOMPARE(lr("cosine", 1, 2, 10, 0.0), 0.0);
        QCOMPARE(lr("cosine", 2, 2, 10, 0.0), 0.5);
        QCOMPARE(lr("cosine", 3, 2, 10, 0.0), 1.0);
        QVERIFY(near(lr("cosine", 10, 2, 10, 0.0), 0.038060233744356624));
        QVERIFY(near(lr("linear", 6, 2, 10, 0.0), 0.625));
        QVERIFY(near(lr("linear", 10, 2, 10, 0.0), 0.125));
        QVERIFY(near(lr("linear", 10, 2, 10, 0.2), 0.3));
        QCOMPARE(lr("constant", 1, 2, 10, 0.1), 0.0);
        QCOMPARE(lr("constant", 2, 2, 10, 0.1), 0.5);
        QCOMPARE(lr("constant", 10, 2, 10, 0.1), 1.0);
        QCOMPARE(lr("constant", 1, 0, 10, 0.1), 1.0);
        // TRL's SFT default lr on 5 steps: 2e-5 at step 1 (it was 1.81e-5, one step late).
        QCOMPARE(train::LearningRateSchedule({"cosine", 2e-5, 0.0, 0, 5}).at(1), 2e-5);
    }

    void settingsErrorsNameTheKey() {
        auto error = [](const nlohmann::json& j) {
            try {
                train::PretrainConfig::fromJson(j, "run.json");
            } catch (const std::invalid_argument& e) {
                return std::string(e.what());
            }
            return std::string("no error");
        };
        QVERIFY(error({{"learning_rate", 1}}).find("run.json: unknown setting 'learning_rate'") == 0);
        QCOMPARE(error({{"n_layer", 2.5}}), std::string("run.json: n_layer must be an integer, found 2.5"));
        QCOMPARE(error({{"vocab_size", 100}}), std::string("run.json: vocab_size = 100 is outside [257, 65536]"));
        QCOMPARE(error({{"lr", 20}}), std::string("run.json: lr = 20 is outside [0, 10]"));
        QCOMPARE(error({{"schedule", "step"}}), std::string("run.json: schedule must be \"cosine\", \"linear\" or \"constant\", found \"step\""));
        QVERIFY(error({{"n_embd", 30}, {"n_head", 4}}).find("not divisible") != std::string::npos);
        QCOMPARE(error({{"precision", "fp16"}}), std::string("run.json: precision must be \"fp32\", \"bf16\" or \"auto\", found \"fp16\""));
        const auto merged = train::collectSettings("", {"max_steps=7", "text_path=a b.txt"});
        QCOMPARE(merged["max_steps"].get<int>(), 7);
        QCOMPARE(merged["text_path"].get<std::string>(), std::string("a b.txt"));
    }
};

QTEST_APPLESS_MAIN(PretrainTest)
#include "PretrainTest.moc"
