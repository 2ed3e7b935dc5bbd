// Rankings (docs/formats.md): the line format and its refusals, items as prompt + set of responses,
// judgements replaced or duplicated, derived pairs, agreement statistics against reference numbers
// (scikit-learn's cohen_kappa_score, statsmodels' fleiss_kappa, Krippendorff's worked example), and
// labelling packages: create, label, merge (idempotent, conflicts), refusals that change nothing.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "data/Database.h"
#include "data/JudgementSelection.h"
#include "data/LabellingPackage.h"
#include "data/PreferenceGroups.h"
#include "data/PreferencePairs.h"
#include "data/Screening.h"
#include "data/ProjectAgreement.h"
#include "data/ProjectStore.h"
#include "data/RankingStore.h"
#include "data/Schema.h"
#include "labelling/Agreement.h"
#include "labelling/RankingDraft.h"
#include "labelling/RankingLine.h"
#include "labelling/WordDiff.h"

using namespace rlhf;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The reference data set of the agreement test (tests/data/labelling/agreement_reference.py made the numbers).
const char* kAgreementLines = R"({"prompt": "p1", "responses": ["a", "b", "c"], "ranking": [[0], [1], [2]], "labeller": "ana"}
{"prompt": "p1", "responses": ["a", "b", "c"], "ranking": [[0], [2], [1]], "labeller": "bo"}
{"prompt": "p1", "responses": ["c", "b", "a"], "ranking": [[1], [0, 2]], "labeller": "cy"}
{"prompt": "p2", "responses": ["a", "b", "c", "d"], "ranking": [[3], [0, 1], [2]], "labeller": "ana"}
{"prompt": "p2", "responses": ["a", "b", "c", "d"], "ranking": [[3], [0], [1], [2]], "labeller": "bo"}
{"prompt": "p2", "responses": ["a", "b", "c", "d"], "ranking": [[0], [3], [1], [2]], "labeller": "dee"}
{"prompt": "p3", "responses": ["a", "b"], "ranking": [[0], [1]], "labeller": "ana"}
{"prompt": "p3", "responses": ["a", "b"], "ranking": [[1], [0]], "labeller": "bo"}
{"prompt": "p3", "responses": ["a", "b"], "ranking": [[0], [1]], "labeller": "cy"}
{"prompt": "p3", "responses": ["a", "b"], "ranking": [[0, 1]], "labeller": "dee"}
{"prompt": "p4", "responses": ["a", "b", "c"], "ranking": [[2], [1], [0]], "labeller": "bo"}
{"prompt": "p4", "responses": ["a", "b", "c"], "ranking": [[2], [0], [1]], "labeller": "cy"}
{"prompt": "p4", "responses": ["a", "b", "c"], "unrankable": true, "labeller": "dee"}
{"prompt": "p5", "responses": ["a", "b"], "ranking": [[1], [0]], "labeller": "ana"}
{"prompt": "p5", "responses": ["a", "b"], "ranking": [[1], [0]], "labeller": "cy"}
{"prompt": "p6", "responses": ["a", "b", "c"], "ranking": [[0], [1], [2]], "labeller": "ana"}
{"prompt": "p6", "responses": ["a", "b", "c"], "ranking": [[0], [1], [2]], "labeller": "dee"}
)";

const char* kCow = R"({"prompt": "What sound does a cow make?", "responses": ["Moo.", "Woof.", "It says moo!", "No idea."], "ranking": [[2], [0, 3], [1]], "labeller": "ana", "flags": ["hallucination"], "ratings": [5, 1, 7, null], "shown": [3, 1, 0, 2], "origins": ["sft", "ppo", "ppo", "sft"]}
{"prompt": "What sound does a cow make?", "responses": ["Woof.", "Moo.", "No idea.", "It says moo!"], "ranking": [[3], [1], [2], [0]], "labeller": "bo"}
{"prompt": "What colour is grass?", "responses": ["Green.", "Blue."]}
)";

std::string refusalOf(const std::string& line) {
    try {
        labelling::parseRankingLine(json::parse(line));
    } catch (const data::RecordError& e) {
        return e.what();
    }
    return "accepted";
}

std::vector<std::string> linesOf(const fs::path& file) {
    std::ifstream in(file);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

}  // namespace

class LabellingTest : public QObject {
    Q_OBJECT
    fs::path tmp_;

    fs::path write(const std::string& name, const std::string& text) {
        const fs::path p = tmp_ / name;
        std::ofstream(p) << text;
        return p;
    }
    std::unique_ptr<data::ProjectStore> project(const std::string& name, const std::string& lines) {
        auto store = data::ProjectStore::open((tmp_ / name).string(), true);
        if (!lines.empty()) store->importFile(write(name + ".jsonl", lines).string(), {});
        return store;
    }

private slots:
    void initTestCase() {
        tmp_ = fs::temp_directory_path() / ("rlhf-labelling-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void refusesWhatIsNotAWholeJudgement_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("reason");
        QTest::newRow("partial") << R"({"prompt": "p", "responses": ["a", "b", "c"], "ranking": [[0], [2]], "labeller": "ana"})"
                                 << "field 'ranking' is partial: response 1 is not ranked (every index exactly once)";
        QTest::newRow("twice") << R"({"prompt": "p", "responses": ["a", "b"], "ranking": [[0], [0, 1]], "labeller": "ana"})"
                               << "field 'ranking' lists response 0 twice";
        QTest::newRow("labeller alone") << R"({"prompt": "p", "responses": ["a", "b"], "labeller": "ana"})"
                                        << "labeller 'ana' without a 'ranking' (or \"unrankable\": true)";
        QTest::newRow("same text") << R"({"prompt": "p", "responses": ["a", "b", "a"]})"
                                   << "field 'responses[2]' repeats an earlier response's text";
        QTest::newRow("no labeller") << R"({"prompt": "p", "responses": ["a", "b"], "ranking": [[0], [1]]})"
                                     << "a judgement needs a 'labeller' (a line without ranking, unrankable and labeller is an item)";
        QTest::newRow("both") << R"({"prompt": "p", "responses": ["a", "b"], "ranking": [[0], [1]], "unrankable": true, "labeller": "x"})"
                              << "an unrankable judgement has no 'ranking'";
        QTest::newRow("rating") << R"({"prompt": "p", "responses": ["a", "b"], "ranking": [[0], [1]], "labeller": "x", "ratings": [8, null]})"
                                << "field 'ratings[0]' must be 1 to 7 or null, found 8";
        QTest::newRow("index") << R"({"prompt": "p", "responses": ["a", "b"], "ranking": [[0], [2]], "labeller": "x"})"
                               << "field 'ranking[1][0]' is 2: not an index into the 2 responses";
        QTest::newRow("unknown") << R"({"prompt": "p", "responses": ["a", "b"], "score": 1})" << "unknown field 'score' in a rankings record";
        QTest::newRow("item flags") << R"({"prompt": "p", "responses": ["a", "b"], "flags": ["x"]})"
                                    << "field 'flags' belongs to a judgement: this line has no labeller or ranking";
        QTest::newRow("one response") << R"({"prompt": "p", "responses": ["a"]})" << "field 'responses' must list at least 2 responses";
    }
    void refusesWhatIsNotAWholeJudgement() {
        QFETCH(QString, line);
        QFETCH(QString, reason);
        QCOMPARE(QString::fromStdString(refusalOf(line.toStdString())), reason);
    }

    void importFindsItemsByTheirSetAndKeepsTheirOrder() {
        auto store = project("cow.rlhf", kCow);
        const auto stats = store->stats();
        QCOMPARE(stats.rankings, int64_t(2));
        QCOMPARE(stats.rankingPairs, int64_t(5 + 6));  // ties give none: 3·4/2 − 1, then 4·3/2
        QCOMPARE(stats.prompts, int64_t(2));
        QCOMPARE(stats.responses, int64_t(6));
        data::RankingStore rankings(store->database());
        QCOMPARE(rankings.itemCount(), int64_t(2));
        const auto bo = rankings.judgementOf(1, "bo");
        QVERIFY(bo);
        // bo listed the responses in another order: his ranking is stored in the item's order.
        QCOMPARE(bo->ranking, (std::vector<std::vector<int>>{{2}, {0}, {3}, {1}}));
        const fs::path out = tmp_ / "cow-out.jsonl";
        store->exportFile(out.string(), data::Format::Rankings, std::nullopt);
        const auto lines = linesOf(out);
        QCOMPARE(lines.size(), size_t(3));
        QCOMPARE(lines[0], std::string(R"({"prompt":"What sound does a cow make?","responses":["Moo.","Woof.","It says moo!","No idea."],)"
                                       R"("ranking":[[2],[0,3],[1]],"labeller":"ana","flags":["hallucination"],"ratings":[5,1,7,null],)"
                                       R"("origins":["sft","ppo","ppo","sft"],"shown":[3,1,0,2]})"));
        QCOMPARE(lines[1], std::string(R"({"prompt":"What sound does a cow make?","responses":["Moo.","Woof.","It says moo!","No idea."],)"
                                       R"("ranking":[[2],[0],[3],[1]],"labeller":"bo","origins":["sft","ppo","ppo","sft"]})"));
        QCOMPARE(lines[2], std::string(R"({"prompt":"What colour is grass?","responses":["Green.","Blue."]})"));
        // Import → export → import into a new project → export: the same file.
        auto again = project("cow2.rlhf", std::string());
        again->importFile(out.string(), {});
        const fs::path out2 = tmp_ / "cow-out2.jsonl";
        again->exportFile(out2.string(), data::Format::Rankings, std::nullopt);
        QCOMPARE(linesOf(out2), lines);
    }

    void judgingAgainReplacesAndTheSameJudgementIsADuplicate() {
        auto store = project("again.rlhf", kCow);
        const auto same = store->importFile(write("same.jsonl", kCow).string(), {});
        QCOMPARE(same.judgements, int64_t(0));
        QCOMPARE(same.duplicates, int64_t(3));
        const auto changed = store->importFile(
            write("changed.jsonl", R"({"prompt": "What sound does a cow make?", "responses": ["No idea.", "It says moo!", "Woof.", "Moo."], "ranking": [[1], [3], [0], [2]], "labeller": "ana"})"
                                   "\n").string(), {});
        QCOMPARE(changed.judgements, int64_t(1));
        QCOMPARE(changed.replaced, int64_t(1));
        QCOMPARE(store->stats().rankings, int64_t(2));
        const auto ana = data::RankingStore(store->database()).judgementOf(1, "ana");
        QCOMPARE(ana->ranking, (std::vector<std::vector<int>>{{2}, {0}, {3}, {1}}));
        QVERIFY(ana->flags.empty());
    }

    void aBadLineAbortsTheWholeImportAndNamesItsLine() {
        auto store = project("bad.rlhf", kCow);
        const std::string bad = std::string(R"({"prompt": "q", "responses": ["x", "y"], "ranking": [[0], [1]], "labeller": "cy"})") + "\n" +
                                R"({"prompt": "q", "responses": ["x", "y"], "ranking": [[0]], "labeller": "cy"})" + "\n";
        const auto file = write("bad.jsonl", bad).string();
        try {
            store->importFile(file, {});
            QFAIL("imported a partial ranking");
        } catch (const data::ImportError& e) {
            QCOMPARE(std::string(e.what()), file + ":2: field 'ranking' is partial: response 1 is not ranked (every index exactly once)");
        }
        QCOMPARE(store->stats().rankings, int64_t(2));
        data::ImportOptions skip;
        skip.onError = data::OnError::Skip;
        const auto r = store->importFile(file, skip);
        QCOMPARE(r.judgements, int64_t(1));
        QCOMPARE(r.skipped.size(), size_t(1));
    }

    void rankedPairsExportInEveryPairFormat() {
        auto store = project("pairs.rlhf", kCow);
        const fs::path out = tmp_ / "pairs.jsonl";
        QCOMPARE(store->exportFile(out.string(), data::Format::Trl, std::nullopt).records, int64_t(11));
        const auto lines = linesOf(out);
        QCOMPARE(lines[0], std::string(R"({"prompt":"What sound does a cow make?","chosen":"It says moo!","rejected":"Moo."})"));
        QCOMPARE(store->exportFile((tmp_ / "pairs.hh").string(), data::Format::Hh, std::nullopt).records, int64_t(11));
    }

    void agreementMatchesReferenceNumbers() {
        auto store = project("agree.rlhf", kAgreementLines);
        const auto r = data::projectAgreement(store->database());
        QCOMPARE(r.units, int64_t(17));
        QCOMPARE(*r.percentAgreement, 0.6);
        // sklearn.metrics.cohen_kappa_score over each pair's common units (cy/dee share one: not listed).
        const std::vector<std::tuple<std::string, std::string, int64_t, double>> cohen = {
            {"ana", "bo", 10, 0.4545454545454546}, {"ana", "cy", 5, 0.33333333333333337}, {"ana", "dee", 10, 0.4117647058823529},
            {"bo", "cy", 7, -0.25}, {"bo", "dee", 7, 0.5172413793103448}};
        QCOMPARE(r.cohenKappa.size(), cohen.size());
        for (size_t i = 0; i < cohen.size(); ++i) {
            QCOMPARE(r.cohenKappa[i].a, std::get<0>(cohen[i]));
            QCOMPARE(r.cohenKappa[i].b, std::get<1>(cohen[i]));
            QCOMPARE(r.cohenKappa[i].n, std::get<2>(cohen[i]));
            QVERIFY(std::abs(*r.cohenKappa[i].kappa - std::get<3>(cohen[i])) < 1e-12);
        }
        QVERIFY(!r.fleissKappa);  // units have 2, 3 and 4 values
        // Only ana's and bo's judgements: their 10 common units, each with two values.
        const auto two = data::projectAgreement(store->database(), {{"ana", "bo"}, ""});
        QCOMPARE(two.units, int64_t(10));
        QCOMPARE(two.cohenKappa.size(), size_t(1));
        QVERIFY(std::abs(*two.cohenKappa[0].kappa - 0.4545454545454546) < 1e-12);
        QVERIFY(two.fleissKappa.has_value());
        QCOMPARE(data::projectAgreement(store->database(), {{}, "v9"}).units, int64_t(0));
        const std::vector<std::pair<std::string, double>> others = {{"ana", 0.68}, {"bo", 0.5833333333333334}, {"cy", 0.38461538461538464},
                                                                    {"dee", 0.6666666666666666}};
        QCOMPARE(r.labellers.size(), others.size());
        for (size_t i = 0; i < others.size(); ++i) {
            QCOMPARE(r.labellers[i].labeller, others[i].first);
            QVERIFY(std::abs(*r.labellers[i].agreementWithOthers - others[i].second) < 1e-12);
        }
    }

    void krippendorffsWorkedExample() {
        // "Computing Krippendorff's Alpha-Reliability" (2011), the example with missing values: four
        // observers, twelve units (the last has one value and is not pairable). 0.743 nominal, 0.815 ordinal.
        const std::vector<std::vector<int>> units = {{1, 1, 1}, {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3}, {2, 2, 2, 2}, {1, 2, 3, 4},
                                                     {4, 4, 4, 4}, {1, 1, 2, 1}, {2, 2, 2, 2}, {5, 5, 5}, {1, 1}, {3}};
        QCOMPARE(std::round(*labelling::krippendorffAlpha(units, false) * 1000) / 1000, 0.743);
        QCOMPARE(std::round(*labelling::krippendorffAlpha(units, true) * 1000) / 1000, 0.815);
        QVERIFY(!labelling::krippendorffAlpha({{1, 1}, {1, 1}}, false));  // no expected disagreement
    }

    void fleissKappaMatchesStatsmodels() {
        // statsmodels.stats.inter_rater.fleiss_kappa(aggregate_raters(units)[0]) = 0.4125874125874129
        const std::vector<std::vector<int>> units = {{1, 1, 0}, {1, -1, -1}, {0, 0, 0}, {1, 1, 1}, {-1, -1, 1}, {1, 0, 1}, {-1, -1, -1}};
        QVERIFY(std::abs(*labelling::fleissKappa(units) - 0.4125874125874129) < 1e-12);
        QVERIFY(!labelling::fleissKappa({{1, 1}, {1, 1, 1}}));
    }

    void runsChooseWhoseJudgementsTheyLearnFrom() {
        // kAgreementLines: pairs ranked apart per labeller — ana 3+5+1+1+3 = 13, bo 3+6+1+3 = 13,
        // cy 2+1+3+1 = 7, dee 6+3 = 9 (p3 a tie, p4 all bad); 42 in all.
        auto store = project("select.rlhf", kAgreementLines);
        auto& db = store->database();
        const auto pairsOf = [&](nlohmann::json settings) {
            return static_cast<int64_t>(data::readPreferencePairs(db, "", data::JudgementSelection::takeFrom(settings, "--set")).size());
        };
        QCOMPARE(store->stats().rankingPairs, int64_t(42));
        QCOMPARE(pairsOf(json::object()), int64_t(42));
        QCOMPARE(pairsOf({{"labellers", "ana, cy"}}), int64_t(20));
        QCOMPARE(pairsOf({{"labellers", "nobody"}}), int64_t(0));
        QCOMPARE(pairsOf({{"guideline", "v9"}}), int64_t(0));
        QCOMPARE(pairsOf({{"min_agreement", 0.6}}), int64_t(13 + 9));  // ana 0.68, dee 0.667; bo 0.58, cy 0.38
        QCOMPARE(static_cast<int64_t>(data::readPreferenceGroups(db, "", data::JudgementSelection{"bo", "", false, 0}).size()), int64_t(4));
        // Screening with dee as the gold labeller (gold items p2, p3 and p6; p4 dee found all bad): ana
        // agrees on 4 of p2's 6 pairs, not on p3's (dee tied), on p6's 3: 7 of 10. bo: 5 of 6, 0 of 1.
        data::setScreeningSettings(db, {"dee", 0.8});
        const auto screening = data::screeningResults(db);
        QCOMPARE(screening.size(), size_t(3));
        QCOMPARE(screening[0].labeller, std::string("ana"));
        QCOMPARE(screening[0].goldItems, int64_t(3));
        QCOMPARE(screening[0].values, int64_t(10));
        QCOMPARE(screening[0].score, 0.7);
        QVERIFY(!screening[0].passed);
        QCOMPARE(screening[1].goldItems, int64_t(2));
        QVERIFY(std::abs(screening[1].score - 5.0 / 7.0) < 1e-12);
        QCOMPARE(pairsOf({{"passed_screening", true}}), int64_t(9));  // the gold labeller's own
        data::setScreeningSettings(db, {"dee", 0.65});
        QCOMPARE(pairsOf({{"passed_screening", true}}), int64_t(13 + 13 + 9));  // ana, bo and gold; cy 0 of 1
        nlohmann::json bad = {{"min_agreement", 2}};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, data::JudgementSelection::takeFrom(bad, "--set"));
    }

    void aDraftRanksPicksTiesAndDrops() {
        labelling::RankingDraft d(4);
        QVERIFY(d.pick(2));
        QVERIFY(!d.pick(2));
        QVERIFY(!d.tieWithPrevious());
        QVERIFY(d.pick(0));
        QVERIFY(d.tieWithPrevious());
        QCOMPARE(d.groups(), (std::vector<std::vector<int>>{{2, 0}}));
        QVERIFY(d.pick(3));
        QVERIFY(d.completable() && !d.complete());
        QVERIFY(d.moveTo(1, 0));   // dropped on the first group: a tie there
        QVERIFY(d.complete());
        QVERIFY(d.moveTo(2, 2));   // the last slot: ranked after 3 (its own group moved up one)
        QCOMPARE(d.groups(), (std::vector<std::vector<int>>{{0, 1}, {3}, {2}}));
        QVERIFY(d.undo());         // the last pick was 1 (by drop)
        QCOMPARE(d.groups(), (std::vector<std::vector<int>>{{0}, {3}, {2}}));
        d.completeWithTheRest();
        QCOMPARE(d.rankOf(1), 4);
    }

    void wordDiffMarksWhatChanged() {
        const auto diff = labelling::wordDiff("The cow says moo.", "The cow says woof loudly.");
        std::string changed;
        for (const auto& w : diff)
            if (w.changed) changed += w.text;
        QCOMPARE(changed, std::string("woof loudly."));
        QCOMPARE(diff.size(), size_t(5));
    }

    void everyProjectHasAnIdThatCopiesKeep() {
        auto store = project("id.rlhf", kCow);
        const std::string id = data::projectIdOf(store->database());
        QCOMPARE(id.size(), size_t(32));
        store->saveCopy((tmp_ / "id-copy.rlhf").string());
        auto copy = data::ProjectStore::open((tmp_ / "id-copy.rlhf").string(), false);
        QCOMPARE(data::projectIdOf(copy->database()), id);
        auto other = project("id-other.rlhf", kCow);
        QVERIFY(data::projectIdOf(other->database()) != id);
    }

    void aPackageGoesOutAndComesBack() {
        auto store = project("pkg.rlhf", kCow);
        const std::string pkg = (tmp_ / "cy.rlhfpkg").string();
        const auto created = data::createPackage(store->database(), pkg, {"cy", std::nullopt, std::nullopt});
        QCOMPARE(created.items, int64_t(2));
        QVERIFY(!fs::exists(pkg + "-wal") && !fs::exists(pkg + ".d"));
        {
            // cy labels one item in the package, as `rlhf import PKG FILE --format rankings` does.
            auto package = data::ProjectStore::open(pkg, false);
            QCOMPARE(data::packageLabellerOf(package->database()), std::string("cy"));
            package->importFile(write("cy.jsonl", R"({"prompt": "What colour is grass?", "responses": ["Blue.", "Green."], "ranking": [[1], [0]], "labeller": "cy"})"
                                                  "\n").string(), {});
        }
        QVERIFY(!fs::exists(pkg + ".d"));
        const auto merged = data::mergePackage(store->database(), pkg);
        QCOMPARE(merged.judgements, int64_t(1));
        QCOMPARE(merged.duplicates, int64_t(0));
        QCOMPARE(store->stats().rankings, int64_t(3));
        const auto twice = data::mergePackage(store->database(), pkg);
        QCOMPARE(twice.judgements, int64_t(0));
        QCOMPARE(twice.duplicates, int64_t(1));
        QCOMPARE(store->stats().rankings, int64_t(3));
        // The package now holds nothing cy has not judged but the cow item.
        QCOMPARE(data::createPackage(store->database(), (tmp_ / "cy2.rlhfpkg").string(), {"cy", std::nullopt, std::nullopt}).items, int64_t(1));
    }

    void aLaterJudgementWinsAConflict() {
        auto store = project("conflict.rlhf", kCow);
        const std::string pkg = (tmp_ / "ana.rlhfpkg").string();
        data::createPackage(store->database(), pkg, {"ana", std::nullopt, std::nullopt});  // the grass item only
        {
            auto package = data::ProjectStore::open(pkg, false);
            package->importFile(write("ana-pkg.jsonl", R"({"prompt": "What colour is grass?", "responses": ["Green.", "Blue."], "ranking": [[0], [1]], "labeller": "ana"})"
                                                       "\n").string(), {});
        }
        // Meanwhile ana judged it differently in the project, later.
        store->importFile(write("ana-project.jsonl", R"({"prompt": "What colour is grass?", "responses": ["Green.", "Blue."], "ranking": [[0, 1]], "labeller": "ana"})"
                                                     "\n").string(), {});
        const auto r = data::mergePackage(store->database(), pkg);
        QCOMPARE(r.conflicts.size(), size_t(1));
        QCOMPARE(r.conflicts[0].packageWon, false);
        QCOMPARE(data::RankingStore(store->database()).judgementOf(2, "ana")->ranking, (std::vector<std::vector<int>>{{0, 1}}));
    }

    void damagedOrForeignPackagesAreRefusedAndChangeNothing() {
        auto store = project("refuse.rlhf", kCow);
        const std::string pkg = (tmp_ / "dee.rlhfpkg").string();
        data::createPackage(store->database(), pkg, {"dee", std::nullopt, std::nullopt});
        {
            auto package = data::ProjectStore::open(pkg, false);
            package->importFile(write("dee.jsonl", R"({"prompt": "What colour is grass?", "responses": ["Green.", "Blue."], "ranking": [[0], [1]], "labeller": "dee"})"
                                                   "\n").string(), {});
        }
        const auto expectRefusal = [&](const std::string& path, const std::string& why) {
            try {
                data::mergePackage(store->database(), path);
                QFAIL(("merged " + path).c_str());
            } catch (const data::StoreError& e) {
                QVERIFY2(std::string(e.what()).find(why) != std::string::npos, e.what());
                QVERIFY2(std::string(e.what()).find("nothing was merged") != std::string::npos, e.what());
            }
            QCOMPARE(store->stats().rankings, int64_t(2));
        };
        const std::string edited = (tmp_ / "edited.rlhfpkg").string();
        fs::copy_file(pkg, edited);
        { data::Database(edited, false).exec("UPDATE rankings SET rationale = 'changed by hand'"); }
        expectRefusal(edited, "no longer matches its checksum");
        const std::string truncated = (tmp_ / "truncated.rlhfpkg").string();
        fs::copy_file(pkg, truncated);
        fs::resize_file(truncated, fs::file_size(pkg) / 2);
        expectRefusal(truncated, "truncated");
        auto other = project("other.rlhf", kCow);
        const std::string foreign = (tmp_ / "foreign.rlhfpkg").string();
        data::createPackage(other->database(), foreign, {"dee", std::nullopt, std::nullopt});
        expectRefusal(foreign, "a package of another project");
        expectRefusal((tmp_ / "missing.rlhfpkg").string(), "no such package file");
        QCOMPARE(data::mergePackage(store->database(), pkg).judgements, int64_t(1));
    }
};

QTEST_GUILESS_MAIN(LabellingTest)
#include "LabellingTest.moc"
