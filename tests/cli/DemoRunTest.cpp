// `rlhf demo create`, a shortened `rlhf demo run` end to end (a few steps per stage, a tiny model) and
// `rlhf eval`, driven through rlhf-engine as a user runs them: the summary's keys and their agreement
// with the project's runs and saved evaluations, and eval reproducing the demo's numbers (greedy
// responses are deterministic). The demo's full-size numbers are in docs/benchmarks.md.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "../TinySftProject.h"
#include "data/ProjectStore.h"
#include "data/RunStore.h"

using namespace rlhf;
namespace fs = std::filesystem;

namespace {

struct Result {
    int exitCode = -1;
    std::string out, err;
};

Result engine(const QStringList& args, int timeoutMs = 600000) {
    QProcess p;
    p.start(RLHF_ENGINE, args);
    if (!p.waitForFinished(timeoutMs)) p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput().toStdString(),
            p.readAllStandardError().toStdString()};
}

// Each stage a handful of steps on a one-layer model: the pipeline's wiring, not its numbers.
const QStringList kTinyDemo = {
    "--set", "pretrain.max_steps=30", "--set", "pretrain.n_layer=1", "--set", "pretrain.n_embd=32", "--set", "pretrain.n_head=2",
    "--set", "pretrain.vocab_size=300", "--set", "pretrain.context=64", "--set", "pretrain.eval_every=0",
    "--set", "sft.max_steps=10", "--set", "rm.max_steps=10", "--set", "ppo.max_steps=2", "--set", "ppo.rollout_batch=4",
    "--set", "ppo.mini_batch=2", "--set", "ppo.eval_every=0", "--set", "dpo.max_steps=5", "--threads", "2"};

}  // namespace

class DemoRunTest : public QObject {
    Q_OBJECT
    fs::path tmp_, demo_;
    nlohmann::json summary_;

private slots:
    void initTestCase() {
        tmp_ = fs::temp_directory_path() / ("rlhf-demorun-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
        demo_ = tmp_ / "demo.rlhf";
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void createRefusesAnExistingFile() {
        const Result made = engine({"demo", "create", QString::fromStdString(demo_.string()), "--json"});
        QCOMPARE(made.exitCode, 0);
        const auto j = nlohmann::json::parse(made.out);
        QCOMPARE(j["demonstrations"].get<int>(), 990);
        QCOMPARE(j["labeller"].get<std::string>(), std::string("synthetic labeller (rules)"));
        const Result again = engine({"demo", "create", QString::fromStdString(demo_.string())});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.find("already exists") != std::string::npos, again.err.c_str());
    }

    void runRefusesAProjectThatIsNotADemo() {
        const auto tiny = test::makeTinySftProject(tmp_ / "plain");
        const Result r = engine({"demo", "run", QString::fromStdString(tiny.project.string())});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.find("not a demo project") != std::string::npos, r.err.c_str());
        auto store = data::ProjectStore::open(tiny.project.string(), false);
        QVERIFY(data::RunStore(store->database()).runs().empty());
        const Result badSet = engine(QStringList{"demo", "run", QString::fromStdString(demo_.string()), "--set", "rl.lr=1"});
        QCOMPARE(badSet.exitCode, 1);
        QVERIFY2(badSet.err.find("STAGE.KEY=VALUE") != std::string::npos, badSet.err.c_str());
    }

    void shortDemoRunsEveryStageAsRunsOfTheProject() {
        const Result r = engine(QStringList{"demo", "run", QString::fromStdString(demo_.string()), "--json"} + kTinyDemo);
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        summary_ = nlohmann::json::parse(r.out);
        for (const char* key : {"rm", "mean_score", "win_rate_vs_sft", "kl", "seconds", "samples", "labeller_mean_score", "reward_hacking"})
            QVERIFY2(summary_.contains(key), key);
        const double accuracy = summary_["rm"]["val_accuracy"];
        QVERIFY(accuracy >= 0 && accuracy <= 1);
        QVERIFY(summary_["rm"]["val_pairs"].get<int>() > 200);
        for (const char* p : {"ppo", "dpo"}) {
            const double w = summary_["win_rate_vs_sft"][p];
            QVERIFY(summary_["win_rate_ci"][p][0].get<double>() <= w && w <= summary_["win_rate_ci"][p][1].get<double>());
            const bool hacking = summary_["mean_score"][p].get<double>() > summary_["mean_score"]["sft"].get<double>() && w <= 0.5;
            QCOMPARE(summary_["reward_hacking"][p].get<bool>(), hacking);
        }
        QCOMPARE(summary_["samples"].size(), size_t(4));
        auto store = data::ProjectStore::open(demo_.string(), false);
        const auto runs = data::RunStore(store->database()).runs();
        QCOMPARE(runs.size(), size_t(5));
        for (const auto& run : runs) {
            QCOMPARE(run.status, std::string("finished"));
            QCOMPARE(summary_["runs"][run.kind].get<int64_t>(), run.id);
        }
        QCOMPARE(runs[1].parentRunId.value_or(0), runs[0].id);  // SFT from the pretrained model
        QCOMPARE(summary_["evaluations"].size(), size_t(2));
    }

    // rlhf eval with the synthetic judge gives the demo's labeller numbers again: same greedy responses.
    void evalReproducesTheDemosNumbers() {
        if (summary_.is_null()) QSKIP("the demo run failed");
        const QString sft = QString::number(summary_["runs"]["sft"].get<int64_t>());
        const QString dpo = QString::number(summary_["runs"]["dpo"].get<int64_t>());
        const Result r = engine({"eval", QString::fromStdString(demo_.string()), "--models", sft + "," + dpo, "--judge", "synthetic", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        const auto e = nlohmann::json::parse(r.out);
        QCOMPARE(e["judge"].get<std::string>(), std::string("synthetic"));
        QCOMPARE(e["baseline"].get<std::string>(), sft.toStdString());
        QCOMPARE(e["models"][0]["mean_score"].get<double>(), summary_["labeller_mean_score"]["sft"].get<double>());
        QCOMPARE(e["models"][1]["mean_score"].get<double>(), summary_["labeller_mean_score"]["dpo"].get<double>());
        QCOMPARE(e["models"][1]["win_rate"].get<double>(), summary_["win_rate_vs_sft"]["dpo"].get<double>());
        QCOMPARE(e["models"][1]["kl"].get<double>(), summary_["kl"]["dpo"].get<double>());
        QVERIFY(e["models"][0]["win_rate"].is_null());
        const int n = e["prompts"];
        QCOMPARE(e["models"][1]["wins"].get<int>() + e["models"][1]["ties"].get<int>() + e["models"][1]["losses"].get<int>(), n);
        QVERIFY(fs::exists(e["file"].get<std::string>()));
        const Result text = engine({"eval", QString::fromStdString(demo_.string()), "--models", sft, "--max-prompts", "5"});
        QVERIFY2(text.exitCode == 0, text.err.c_str());
        QVERIFY2(text.out.find("(baseline)") != std::string::npos, text.out.c_str());
        const Result bad = engine({"eval", QString::fromStdString(demo_.string()), "--models", "999"});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.find("999 is neither a run") != std::string::npos, bad.err.c_str());
    }
};

QTEST_GUILESS_MAIN(DemoRunTest)
#include "DemoRunTest.moc"
