#include "RankingBench.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "CliSupport.h"
#include "ScratchDirectory.h"
#include "data/LabellingSession.h"
#include "data/ProjectStore.h"

namespace rlhf::cli {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

// N items of four candidates; `judgedBy` judges the first half of them (the labeller who comes back).
void writeItems(const fs::path& items, const fs::path& judged, int64_t n) {
    std::ofstream a(items), b(judged);
    for (int64_t i = 0; i < n; ++i) {
        const std::string head = "{\"prompt\": \"Question number " + std::to_string(i) + ": what is the answer?\", \"responses\": [\"A" +
                                 std::to_string(i) + "\", \"B\", \"C\", \"D\"]";
        a << head << "}\n";
        if (i < n / 2) b << head << ", \"ranking\": [[0], [1, 2], [3]], \"labeller\": \"returning\"}\n";
    }
}

}  // namespace

// Imports the items, then a labeller who judged the first half opens a sitting (first item: the scan past
// their judgements) and judges `judgements` more: per item, the commit and the query of the next one.
void benchRanking(int64_t items, int judgements) {
    const ScratchDirectory scratch("ranking");
    const fs::path& dir = scratch.path();
    writeItems(dir / "items.jsonl", dir / "judged.jsonl", items);
    auto store = data::ProjectStore::open((dir / "bench.rlhf").string(), true);
    auto t = Clock::now();
    store->importFile((dir / "items.jsonl").string(), {});
    const double importItems = msSince(t) / 1000;
    t = Clock::now();
    store->importFile((dir / "judged.jsonl").string(), {});
    const double importJudgements = msSince(t) / 1000;
    data::LabellingSession session(store->database(), "returning", "v1", 1);
    t = Clock::now();
    auto item = session.next(0);
    const double firstItem = msSince(t);
    std::vector<double> submit, next, wait;
    for (int i = 0; i < judgements && item; ++i) {
        labelling::Judgement j;
        for (int index : item->order) j.ranking.push_back({index});
        j.shown = item->shown();
        const auto t0 = Clock::now();
        session.submit(item->item.id, j, 1.0);
        submit.push_back(msSince(t0));
        const auto t1 = Clock::now();
        item = session.next(item->item.id);
        next.push_back(msSince(t1));
        wait.push_back(msSince(t0));
    }
    printJsonLine({{"items", items}, {"judgements", submit.size()}, {"import_items_s", importItems}, {"import_judgements_s", importJudgements},
                   {"first_item_ms", firstItem}, {"submit_ms_median", percentile(submit, 0.5)}, {"submit_ms_p99", percentile(submit, 0.99)},
                   {"next_item_ms_median", percentile(next, 0.5)}, {"next_item_ms_p99", percentile(next, 0.99)},
                   {"submit_to_next_ms_max", percentile(wait, 1.0)}});
}

}  // namespace rlhf::cli
