// `rlhf candidates` through rlhf-engine as the Ranking panel runs it: K samples of one model become items
// (distinct texts, the model recorded as each response's origin, committed one by one with a JSON line
// each), several models an evaluation round; `rlhf round` then reports the win rates the labellers'
// rankings give (here: a ranking that always prefers one model's answer).
#include <QtTest>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "../TinySftProject.h"
#include "data/ProjectStore.h"
#include "data/RankingStore.h"

using namespace rlhf;
namespace fs = std::filesystem;

namespace {

struct Result {
    int exitCode = -1;
    std::vector<nlohmann::json> lines;
    std::string err;
};

Result run(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(300000)) p.kill();
    Result r{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, {}, p.readAllStandardError().toStdString()};
    for (const QByteArray& line : p.readAllStandardOutput().split('\n'))
        if (!line.trimmed().isEmpty()) r.lines.push_back(nlohmann::json::parse(line.toStdString()));
    return r;
}

QString cli() { return QFileInfo(QStringLiteral(RLHF_ENGINE)).dir().filePath(QStringLiteral("rlhf")); }

}  // namespace

class CandidatesTest : public QObject {
    Q_OBJECT
    fs::path tmp_;
    test::TinySftProject tiny_;
    fs::path other_;

private slots:
    void initTestCase() {
        tmp_ = fs::temp_directory_path() / ("rlhf-candidates-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
        tiny_ = test::makeTinySftProject(tmp_);
        other_ = tmp_ / "other";  // the fixture's reference model: other weights, the same tokenizer
        fs::create_directories(other_);
        for (const char* f : {"tiny-gpt2/reference/config.json", "tiny-gpt2/reference/model.safetensors", "gpt2/vocab.json", "gpt2/merges.txt"})
            fs::copy_file(fs::path(RLHF_TEST_DATA_DIR) / f, other_ / fs::path(f).filename());
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void samplesOfOneModelBecomeItems() {
        const Result r = run(RLHF_ENGINE, {"candidates", QString::fromStdString(tiny_.project.string()), "--models",
                                           QString::fromStdString(tiny_.model.string()), "--k", "3", "--max-prompts", "5",
                                           "--max-new-tokens", "6", "--seed", "7", "--threads", "1", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        const auto& result = r.lines.back();
        QCOMPARE(result["prompts"].get<int>(), 5);
        QCOMPARE(result["items"].get<int>() + result["skipped"].get<int>(), 5);
        QCOMPARE(result["round"].get<std::string>(), std::string());
        QCOMPARE(static_cast<int>(r.lines.size()) - 1, result["items"].get<int>());  // a line per item made
        auto store = data::ProjectStore::open(tiny_.project.string(), false);
        data::RankingStore items(store->database());
        QCOMPARE(items.itemCount(), result["items"].get<int64_t>());
        QVERIFY(items.itemCount() > 0);
        const auto first = items.item(r.lines.front()["item"].get<int64_t>());
        QVERIFY(first->responses.size() >= 2 && first->responses.size() <= 3);
        for (const auto& origin : first->origins) QCOMPARE(origin, std::string("base"));
        QVERIFY(first->round.empty());
    }

    void severalModelsMakeAnEvaluationRound() {
        const Result r = run(RLHF_ENGINE, {"candidates", QString::fromStdString(tiny_.project.string()), "--models",
                                           QString::fromStdString(tiny_.model.string() + "," + other_.string()), "--split", "train",
                                           "--max-prompts", "6", "--max-new-tokens", "6", "--round", "r1", "--threads", "1", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QCOMPARE(r.lines.back()["round"].get<std::string>(), std::string("r1"));
        QVERIFY(r.lines.back()["items"].get<int>() > 0);
        // A labeller who always ranks "other"'s answer first.
        auto store = data::ProjectStore::open(tiny_.project.string(), false);
        data::RankingStore items(store->database());
        int judged = 0;
        for (size_t i = 0; i + 1 < r.lines.size(); ++i) {
            const auto item = items.item(r.lines[i]["item"].get<int64_t>());
            QCOMPARE(item->round, std::string("r1"));
            QCOMPARE(item->responses.size(), size_t(2));
            labelling::Judgement j;
            j.labeller = "ana";
            j.ranking = item->origins[0] == "other" ? std::vector<std::vector<int>>{{0}, {1}} : std::vector<std::vector<int>>{{1}, {0}};
            items.record(item->id, j);
            ++judged;
        }
        const Result round = run(cli(), {"round", QString::fromStdString(tiny_.project.string()), "--baseline", "base", "--json"});
        QVERIFY2(round.exitCode == 0, round.err.c_str());
        const auto& models = round.lines.back()["models"];
        QCOMPARE(models[0]["model"].get<std::string>(), std::string("base"));
        QVERIFY(models[0]["win_rate"].is_null());
        QCOMPARE(models[1]["model"].get<std::string>(), std::string("other"));
        QCOMPARE(models[1]["win_rate"].get<double>(), 1.0);
        QCOMPARE(models[1]["wins"].get<int>(), judged);
        QVERIFY(models[1]["ci_low"].get<double>() < 1.0);
    }
};

QTEST_GUILESS_MAIN(CandidatesTest)
#include "CandidatesTest.moc"
