// Dataset queries (filters, FTS search, keyset pages) and edits (each undoable exactly).
#include <QtTest>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <utility>

#include <filesystem>

#include "TestData.h"
#include "TestPrinters.h"
#include "data/DatasetEdits.h"
#include "data/DatasetQueries.h"
#include "data/NearDuplicates.h"
#include "data/ProjectStore.h"
#include "data/SearchIndex.h"

using namespace rlhf::data;
namespace fs = std::filesystem;

class DatasetTest : public QObject {
    Q_OBJECT
    fs::path tmp_;
    std::unique_ptr<ProjectStore> store_;

    std::string q(int64_t promptId) { return DatasetQueries(store_->database()).detail(promptId)->split; }

    std::vector<int64_t> ids(const PromptFilter& f) {
        std::vector<int64_t> out;
        for (const auto& r : DatasetQueries(store_->database()).page(f, 0, 1000)) out.push_back(r.id);
        return out;
    }

    // Lower-case ASCII words of each row of `table` (words with non-ASCII letters are left out: SQLite's
    // lower() and the tokenizer's folding differ there).
    std::map<std::string, std::set<int64_t>> rowsOfWords(const char* table) {
        std::map<std::string, std::set<int64_t>> rowsOfWord;
        auto rows = store_->database().prepare(std::string("SELECT id, lower(text) FROM ") + table);
        while (rows.step()) {
            std::string word;
            for (const char c : rows.columnText(1) + " ") {
                const auto byte = static_cast<unsigned char>(c);
                if (std::isalnum(byte) || byte >= 0x80) {
                    word += c;
                } else if (!word.empty()) {
                    const bool ascii = std::all_of(word.begin(), word.end(), [](char w) { return static_cast<unsigned char>(w) < 0x80; });
                    if (ascii) rowsOfWord[word].insert(rows.columnInt(0));
                    word.clear();
                }
            }
        }
        return rowsOfWord;
    }

    // Each word of the rows of `table` now, and of `before` (words the rows had), finds exactly the rows
    // that hold it now: no row missing, stale or left behind in the index. (FTS5's integrity-check cannot
    // tell with detail=none.)
    void expectIndexMatchesContent(const char* table, const std::map<std::string, std::set<int64_t>>& before = {}) {
        auto expected = rowsOfWords(table);
        QVERIFY(!expected.empty());
        for (const auto& [word, rows] : before) expected.try_emplace(word);
        for (const auto& [word, rows] : expected) {
            auto found = store_->database().prepare(std::string("SELECT rowid FROM ") + table + "_fts WHERE " + table + "_fts MATCH ?1");
            found.bind(1, std::string_view(ftsQuery(word)));
            std::set<int64_t> got;
            while (found.step()) got.insert(found.columnInt(0));
            QVERIFY2(got == rows, (std::string(table) + ": " + word).c_str());
        }
    }

private slots:
    void init() {
        tmp_ = fs::temp_directory_path() / ("rlhf-dataset-" + std::to_string(::getpid()));
        fs::remove_all(tmp_);
        fs::create_directories(tmp_);
        store_ = ProjectStore::open((tmp_ / "d.rlhf").string(), true);
        for (const char* f : {"hh", "sft", "trl"}) store_->importFile(rlhf::test::dataPath(std::string("formats/") + f + ".jsonl"), {});
    }
    void cleanup() {
        store_.reset();
        fs::remove_all(tmp_);
    }

    void pagesCountsAndFilters() {
        DatasetQueries q(store_->database());
        QCOMPARE(q.count({}), int64_t(5));  // 2 hh + 2 sft + 1 trl prompt
        const auto first = q.page({}, 0, 2);
        QCOMPARE(first.size(), size_t(2));
        const auto rest = q.page({}, first.back().id, 10);
        QCOMPARE(rest.size(), size_t(3));
        QVERIFY(rest.front().id > first.back().id);
        PromptFilter demos;
        demos.hasDemonstration = true;
        QCOMPARE(q.count(demos), int64_t(2));
        PromptFilter labelled;
        labelled.labelled = true;
        QCOMPARE(q.count(labelled), int64_t(3));
        QCOMPARE(first.front().comparisons, int64_t(1));
    }

    void searchFindsPromptsAndResponseWords() {
        PromptFilter f;
        f.search = "haiku";  // in a prompt
        QCOMPARE(ids(f).size(), size_t(1));
        f.search = "Bonjour";  // only in a response
        QCOMPARE(ids(f).size(), size_t(1));
        f.search = "say french";  // two words, both in one prompt, any case
        QCOMPARE(ids(f).size(), size_t(1));
        f.search = "\"unbalanced AND (";  // user text never becomes FTS syntax
        QCOMPARE(ids(f).size(), size_t(0));
        QCOMPARE(ftsQuery("a \"b"), std::string("\"a\" \"\"\"b\""));
    }

    // An import leaves its rows out of the full-text index until the first search; edits, deletes, undo,
    // merges and a second import in the meantime leave it exact once that search has indexed them.
    void importedRowsWaitForTheFirstSearch() {
        Database& db = store_->database();
        QVERIFY(pendingSearchIds(db) > 0);
        QCOMPARE(db.queryInt("SELECT count(*) FROM prompts_fts WHERE prompts_fts MATCH 'haiku'"), int64_t(0));
        DatasetQueries q(db);
        DatasetEdits e(db);
        const auto all = q.page({}, 0, 100);
        QCOMPARE(all.size(), size_t(5));
        e.setPromptText(all[0].id, "a pending zebra");             // pending: the trigger leaves the index alone
        const auto snapshot = e.deletePrompt(all[1].id);
        e.restorePrompt(snapshot);                                 // undo puts it back, still pending
        const auto merge = e.mergePrompts(all[2].id, {all[3].id});
        e.unmergePrompts(merge);
        e.deletePrompt(all[4].id);  // the newest imported prompt: the next import's first id is where it was
        const auto report = store_->importFile(rlhf::test::dataPath("formats/openai-dpo.jsonl"), {});
        QVERIFY(report.records > 0);
        const int64_t indexedAtOnce = e.addPrompt("a manual prompt about giraffes");
        QCOMPARE(db.queryInt("SELECT count(*) FROM prompts_fts WHERE prompts_fts MATCH 'giraffes'"), int64_t(1));
        e.deletePrompt(indexedAtOnce);
        e.deletePrompt(q.page({}, 0, 100).back().id);  // the second import's newest: pending
        const int64_t added = e.addPrompt("a manual prompt about giraffes");  // where it was: pending too
        QCOMPARE(db.queryInt("SELECT count(*) FROM prompts_fts WHERE prompts_fts MATCH 'giraffes'"), int64_t(0));
        int64_t lastProgress = 0, progressTotal = 0;
        indexPendingRows(db, 2, [&](int64_t done, int64_t total) {
            QVERIFY(done > lastProgress && done <= total);
            lastProgress = done;
            progressTotal = total;
        });
        QCOMPARE(lastProgress, progressTotal);
        QCOMPARE(pendingSearchIds(db), int64_t(0));
        expectIndexMatchesContent("prompts");
        expectIndexMatchesContent("responses");
        PromptFilter zebra;
        zebra.search = "zebra";
        QCOMPARE(ids(zebra), (std::vector<int64_t>{all[0].id}));
        const auto promptWords = rowsOfWords("prompts"), responseWords = rowsOfWords("responses");
        for (const auto& row : q.page({}, 0, 100)) e.deletePrompt(row.id);  // indexed now: the triggers take them out
        QCOMPARE(q.count({}), int64_t(0));
        e.addPrompt("one prompt left");
        expectIndexMatchesContent("prompts", promptWords);
        QCOMPARE(db.queryInt("SELECT count(*) FROM responses"), int64_t(0));
        for (const auto& [word, rows] : responseWords)
            QCOMPARE(db.queryInt("SELECT count(*) FROM responses_fts WHERE responses_fts MATCH '" + ftsQuery(word) + "'"), int64_t(0));
    }

    // An import after the newest rows were deleted reuses their ids: whatever the older ranges covered (a
    // manual row indexed between imports, a range a search indexed only in part), every row is findable.
    void importAfterDeletingTheNewestRowsKeepsEveryRowFindable() {
        Database& db = store_->database();
        DatasetQueries q(db);
        DatasetEdits e(db);
        const int64_t manual = e.addPrompt("a manual prompt about wombats");  // indexed at once, between imports
        store_->importFile(rlhf::test::dataPath("formats/openai-dpo.jsonl"), {});
        bool stopped = false;
        try {  // a search that indexed one chunk and was then interrupted (a new keystroke)
            indexPendingRows(db, 1, [&](int64_t, int64_t) {
                stopped = true;
                throw std::runtime_error("interrupted");
            });
        } catch (const std::runtime_error&) {
        }
        QVERIFY(stopped && pendingSearchIds(db) > 0);
        for (const auto& row : q.page({}, manual - 1, 100)) e.deletePrompt(row.id);  // the manual prompt and all after it
        store_->importFile(rlhf::test::dataPath("formats/openai-dpo.jsonl"), {});
        store_->importFile(rlhf::test::dataPath("formats/trl.jsonl"), {});
        PromptFilter any;
        any.search = "zzzz";
        QCOMPARE(q.count(any), int64_t(0));  // the search indexes everything pending
        QCOMPARE(pendingSearchIds(db), int64_t(0));
        expectIndexMatchesContent("prompts");
        expectIndexMatchesContent("responses");
        for (const auto& row : q.page({}, 0, 100)) e.deletePrompt(row.id);  // an unindexed row would break its trigger here
        QCOMPARE(q.count({}), int64_t(0));
    }

    // The Dataset panel's search indexes what is pending first, so it finds imported rows.
    void searchIndexesPendingRows() {
        QVERIFY(pendingSearchIds(store_->database()) > 0);
        PromptFilter f;
        f.search = "haiku";
        QCOMPARE(DatasetQueries(store_->database()).count(f), int64_t(1));
        QCOMPARE(pendingSearchIds(store_->database()), int64_t(0));
        expectIndexMatchesContent("prompts");
        expectIndexMatchesContent("responses");
    }

    void editsTagsAndUndoableDelete() {
        DatasetQueries q(store_->database());
        DatasetEdits e(store_->database());
        const int64_t id = q.page({}, 0, 1).front().id;
        const auto before = q.detail(id);
        e.setTags(id, {"greeting", "multilingual"});
        PromptFilter tagged;
        tagged.tag = "greeting";
        QCOMPARE(ids(tagged), (std::vector<int64_t>{id}));
        e.setPromptText(id, "edited prompt text zebra");
        PromptFilter zebra;
        zebra.search = "zebra";
        QCOMPARE(ids(zebra), (std::vector<int64_t>{id}));
        const auto snapshot = e.deletePrompt(id);
        QCOMPARE(q.count({}), int64_t(4));
        QVERIFY(!q.detail(id));
        e.restorePrompt(snapshot);
        const auto after = q.detail(id);
        QVERIFY(after);
        QCOMPARE(after->text, std::string("edited prompt text zebra"));
        QCOMPARE(after->tags, (std::vector<std::string>{"greeting", "multilingual"}));
        QCOMPARE(after->responses.size(), before->responses.size());
        QCOMPARE(after->comparisons.size(), before->comparisons.size());
        QCOMPARE(ids(zebra), (std::vector<int64_t>{id}));  // back in the search index
        const int64_t added = e.addPrompt("a manual prompt about giraffes");
        e.addDemonstration(added, "giraffes are tall");
        PromptFilter giraffe;
        giraffe.search = "giraffes";
        QCOMPARE(ids(giraffe), (std::vector<int64_t>{added}));
    }

    // Merging moves the others' responses, comparisons and tags to the kept prompt and deletes them;
    // undoing puts every row back where it was, with the same ids.
    void mergeMovesEverythingAndUnmergeRestoresIt() {
        DatasetQueries q(store_->database());
        DatasetEdits e(store_->database());
        const auto all = q.page({}, 0, 100);
        QCOMPARE(all.size(), size_t(5));
        const int64_t keep = all[0].id, other = all[1].id;
        e.setTags(other, {"merged-tag"});
        e.setPromptText(other, "a quokka prompt");
        const auto keptBefore = *q.detail(keep), otherBefore = *q.detail(other);
        QVERIFY(!otherBefore.responses.empty() && !otherBefore.comparisons.empty());
        const auto merge = e.mergePrompts(keep, {other});
        QVERIFY(!q.detail(other));
        PromptFilter gone;
        gone.search = "quokka";
        QVERIFY(ids(gone).empty());
        QCOMPARE(q.count({}), int64_t(4));
        const auto merged = *q.detail(keep);
        QCOMPARE(merged.responses.size(), keptBefore.responses.size() + otherBefore.responses.size());
        QCOMPARE(merged.comparisons.size(), keptBefore.comparisons.size() + otherBefore.comparisons.size());
        QVERIFY(std::find(merged.tags.begin(), merged.tags.end(), "merged-tag") != merged.tags.end());
        e.unmergePrompts(merge);
        QCOMPARE(q.count({}), int64_t(5));
        const auto keptAfter = *q.detail(keep), otherAfter = *q.detail(other);
        QCOMPARE(keptAfter.responses.size(), keptBefore.responses.size());
        QCOMPARE(keptAfter.tags, keptBefore.tags);
        QCOMPARE(otherAfter.text, otherBefore.text);
        QCOMPARE(otherAfter.tags, otherBefore.tags);
        QCOMPARE(otherAfter.responses.size(), otherBefore.responses.size());
        for (size_t i = 0; i < otherBefore.responses.size(); ++i) QCOMPARE(otherAfter.responses[i].id, otherBefore.responses[i].id);
        QCOMPARE(otherAfter.comparisons.size(), otherBefore.comparisons.size());
        PromptFilter quokka;
        quokka.search = "quokka";
        QCOMPARE(ids(quokka), (std::vector<int64_t>{other}));  // back in the search index
    }

    void manualPromptsFollowTheProjectsSplitSettings() {
        store_->assignSplits(parseSplitRatios("0,0,1"), 3);  // everything to test
        DatasetEdits e(store_->database());
        for (int i = 0; i < 20; ++i) QCOMPARE(q(e.addPrompt("manual " + std::to_string(i))), std::string("test"));
        QCOMPARE(readSplitSettings(store_->database()).seed, uint64_t(3));
    }

    void nearDuplicatePromptsAreClustered() {
        DatasetEdits e(store_->database());
        const std::string base = "Please explain how reinforcement learning from human feedback trains a reward model "
                                 "from ranked answers and then tunes the policy with PPO";
        const int64_t a = e.addPrompt(base);
        const int64_t b = e.addPrompt(base + " please");                 // one word more
        const int64_t c = e.addPrompt("please EXPLAIN how reinforcement learning from human feedback trains a reward "
                                      "model from ranked answers, and then tunes the policy with PPO!");  // case, punctuation
        e.addPrompt("What is the capital of France and why is it famous for its museums and its food");
        const auto clusters = findNearDuplicatePrompts(store_->database(), {0.7, 64, 16});
        QCOMPARE(clusters.size(), size_t(1));
        QCOMPARE(clusters[0].promptIds, (std::vector<int64_t>{a, b, c}));
        QVERIFY(clusters[0].minSimilarity >= 0.7);
        const auto s1 = minHashSignature(base, 64), s2 = minHashSignature(base, 64);
        QCOMPARE(s1, s2);  // deterministic
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, findNearDuplicatePrompts(store_->database(), {0.8, 64, 10}));
    }
};

QTEST_APPLESS_MAIN(DatasetTest)
#include "DatasetTest.moc"
