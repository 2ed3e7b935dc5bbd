// Arena leaderboards against reference numbers (online Elo worked by hand and by a plain Python loop;
// Bradley–Terry against an independent maximum-likelihood fit in scipy, and within 2e-3 of scikit-learn's
// LogisticRegression fitted as Chatbot Arena fits it — each win counted twice, each tie once for each
// side), the ridge where the maximum does not exist, bootstrap
// intervals, time order with untimed battles, and the arena format in and out of a project.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "arena/ArenaRatings.h"
#include "arena/Leaderboard.h"
#include "data/ArenaFile.h"
#include "data/ProjectStore.h"
#include "data/RecordFormat.h"

using namespace rlhf;
namespace fs = std::filesystem;

namespace {

// 60 battles among five models (seeded in Python; see the header comment).
const char* kBattles = R"json([["m2","m1","model_a"],["m0","m4","model_b"],["m0","m2","model_b"],["m4","m1","model_a"],["m3","m4","model_a"],["m0","m3","model_a"],["m4","m0","tie"],["m4","m3","model_a"],["m1","m0","model_b"],["m1","m2","model_b"],["m4","m0","model_a"],["m4","m1","model_a"],["m4","m1","model_a"],["m4","m0","model_a"],["m4","m1","model_a"],["m4","m3","model_b"],["m3","m4","model_b"],["m1","m4","model_b"],["m1","m0","model_b"],["m4","m3","model_b"],["m3","m2","model_b"],["m0","m4","model_b"],["m1","m2","model_a"],["m3","m4","model_a"],["m0","m2","model_b"],["m2","m3","model_b"],["m3","m0","model_b"],["m2","m3","model_b"],["m0","m4","model_b"],["m2","m3","model_a"],["m3","m2","model_a"],["m3","m2","model_a"],["m0","m3","model_a"],["m2","m1","model_b"],["m3","m4","tie (bothbad)"],["m0","m1","model_b"],["m4","m2","model_b"],["m3","m2","model_b"],["m2","m3","tie"],["m0","m1","model_a"],["m1","m0","model_a"],["m4","m1","model_a"],["m0","m1","model_b"],["m2","m4","tie"],["m3","m4","model_b"],["m3","m0","model_a"],["m3","m0","model_a"],["m1","m3","model_a"],["m2","m0","model_a"],["m4","m1","model_a"],["m2","m0","model_a"],["m1","m3","model_a"],["m2","m4","model_b"],["m3","m0","model_a"],["m3","m4","model_b"],["m2","m0","model_a"],["m2","m4","model_b"],["m1","m0","model_a"],["m4","m2","model_a"],["m4","m0","model_b"]])json";

arena::Winner winnerOf(const std::string& w) {
    return w == "model_a" ? arena::Winner::A : w == "model_b" ? arena::Winner::B : w == "tie" ? arena::Winner::Tie : arena::Winner::BothBad;
}

std::vector<arena::Battle> referenceBattles() {
    std::vector<arena::Battle> out;
    for (const auto& b : nlohmann::json::parse(kBattles))
        out.push_back({b[0].get<std::string>()[1] - '0', b[1].get<std::string>()[1] - '0', winnerOf(b[2].get<std::string>())});
    return out;
}

}  // namespace

class ArenaTest : public QObject {
    Q_OBJECT
    fs::path tmp_;

private slots:
    void initTestCase() {
        tmp_ = fs::temp_directory_path() / ("rlhf-arena-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void onlineEloByHand() {
        // A beats B at 1000 each: E = ½, A gains K·½ = 2; then B beats A: E_B = 1/(1 + 10^(4/400)).
        const auto r = arena::eloOnline({{0, 1, arena::Winner::A}, {0, 1, arena::Winner::B}}, 2);
        const double eB = 1.0 / (1.0 + std::pow(10.0, 4.0 / 400.0));
        QVERIFY(std::abs(r[1] - (998.0 + 4 * (1 - eB))) < 1e-12);
        QVERIFY(std::abs(r[0] + r[1] - 2000.0) < 1e-12);
        const auto tie = arena::eloOnline({{0, 1, arena::Winner::BothBad}}, 2);
        QCOMPARE(tie[0], 1000.0);
        // The Python loop over the 60 reference battles.
        const std::vector<double> expected = {981.0856242626272, 993.4105131653612, 1003.5377454092936, 998.3571700979534, 1023.6089470647646};
        const auto elo = arena::eloOnline(referenceBattles(), 5);
        for (size_t i = 0; i < expected.size(); ++i) QVERIFY(std::abs(elo[i] - expected[i]) < 1e-9);
    }

    void bradleyTerryMatchesChatbotArenasFit() {
        // scipy.optimize.minimize (BFGS, gtol 1e-12) of the same likelihood; sklearn's LogisticRegression as
        // Chatbot Arena calls it (penalty None) stops ~1e-3 short: 877.16902, 937.111708, 1030.802048, …
        const std::vector<double> expected = {877.169058, 937.113006, 1030.801102, 1012.329551, 1142.587282};
        const auto bt = arena::bradleyTerry(referenceBattles(), 5);
        QVERIFY(!bt.ridge);
        double mean = 0;
        for (size_t i = 0; i < expected.size(); ++i) {
            QVERIFY2(std::abs(bt.ratings[i] - expected[i]) < 1e-4, qPrintable(QString::number(bt.ratings[i], 'f', 6)));
            mean += bt.ratings[i] / 5;
        }
        QVERIFY(std::abs(mean - 1000.0) < 1e-9);
        // Two models, 3 wins to 1: P = 3/4, so R_a − R_b = 400·log10(3).
        const auto two = arena::bradleyTerry({{0, 1, arena::Winner::A}, {0, 1, arena::Winner::A}, {0, 1, arena::Winner::A}, {1, 0, arena::Winner::A}}, 2);
        QVERIFY(std::abs(two.ratings[0] - two.ratings[1] - 400 * std::log10(3.0)) < 1e-6);
        QVERIFY(std::abs(two.ratings[0] - (1000 + 200 * std::log10(3.0))) < 1e-6);
    }

    void aModelNeverBeatenNeedsTheRidge() {
        const auto bt = arena::bradleyTerry({{0, 1, arena::Winner::A}, {0, 2, arena::Winner::A}, {1, 2, arena::Winner::Tie}}, 3);
        QVERIFY(bt.ridge);
        QVERIFY(std::isfinite(bt.ratings[0]) && bt.ratings[0] > 2000);
        QVERIFY(std::abs(bt.ratings[1] - bt.ratings[2]) < 1e-6);  // they tied
        // A tie in both directions is enough: no ridge.
        QVERIFY(!arena::bradleyTerry({{0, 1, arena::Winner::Tie}}, 2).ridge);
    }

    void bootstrapIntervalsAreSeededAndHoldTheFit() {
        const auto battles = referenceBattles();
        const auto a = arena::bootstrapIntervals(battles, 5, 200, 3), b = arena::bootstrapIntervals(battles, 5, 200, 3);
        const auto c = arena::bootstrapIntervals(battles, 5, 200, 4);
        const auto bt = arena::bradleyTerry(battles, 5);
        for (int m = 0; m < 5; ++m) {
            QCOMPARE(a[m].low, b[m].low);
            QCOMPARE(a[m].high, b[m].high);
            QVERIFY(a[m].low < bt.ratings[m] && bt.ratings[m] < a[m].high);
        }
        QVERIFY(a[0].low != c[0].low);
        QCOMPARE(arena::percentile({1, 2, 3, 4, 5}, 0.025), 1.1);  // numpy's linear interpolation
    }

    void theArenaFormatInAndOut() {
        const fs::path file = tmp_ / "battles.json";
        std::ofstream(file) << R"json([{"model_a": "A", "model_b": "B", "winner": "model_a", "tstamp": 3, "question_id": "q1", "language": "English"},
 {"model_a": "B", "model_b": "C", "winner": "tie", "tstamp": 1},
 {"model_a": "C", "model_b": "A", "winner": "model_b"},
 {"model_a": "A", "model_b": "C", "winner": "tie (bothbad)", "tstamp": 2, "conversation_a": [{"role": "user", "content": "hi"}]},
 {"model_a": "B", "model_b": "A", "winner": "model_a", "tstamp": 4}])json";
        auto store = data::ProjectStore::open((tmp_ / "a.rlhf").string(), true);
        const auto r = store->importFile(file.string(), {});
        QCOMPARE(r.format, data::Format::Arena);
        QCOMPARE(r.battles, int64_t(5));
        // Time order: the timed battles sorted into the timed places (t1, t2, untimed C–A, t3, t4).
        const auto read = data::readArenaBattles(store->database());
        QCOMPARE(read.models, (std::vector<std::string>{"A", "B", "C"}));
        QCOMPARE(read.battles[0].a, 1);
        QCOMPARE(read.battles[2].a, 2);
        QCOMPARE(read.battles[4].a, 1);
        const auto elo = arena::eloOnline(read.battles, 3);  // sklearn-free reference: a Python loop in this order
        QVERIFY(std::abs(elo[0] - 1001.954084365035) < 1e-9);
        const fs::path out = tmp_ / "out.jsonl";
        QCOMPARE(store->exportFile(out.string(), data::Format::Arena, std::nullopt).records, int64_t(5));
        auto again = data::ProjectStore::open((tmp_ / "b.rlhf").string(), true);
        again->importFile(out.string(), {});
        const fs::path out2 = tmp_ / "out2.jsonl";
        again->exportFile(out2.string(), data::Format::Arena, std::nullopt);
        std::ifstream x(out), y(out2);
        QCOMPARE(std::string(std::istreambuf_iterator<char>(x), {}), std::string(std::istreambuf_iterator<char>(y), {}));
        QCOMPARE(store->importFile(out.string(), {}).duplicates, int64_t(5));  // the same battles again
        std::ofstream(tmp_ / "bad.jsonl") << R"({"model_a": "A", "model_b": "B", "winner": "model_a"})" "\n"
                                          << R"({"model_a": "A", "model_b": "B", "winner": "draw"})" "\n";
        try {
            store->importFile((tmp_ / "bad.jsonl").string(), {});
            QFAIL("imported a bad winner");
        } catch (const data::ImportError& e) {
            QVERIFY2(std::string(e.what()).find("bad.jsonl:2: field 'winner' is 'draw'") != std::string::npos, e.what());
        }
        QCOMPARE(store->stats().arenaBattles, int64_t(5));
    }

    // Worked by hand: A beat B, then B and A tied; C beat A; B and C never met.
    void winRateMatrixByHand() {
        const std::vector<arena::Battle> battles = {{0, 1, arena::Winner::A}, {1, 0, arena::Winner::Tie}, {0, 2, arena::Winner::B}};
        const auto rate = arena::winRateMatrix(battles, 3);
        QCOMPARE(rate[0][1], 0.75);
        QCOMPARE(rate[1][0], 0.25);
        QCOMPARE(rate[0][2], 0.0);
        QCOMPARE(rate[2][0], 1.0);
        QCOMPARE(rate[1][2], -1.0);
        QCOMPARE(rate[1][1], -1.0);
    }

    // The rows `rlhf arena` and the Leaderboard tab show: the fit's ratings, sorted, with each model's record.
    void leaderboardRowsAreTheFitSorted() {
        const auto battles = referenceBattles();
        const std::vector<std::string> models = {"m0", "m1", "m2", "m3", "m4"};
        const auto board = arena::computeLeaderboard(models, battles, 50, 7);
        const auto fit = arena::bradleyTerry(battles, 5);
        QCOMPARE(board.rows.size(), size_t(5));
        QCOMPARE(board.battles, size_t(60));
        int64_t total = 0;
        for (size_t i = 0; i < board.rows.size(); ++i) {
            const auto& r = board.rows[i];
            if (i > 0) QVERIFY(board.rows[i - 1].btRating >= r.btRating);
            QCOMPARE(r.btRating, fit.ratings[static_cast<size_t>(r.model[1] - '0')]);
            QCOMPARE(r.wins + r.losses + r.ties, r.battles);
            QVERIFY(r.ciLow <= r.ciHigh);
            total += r.battles;
        }
        QCOMPARE(total, int64_t(120));
        QCOMPARE(board.rows.front().model, std::string("m4"));  // 1142.587282, the highest of the scipy fit
    }

    // A vote made in the app is stored as an imported record is: exported, it imports as a duplicate.
    void aVoteFromTheAppRoundTrips() {
        auto store = data::ProjectStore::open((tmp_ / "votes.rlhf").string(), true);
        const nlohmann::json vote = {{"model_a", "eliza-doctor-1966"}, {"model_b", "sft-2"}, {"winner", "tie (bothbad)"}, {"tstamp", 1764680000.5},
                                     {"judge", "dee"},
                                     {"conversation_a", {{{"role", "user"}, {"content", "Hello"}}, {{"role", "assistant"}, {"content", "HOW DO YOU DO"}}}},
                                     {"conversation_b", {{{"role", "user"}, {"content", "Hello"}}, {{"role", "assistant"}, {"content", "Hi there!"}}}}};
        QVERIFY(data::recordArenaBattle(store->database(), vote) > 0);
        try {
            data::recordArenaBattle(store->database(), {{"model_a", "x"}, {"model_b", "x"}, {"winner", "model_a"}});
            QFAIL("stored a battle of a model against itself");
        } catch (const data::RecordError& e) {
            QVERIFY2(std::string(e.what()).find("the same model") != std::string::npos, e.what());
        }
        const fs::path out = tmp_ / "votes.jsonl";
        store->exportFile(out.string(), data::Format::Arena, std::nullopt);
        std::ifstream in(out);
        std::string line;
        std::getline(in, line);
        QCOMPARE(nlohmann::json::parse(line), vote);
        QCOMPARE(store->importFile(out.string(), {}).duplicates, int64_t(1));
        const auto read = data::readArenaBattles(store->database());
        QCOMPARE(read.battles.size(), size_t(1));
        QVERIFY(read.battles[0].winner == arena::Winner::BothBad);
    }
};

QTEST_GUILESS_MAIN(ArenaTest)
#include "ArenaTest.moc"
