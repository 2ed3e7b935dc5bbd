// The run contract the workbench rests on, driven as the Runs panel drives it: rlhf-engine as a child
// process with --json and --control stdin. Pause and resume by stdin lines (the row says paused), a
// SIGKILLed run shows "interrupted" and resumes to its end with its metrics once per step, SIGTERM stops
// with a checkpoint, and --resume of a missing run leaves nothing behind.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "../TinySftProject.h"
#include "data/ProjectStore.h"
#include "data/RunStore.h"
#include "train/RunLock.h"

using namespace rlhf;
namespace fs = std::filesystem;

class RunControlTest : public QObject {
    Q_OBJECT
    fs::path tmp_, project_, model_;

    // A child rlhf-engine training SFT on the project, reading its JSON lines.
    QProcess* startSft(const QStringList& extra) {
        auto* p = new QProcess(this);
        QStringList args = {"train", "sft", QString::fromStdString(project_.string()), "--json", "--control", "stdin", "--threads", "1"};
        p->start(RLHF_ENGINE, args + extra);
        return p;
    }
    static nlohmann::json nextLine(QProcess* p) {
        while (!p->canReadLine())
            if (!p->waitForReadyRead(60000)) throw std::runtime_error("no line from rlhf-engine: " + p->readAllStandardError().toStdString());
        return nlohmann::json::parse(p->readLine().toStdString());
    }
    static nlohmann::json waitForEvent(QProcess* p, const std::string& event) {
        for (;;)
            if (auto j = nextLine(p); j.value("event", "") == event) return j;
    }
    data::RunRow row(int64_t id) {
        auto store = data::ProjectStore::open(project_.string(), false);
        return *data::RunStore(store->database()).run(id);
    }
    std::string observedStatus(int64_t id) {
        auto r = row(id);
        return train::observedRunStatus(r.status, project_.string() + ".d/runs/" + std::to_string(id) + "-sft");
    }
    int64_t metricRows(int64_t id, const char* name) {
        auto store = data::ProjectStore::open(project_.string(), false);
        auto q = store->database().prepare("SELECT count(*), count(DISTINCT step), max(step) FROM metrics WHERE run_id = ?1 AND name = ?2");
        q.bind(1, id).bind(2, std::string_view(name));
        q.step();
        if (q.columnInt(0) != q.columnInt(1)) return -1;  // a step twice
        return q.columnInt(0);
    }

private slots:
    void initTestCase() {
        tmp_ = fs::temp_directory_path() / ("rlhf-runcontrol-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
        const auto made = test::makeTinySftProject(tmp_);
        project_ = made.project;
        model_ = made.model;
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void pausesResumesAndSurvivesSigkill() {
        const QString model = QString::fromStdString("model=" + model_.string());
        QProcess* p = startSft({"--set", model, "--set", "max_steps=6", "--set", "batch_size=4", "--set", "checkpoint_every=1",
                                "--set", "eval_every=0"});
        const auto started = waitForEvent(p, "started");
        QCOMPARE(started["step"].get<int>(), 0);
        QCOMPARE(started["max_steps"].get<int>(), 6);
        const int64_t id = started["run"].get<int64_t>();
        p->write("pause\n");
        const int pausedAt = waitForEvent(p, "paused")["step"].get<int>();
        QVERIFY(pausedAt >= 1 && pausedAt < 6);
        QCOMPARE(observedStatus(id), std::string("paused"));
        QCOMPARE(metricRows(id, "loss"), int64_t(pausedAt));  // flushed when it paused
        p->write("resume\n");
        QCOMPARE(waitForEvent(p, "resumed")["step"].get<int>(), pausedAt);
        QCOMPARE(observedStatus(id), std::string("running"));
        // Pause once more, then kill it: the row still says paused, its lock is free: interrupted.
        p->write("pause\n");
        const int killedAt = waitForEvent(p, "paused")["step"].get<int>();
        p->kill();
        p->waitForFinished();
        if (killedAt == 6) QSKIP("the run ended before the second pause");
        QCOMPARE(row(id).status, std::string("paused"));
        QCOMPARE(observedStatus(id), std::string("interrupted"));
        // Resume: from the checkpoint before the kill (step killedAt - 1: a step's checkpoint follows its
        // metrics), to the end, one metric row per step.
        QProcess* resumed = startSft({"--resume", QString::number(id)});
        QCOMPARE(waitForEvent(resumed, "started")["step"].get<int>(), killedAt - 1);
        QVERIFY(resumed->waitForFinished(120000));
        QCOMPARE(resumed->exitCode(), 0);
        QCOMPARE(observedStatus(id), std::string("finished"));
        QCOMPARE(metricRows(id, "loss"), int64_t(6));
        QCOMPARE(row(id).lastStep, int64_t(6));
    }

    void sigtermStopsWithACheckpoint() {
        QProcess* p = startSft({"--set", QString::fromStdString("model=" + model_.string()), "--set", "max_steps=1000",
                                "--set", "batch_size=4", "--set", "eval_every=0"});
        const int64_t id = waitForEvent(p, "started")["run"].get<int64_t>();
        QCOMPARE(nextLine(p)["step"].get<int>(), 1);
        p->terminate();  // SIGTERM
        QVERIFY(p->waitForFinished(120000));
        QCOMPARE(p->exitCode(), 0);
        const auto r = row(id);
        QCOMPARE(r.status, std::string("stopped"));
        QVERIFY(r.lastCheckpoint.has_value());
        QVERIFY(r.lastStep >= 1 && r.lastStep < 1000);
        QVERIFY(r.lastCheckpoint->find("step-" + QString::number(r.lastStep).rightJustified(8, '0').toStdString()) != std::string::npos);
    }

    // The window that drove the run is gone (its end of the pipe closed): the run checkpoints and stops,
    // also when it was paused, instead of waiting for ever with its lock held.
    void endOfStdinStopsWithACheckpoint() {
        QProcess* p = startSft({"--set", QString::fromStdString("model=" + model_.string()), "--set", "max_steps=1000",
                                "--set", "batch_size=4", "--set", "eval_every=0"});
        const int64_t id = waitForEvent(p, "started")["run"].get<int64_t>();
        p->write("pause\n");
        waitForEvent(p, "paused");
        p->closeWriteChannel();
        QVERIFY(p->waitForFinished(120000));
        QCOMPARE(p->exitCode(), 0);
        const auto r = row(id);
        QCOMPARE(r.status, std::string("stopped"));
        QVERIFY(r.lastCheckpoint.has_value());
        QVERIFY(!r.finishedAt || *r.finishedAt >= r.createdAt);
    }

    void resumingAMissingRunLeavesNothing() {
        const size_t before = [&] {
            auto store = data::ProjectStore::open(project_.string(), false);
            return data::RunStore(store->database()).runs().size();
        }();
        const auto dirs = std::distance(fs::directory_iterator(project_.string() + ".d/runs"), fs::directory_iterator{});
        QProcess* p = startSft({"--resume", "99"});
        QVERIFY(p->waitForFinished(60000));
        QCOMPARE(p->exitCode(), 1);
        QVERIFY(p->readAllStandardError().contains("no run 99"));
        auto store = data::ProjectStore::open(project_.string(), false);
        QCOMPARE(data::RunStore(store->database()).runs().size(), before);
        QCOMPARE(std::distance(fs::directory_iterator(project_.string() + ".d/runs"), fs::directory_iterator{}), dirs);
    }
};

QTEST_GUILESS_MAIN(RunControlTest)
#include "RunControlTest.moc"
