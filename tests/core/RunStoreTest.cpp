// Runs, metrics and checkpoints in the project file; SHA-256; the project's text as a training corpus.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "TestData.h"
#include "TestPrinters.h"
#include "data/MetricsRecorder.h"
#include "data/ProjectStore.h"
#include "data/RunStore.h"
#include "data/TokenStatistics.h"
#include "data/TrainingText.h"
#include "text/Tokenizer.h"
#include "train/TrainerStateLog.h"
#include "util/Sha256.h"

using namespace rlhf;
namespace fs = std::filesystem;

class RunStoreTest : public QObject {
    Q_OBJECT
    fs::path tmp_;

private slots:
    void initTestCase() {
        tmp_ = fs::temp_directory_path() / ("rlhf-runs-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void sha256KnownAnswers() {
        QCOMPARE(sha256Hex(""), std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(sha256Hex("abc"), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(sha256Hex(std::string(1000000, 'a')), std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
        std::ofstream(tmp_ / "f.bin", std::ios::binary) << "abc";
        QCOMPARE(sha256FileHex((tmp_ / "f.bin").string()), sha256Hex("abc"));
    }

    void runsMetricsCheckpoints() {
        auto store = data::ProjectStore::open((tmp_ / "r.rlhf").string(), true);
        data::RunStore runs(store->database());
        const int64_t id = runs.createRun("pretrain", "demo", "{\"lr\": 0.001}", 7);
        runs.recordMetrics(id, 1, {{"loss", 5.5}, {"lr", 1e-4}});
        runs.recordMetrics(id, 2, {{"loss", 5.0}});
        runs.recordMetrics(id, 2, {{"loss", 4.9}});  // a resumed run rewrites its later steps
        runs.recordCheckpoint(id, 2, "/x/step-2", "abc");
        runs.setStatus(id, "stopped", "stopped by the user");
        const auto row = runs.run(id);
        QVERIFY(row);
        QCOMPARE(row->status, std::string("stopped"));
        QCOMPARE(row->lastStep, int64_t(2));
        QCOMPARE(row->lastCheckpoint.value_or(""), std::string("/x/step-2"));
        QVERIFY(row->finishedAt.has_value());
        QCOMPARE(store->database().queryInt("SELECT count(*) FROM metrics"), int64_t(3));
        QVERIFY_THROWS_EXCEPTION(data::StoreError, runs.createRun("bogus", "", "{}", 0));  // CHECK constraint
    }

    // Metrics are batched (nothing written per step until a flush), a resumed run's later steps and
    // checkpoints go, a run that starts from a checkpoint knows its parent run, and deleting a run keeps
    // its children (their parent becomes unknown).
    void batchedMetricsResumeAndLineage() {
        auto store = data::ProjectStore::open((tmp_ / "b.rlhf").string(), true);
        data::RunStore runs(store->database());
        const int64_t sft = runs.createRun("sft", "sft", "{}", 1);
        data::MetricsRecorder recorder(runs, sft);
        for (int step = 1; step <= 5; ++step) recorder.add(step, {{"loss", 10.0 - step}});
        QCOMPARE(recorder.pendingSteps(), size_t(5));
        QCOMPARE(store->database().queryInt("SELECT count(*) FROM metrics"), int64_t(0));
        recorder.flush();
        QCOMPARE(store->database().queryInt("SELECT count(*) FROM metrics"), int64_t(5));
        runs.recordCheckpoint(sft, 3, "/runs/1-sft/checkpoints/step-3", "a");
        runs.recordCheckpoint(sft, 5, "/runs/1-sft/checkpoints/step-5", "b");
        runs.discardAfterStep(sft, 3);  // resumed from step 3
        const auto points = runs.metrics(sft);
        QCOMPARE(points.size(), size_t(3));
        QCOMPARE(points.back().step, int64_t(3));
        QCOMPARE(points.back().value, 7.0);
        QCOMPARE(runs.metrics(sft, 2).size(), size_t(1));
        QCOMPARE(runs.checkpoints(sft).size(), size_t(1));
        QVERIFY(!runs.checkpointAt("/runs/1-sft/checkpoints/step-5"));
        const auto parent = runs.checkpointAt("/runs/1-sft/checkpoints/step-3");
        QVERIFY(parent);
        const int64_t rm = runs.createRun("rm", "rm", "{}", 1);
        runs.setParentCheckpoint(rm, parent->id);
        QCOMPARE(runs.run(rm)->parentRunId.value_or(0), sft);
        QCOMPARE(runs.run(rm)->parentCheckpointId.value_or(0), parent->id);
        runs.deleteRun(sft);
        QVERIFY(!runs.run(sft));
        QVERIFY(!runs.run(rm)->parentRunId);
        QCOMPARE(store->database().queryInt("SELECT count(*) FROM metrics"), int64_t(0));
        QCOMPARE(data::RunStore::directoryOf("/p.rlhf.d", 7, "dpo"), std::string("/p.rlhf.d/runs/7-dpo"));
    }

    // A Trainer's log written after transformers' layout (tests/data/trainer-state): the curves under the
    // workbench's names, the evaluation merged into its step, the runtime figures and the summary apart.
    void trainerStateLogBecomesCurves() {
        const auto log = train::TrainerStateLog::read(test::dataPath("trainer-state/dpo-trainer_state.json"));
        QCOMPARE(log.globalStep, int64_t(20));
        QCOMPARE(log.steps.size(), size_t(2));
        const auto& ten = log.steps.at(10);
        QCOMPARE(ten.at("lr"), 4.5e-07);
        QCOMPARE(ten.at("loss"), 0.6931);
        QCOMPARE(ten.at("val_loss"), 0.6875);
        QCOMPARE(ten.at("val_rewards/accuracies"), 0.625);
        QCOMPARE(ten.at("rewards/margins"), 0.0);
        QVERIFY(!ten.count("val_runtime") && !ten.count("eval_loss") && !ten.count("learning_rate"));
        QCOMPARE(log.steps.at(20).at("rewards/margins"), 0.125);
        QVERIFY(!log.steps.at(20).count("train_loss") && !log.steps.at(20).count("total_flos"));
        QCOMPARE(log.summary.at("train_loss").get<double>(), 0.67155);
        QCOMPARE(log.guessStage(false), std::string("dpo"));
        QCOMPARE(log.guessStage(true), std::string("rm"));
        // Python's json.dumps writes NaN and Infinity: no point for them, the rest of the entry kept.
        std::ofstream(tmp_ / "nan_state.json") << "{\"trial_name\": \"NaN \\\" Infinity\", \"log_history\": "
                                                   "[{\"grad_norm\": NaN, \"loss\": 1.5, \"step\": 3}, "
                                                   "{\"grad_norm\": -Infinity, \"loss\": 1.25, \"step\": 4}]}";
        const auto withNaN = train::TrainerStateLog::read((tmp_ / "nan_state.json").string());
        QCOMPARE(withNaN.steps.at(3).at("loss"), 1.5);
        QVERIFY(!withNaN.steps.at(3).count("grad_norm") && !withNaN.steps.at(4).count("grad_norm"));
        QCOMPARE(withNaN.globalStep, int64_t(4));  // and the string with NaN and an escaped quote in it was read as a string
        std::ofstream(tmp_ / "bad_state.json") << R"({"log_history": [{"loss": 1.0, "step": 1}, {"loss": 2.0}]})";
        try {
            train::TrainerStateLog::read((tmp_ / "bad_state.json").string());
            QFAIL("no error for an entry without a step");
        } catch (const std::invalid_argument& e) {
            QVERIFY(std::string(e.what()).ends_with("bad_state.json: log_history[1]: missing or bad field step"));
        }
    }

    // An imported run is recorded whole or not at all.
    void finishedRunIsAddedInOneTransaction() {
        auto store = data::ProjectStore::open((tmp_ / "imported.rlhf").string(), true);
        data::RunStore runs(store->database());
        data::FinishedRun run{"dpo", "imported x", "{}", "imported from x", {{10, 1.0, {{"loss", 0.5}}}, {20, 2.0, {{"loss", 0.25}}}}, 20, "abc"};
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, runs.addFinishedRun(run, [](int64_t) -> std::string { throw std::runtime_error("disk full"); }));
        QVERIFY(runs.runs().empty());
        const int64_t id = runs.addFinishedRun(run, [](int64_t runId) { return "runs/" + std::to_string(runId) + "-dpo/checkpoints/step-00000020"; });
        const auto row = *runs.run(id);
        QCOMPARE(row.status, std::string("finished"));
        QCOMPARE(row.lastStep, int64_t(20));
        QCOMPARE(*row.lastCheckpoint, "runs/" + std::to_string(id) + "-dpo/checkpoints/step-00000020");
        QCOMPARE(runs.metric(id, "loss").size(), size_t(2));
        QCOMPARE(runs.metric(id, "loss")[1].value, 0.25);
        QCOMPARE(runs.checkpoints(id).front().sha256, std::string("abc"));
    }

    void projectTextAsCorpus() {
        auto store = data::ProjectStore::open((tmp_ / "t.rlhf").string(), true);
        store->importFile(test::dataPath("formats/trl.jsonl"), {});
        store->assignSplits(data::parseSplitRatios("1,0,0"), 0);
        const auto report = data::writeTrainingText(store->database(), (tmp_ / "corpus.txt").string());
        QCOMPARE(report.documents, int64_t(4));  // one prompt, four responses
        std::ifstream in(tmp_ / "corpus.txt");
        const std::string text((std::istreambuf_iterator<char>(in)), {});
        QVERIFY(text.rfind("Say hi in FrenchBonjour, ça va ?<|endoftext|>Say hi in French", 0) == 0);
    }

    void tokenLengthsUseTheNewestCheckpointsTokenizer() {
        auto store = data::ProjectStore::open((tmp_ / "k.rlhf").string(), true);
        store->importFile(test::dataPath("formats/sft.jsonl"), {});
        QVERIFY(!data::tokenLengthsWithLatestTokenizer(store->database()));  // no model yet
        const fs::path ckpt = tmp_ / "ckpt";
        fs::create_directories(ckpt);
        for (const char* f : {"vocab.json", "merges.txt"}) fs::copy_file(test::dataPath(std::string("gpt2/") + f), ckpt / f);
        data::RunStore runs(store->database());
        runs.recordCheckpoint(runs.createRun("pretrain", "", "{}", 0), 1, ckpt.string(), "x");
        const auto lengths = data::tokenLengthsWithLatestTokenizer(store->database());
        QVERIFY(lengths);
        const auto gpt2 = text::Tokenizer::fromDirectory(ckpt.string());
        QCOMPARE(lengths->prompts.size(), size_t(2));
        QCOMPARE(lengths->prompts[1], int64_t(gpt2.encode("Write a haiku").size()));
    }
};

QTEST_APPLESS_MAIN(RunStoreTest)
#include "RunStoreTest.moc"
