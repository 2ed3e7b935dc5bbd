#include "data/LabellingBias.h"

#include <map>

#include "data/PreferencePairs.h"

namespace rlhf::data {

namespace {

// Code points: what a reader counts as characters (the texts are valid UTF-8: the importer checks).
double charactersOf(const std::string& text) {
    double n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

std::vector<PositionWinRate> positionWinRates(Database& db) {
    std::map<int, PositionWinRate> byPosition;
    auto q = db.prepare(
        "SELECT a.shown_position, b.shown_position FROM rankings k JOIN ranking_items a ON a.ranking_id = k.id "
        "JOIN ranking_items b ON b.ranking_id = k.id AND a.rank < b.rank "
        "WHERE k.all_bad = 0 AND a.rank > 0 AND a.shown_position >= 0 AND b.shown_position >= 0");
    while (q.step()) {
        const int winner = static_cast<int>(q.columnInt(0)), loser = static_cast<int>(q.columnInt(1));
        byPosition[winner].position = winner;
        ++byPosition[winner].wins;
        byPosition[loser].position = loser;
        ++byPosition[loser].losses;
    }
    std::vector<PositionWinRate> out;
    for (const auto& [position, rate] : byPosition) out.push_back(rate);
    return out;
}

LengthBias lengthBias(Database& db) {
    LengthBias b;
    int64_t differing = 0, chosenLonger = 0;
    double chosen = 0, rejected = 0;
    for (const auto& pair : readPreferencePairs(db, "")) {
        const double c = charactersOf(pair.chosen), r = charactersOf(pair.rejected);
        chosen += c;
        rejected += r;
        ++b.pairs;
        if (c != r) {
            ++differing;
            chosenLonger += c > r;
        }
    }
    if (b.pairs > 0) {
        b.chosenMeanChars = chosen / static_cast<double>(b.pairs);
        b.rejectedMeanChars = rejected / static_cast<double>(b.pairs);
    }
    if (differing > 0) b.chosenLongerFraction = static_cast<double>(chosenLonger) / static_cast<double>(differing);
    return b;
}

}  // namespace

LabellingBias labellingBias(Database& db) { return {positionWinRates(db), lengthBias(db)}; }

}  // namespace rlhf::data
