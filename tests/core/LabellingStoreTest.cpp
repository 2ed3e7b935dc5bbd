// The labelling tables alongside the rest of the project: Dataset edits keep items and judgements whole
// (a candidate cannot be deleted alone; deleting a prompt and undoing it, merging near-duplicates and
// unmerging bring them back), package guidelines whose version names clash are renamed on merge, null
// optional fields read as absent, and evaluation rounds' win rates worked by hand.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "data/DatasetEdits.h"
#include "data/EvaluationRounds.h"
#include "data/LabellingPackage.h"
#include "data/LabellingSession.h"
#include "data/LabellingSettings.h"
#include "data/ProjectStore.h"
#include "data/RankingStore.h"
#include "labelling/RankingLine.h"

using namespace rlhf;
namespace fs = std::filesystem;

namespace {

const char* kItem = R"({"prompt": "What sound does a cow make?", "responses": ["Moo.", "Woof.", "It says moo!"], "ranking": [[2], [0], [1]], "labeller": "ana", "flags": ["hallucination"]})"
                    "\n";

labelling::Judgement ranked(const std::string& labeller, std::vector<std::vector<int>> ranking) {
    labelling::Judgement j;
    j.labeller = labeller;
    j.ranking = std::move(ranking);
    j.unrankable = j.ranking.empty();
    return j;
}

}  // namespace

class LabellingStoreTest : public QObject {
    Q_OBJECT
    fs::path tmp_;

    std::unique_ptr<data::ProjectStore> project(const std::string& name, const std::string& lines) {
        auto store = data::ProjectStore::open((tmp_ / name).string(), true);
        std::ofstream((tmp_ / (name + ".jsonl"))) << lines;
        if (!lines.empty()) store->importFile((tmp_ / (name + ".jsonl")).string(), {});
        return store;
    }

private slots:
    void initTestCase() {
        tmp_ = fs::temp_directory_path() / ("rlhf-labelling-store-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void datasetEditsKeepItemsAndJudgementsWhole() {
        auto store = project("edits.rlhf", kItem);
        auto& db = store->database();
        data::DatasetEdits edits(db);
        const auto item = *data::RankingStore(db).item(1);
        QVERIFY_THROWS_EXCEPTION(data::StoreError, edits.deleteResponse(item.responseIds[0]));
        const auto before = data::RankingStore(db).judgementOf(1, "ana");
        const auto snapshot = edits.deletePrompt(item.promptId);
        QCOMPARE(store->stats().rankings, int64_t(0));
        QCOMPARE(data::RankingStore(db).itemCount(), int64_t(0));
        edits.restorePrompt(snapshot);
        const auto after = data::RankingStore(db).judgementOf(1, "ana");
        QVERIFY(after && after->sameAs(*before));
        QCOMPARE(store->stats().rankingPairs, int64_t(3));
        // Merging the cow prompt into a near-duplicate keeps the item (now under the kept prompt) and its judgement.
        const int64_t other = edits.addPrompt("What sound does a cow make ?");
        const auto merge = edits.mergePrompts(other, {item.promptId});
        QCOMPARE(data::RankingStore(db).item(1)->promptId, other);
        QVERIFY(data::RankingStore(db).judgementOf(1, "ana"));
        edits.unmergePrompts(merge);
        QCOMPARE(data::RankingStore(db).item(1)->promptId, item.promptId);
        QCOMPARE(store->stats().rankingPairs, int64_t(3));
    }

    void aSittingSeesItemsAnotherProcessCommits() {
        // The Ranking panel keeps one sitting open while `rlhf candidates` writes items through its own
        // connection: no statement of the sitting may hold a read open that hides them.
        auto store = project("live.rlhf", kItem);
        data::LabellingSession session(store->database(), "bo", "", 3);
        const auto first = session.next(0);
        QVERIFY(first);
        session.submit(first->item.id, ranked("bo", {{0}, {1}, {2}}), 1.0);
        QVERIFY(!session.next(first->item.id));
        {
            auto writer = data::ProjectStore::open((tmp_ / "live.rlhf").string(), false);
            std::ofstream(tmp_ / "more.jsonl") << R"({"prompt": "Opposite of hot?", "responses": ["Cold.", "Warm."]})" "\n";
            writer->importFile((tmp_ / "more.jsonl").string(), {});
        }
        const auto next = session.next(first->item.id);
        QVERIFY(next);
        QCOMPARE(next->item.prompt, std::string("Opposite of hot?"));
    }

    void clashingGuidelineVersionsAreRenamedOnMerge() {
        auto store = project("guidelines.rlhf", std::string(R"({"prompt": "Opposite of hot?", "responses": ["Cold.", "Warm."]})") + "\n");
        auto& db = store->database();
        QCOMPARE(data::saveGuideline(db, "Prefer short answers."), std::string("v1"));
        const std::string pkg = (tmp_ / "bo.rlhfpkg").string();
        data::createPackage(db, pkg, {"bo", std::nullopt, std::nullopt});
        {
            auto package = data::ProjectStore::open(pkg, false);
            QCOMPARE(data::saveGuideline(package->database(), "Prefer polite answers."), std::string("v2"));
            std::ofstream(tmp_ / "bo.jsonl") << R"({"prompt": "Opposite of hot?", "responses": ["Cold.", "Warm."], "ranking": [[0], [1]], "labeller": "bo", "guideline": "v2"})" "\n";
            package->importFile((tmp_ / "bo.jsonl").string(), {});
        }
        QCOMPARE(data::saveGuideline(db, "Prefer long answers."), std::string("v2"));  // meanwhile, in the project
        data::mergePackage(db, pkg);
        QCOMPARE(QString::fromStdString(data::RankingStore(db).judgementOf(1, "bo")->guideline), QStringLiteral("v2 (from bo's package)"));
        auto text = db.prepare("SELECT text FROM guidelines WHERE version = 'v2 (from bo''s package)'");
        QVERIFY(text.step());
        QCOMPARE(text.columnText(0), std::string("Prefer polite answers."));
    }

    void nullOptionalFieldsReadAsAbsent() {
        const auto line = labelling::parseRankingLine(nlohmann::json::parse(
            R"({"prompt": "p", "responses": ["a", "b"], "ranking": [[1], [0]], "labeller": "ana", "flags": null, "rationale": null, "shown": null, "ratings": null, "guideline": null, "origins": null})"));
        QVERIFY(line.judgement && line.judgement->flags.empty() && line.judgement->shown.empty() && line.origins.empty());
        QVERIFY_THROWS_EXCEPTION(data::RecordError, labelling::parseRankingLine(nlohmann::json::parse(R"({"prompt": null, "responses": ["a", "b"]})")));
    }

    void roundWinRatesWorkedByHand() {
        // Three prompts, models A (baseline), B and C; B and C wrote the same text on the third.
        auto store = project("round.rlhf", std::string());
        auto& db = store->database();
        data::RankingStore items(db);
        const auto make = [&](const std::string& prompt, std::vector<std::string> texts, std::vector<std::string> origins) {
            bool created = false;
            std::vector<int> order;
            const auto item = items.ensureItem(prompt, texts, origins, "model", created, order);
            items.setRound(item.id, "r");
            return item.id;
        };
        const int64_t one = make("p1", {"a1", "b1", "c1"}, {"A", "B", "C"});
        const int64_t two = make("p2", {"a2", "b2", "c2"}, {"A", "B", "C"});
        const int64_t three = make("p3", {"a3", "bc3"}, {"A", "B, C"});
        items.record(one, ranked("ana", {{1}, {0}, {2}}));     // B > A > C
        items.record(one, ranked("bo", {{1, 0}, {2}}));        // B = A > C
        items.record(two, ranked("ana", {}));                   // all bad: ties
        items.record(three, ranked("ana", {{1}, {0}}));        // B = C > A
        const auto r = data::roundResults(db, "r", "");
        QCOMPARE(r.baseline, std::string("A"));
        QCOMPARE(r.items, int64_t(3));
        QCOMPARE(r.judgedItems, int64_t(3));
        QCOMPARE(r.models.size(), size_t(3));
        const auto& b = r.models[1];  // win, tie, tie, win
        QCOMPARE(b.model, std::string("B"));
        QCOMPARE(b.winRate.wins, int64_t(2));
        QCOMPARE(b.winRate.ties, int64_t(2));
        QCOMPARE(b.winRate.rate, 0.75);
        const auto& c = r.models[2];  // loss, loss, tie, win
        QCOMPARE(c.winRate.losses, int64_t(2));
        QCOMPARE(c.winRate.rate, 1.5 / 4);
        QVERIFY(c.winRate.ciLow < c.winRate.rate && c.winRate.rate < c.winRate.ciHigh);
        QCOMPARE(data::evaluationRounds(db), std::vector<std::string>{"r"});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, data::roundResults(db, "r", "Z"));
    }
};

QTEST_GUILESS_MAIN(LabellingStoreTest)
#include "LabellingStoreTest.moc"
