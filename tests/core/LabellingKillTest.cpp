// Durability of judgements: a labelling process (this program, re-run with --label-child) commits
// judgements through LabellingSession — the Ranking panel's path — and prints "ack ITEM" after each
// commit returns; the test SIGKILLs it at random moments, 60 times, then checks that every acknowledged
// judgement is in the file and PRAGMA integrity_check says ok.
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include <QProcess>

#include "data/LabellingSession.h"
#include "data/ProjectStore.h"

using namespace rlhf;
namespace fs = std::filesystem;

namespace {

constexpr int kItems = 400;
constexpr int kKills = 60;

// The child: judges every item it is shown, best first in shown order, acknowledging each commit.
int labelChild(const std::string& project, const std::string& labeller) {
    auto store = data::ProjectStore::open(project, false);
    data::LabellingSession session(store->database(), labeller, "v1", 7);
    std::cout << "ready" << std::endl;
    int64_t after = 0;
    while (auto item = session.next(after)) {
        labelling::Judgement j;
        for (int index : item->order) j.ranking.push_back({index});
        j.shown = item->shown();
        session.submit(item->item.id, j, 0.5);
        std::cout << "ack " << item->item.id << std::endl;  // flushed: the parent may read it at once
        after = item->item.id;
    }
    return 0;
}

}  // namespace

class LabellingKillTest : public QObject {
    Q_OBJECT
    fs::path tmp_;

private slots:
    void initTestCase() {
        tmp_ = fs::temp_directory_path() / ("rlhf-kill-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
        std::ofstream items(tmp_ / "items.jsonl");
        for (int i = 0; i < kItems; ++i)
            items << "{\"prompt\": \"question " << i << "\", \"responses\": [\"one " << i << "\", \"two\", \"three\"]}\n";
        items.close();
        data::ProjectStore::open((tmp_ / "p.rlhf").string(), true)->importFile((tmp_ / "items.jsonl").string(), {});
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void everyAcknowledgedJudgementSurvivesSigkill() {
        std::mt19937 random(12345);
        int64_t acknowledged = 0;
        for (int kill = 0; kill < kKills; ++kill) {
            const std::string labeller = "labeller" + std::to_string(kill);
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("--label-child"), QString::fromStdString((tmp_ / "p.rlhf").string()), QString::fromStdString(labeller)});
            QVERIFY(child.waitForStarted());
            // Every other kill counts from the sitting's start, so a loaded machine's slow start-ups cannot
            // keep every kill before the first commit; the others land anywhere, start-up included.
            if (kill % 2 == 0) QVERIFY(child.waitForReadyRead(30000));
            QTest::qWait(static_cast<int>(random() % 150));  // startup, a first commit, or deep in a sitting
            if (child.state() != QProcess::NotRunning) {  // it may have judged every item already
                child.kill();                                // SIGKILL
                QVERIFY(child.waitForFinished());
            }
            std::vector<int64_t> acks;
            for (const QByteArray& line : child.readAllStandardOutput().split('\n'))
                if (line.startsWith("ack ")) acks.push_back(line.mid(4).toLongLong());
            acknowledged += static_cast<int64_t>(acks.size());
            auto store = data::ProjectStore::open((tmp_ / "p.rlhf").string(), false);
            auto check = store->database().prepare("PRAGMA integrity_check");
            QVERIFY(check.step());
            QCOMPARE(check.columnText(0), std::string("ok"));
            data::RankingStore rankings(store->database());
            for (int64_t item : acks) QVERIFY2(rankings.judgementOf(item, labeller), ("lost item " + std::to_string(item)).c_str());
        }
        qInfo("%lld judgements acknowledged over %d kills", static_cast<long long>(acknowledged), kKills);
        QVERIFY(acknowledged > 0);
    }
};

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[1]) == "--label-child") return labelChild(argv[2], argv[3]);
    QCoreApplication app(argc, argv);
    LabellingKillTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "LabellingKillTest.moc"
