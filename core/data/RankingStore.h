#pragma once
// Items to rank and labellers' judgements of them (schema v5; docs/formats.md "rankings"). An item is a
// prompt with a set of responses: the same prompt and set are one item whatever order they come in; its
// positions keep the order of its first appearance. A labeller has at most one judgement of an item: a
// different one replaces it, an identical one is a duplicate. Every write runs inside the caller's
// transaction (the importer's, or a judgement's own: see LabellingSession).

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "data/Database.h"
#include "data/Splits.h"
#include "labelling/Judgement.h"

namespace rlhf::data {

struct LabelItem {
    int64_t id = 0, promptId = 0;
    std::string prompt, split, round;
    std::vector<int64_t> responseIds;
    std::vector<std::string> responses;   // in the item's order
    std::vector<std::string> origins;     // one per response, "" unknown
};

// A prepared statement lent for one use: reset when the lease ends, so no read stays open on the
// connection (an open read would hide other processes' commits from a long-lived store).
class StatementLease {
public:
    explicit StatementLease(Statement& s) : s_(s) {}
    ~StatementLease() { s_.reset(); }
    StatementLease(const StatementLease&) = delete;
    StatementLease& operator=(const StatementLease&) = delete;
    Statement* operator->() { return &s_; }

private:
    Statement& s_;
};

enum class JudgementOutcome { Added, Replaced, Duplicate, KeptNewer };

// How a judgement meets an earlier one by the same labeller: the new one counts (import, the app), or
// the one made later counts (merging a labelling package).
enum class ReplacePolicy { Always, IfLater };

class RankingStore {
public:
    explicit RankingStore(Database& db);

    // The item of `prompt` with the set `responses` (created, with its prompt and responses, when missing:
    // `created` says so); `order` receives, for each given response, its position in the item. Origins
    // fill the item's unknown ones. `source` is the new prompt's source (a file path, or "manual").
    LabelItem ensureItem(const std::string& prompt, const std::vector<std::string>& responses,
                         const std::vector<std::string>& origins, const std::string& source, bool& created,
                         std::vector<int>& order);
    std::optional<LabelItem> item(int64_t itemId);
    void setRound(int64_t itemId, const std::string& round);

    // `sessionId`: the labelling sitting it was made in (none for imports).
    JudgementOutcome record(int64_t itemId, const labelling::Judgement& judgement, ReplacePolicy policy = ReplacePolicy::Always,
                            std::optional<int64_t> sessionId = std::nullopt);
    std::optional<labelling::Judgement> judgementOf(int64_t itemId, const std::string& labeller);
    bool remove(int64_t itemId, const std::string& labeller);  // false when there was none

    int64_t labellerId(const std::string& name);  // created when missing
    std::vector<std::string> labellers();         // by name

    // Every item in item order with its judgements (by labeller name); for export, agreement, packages.
    void forEachItem(const std::function<void(const LabelItem&, const std::vector<labelling::Judgement>&)>& visit);
    int64_t itemCount();
    std::vector<labelling::Judgement> judgementsOf(int64_t itemId);  // by labeller name

private:
    int64_t findPrompt(const std::string& text, uint64_t hash);
    int64_t responseOf(int64_t promptId, const std::string& text, bool& created);
    labelling::Judgement readJudgement(int64_t rankingId, size_t k);

    // The store's statements, prepared once: an import runs a dozen per line (keys: the SQL literals).
    StatementLease statement(std::string_view sql);

    Database& db_;
    std::map<std::string_view, Statement> statements_;
    std::optional<SplitSettings> splits_;  // read once: new prompts get their split from it
};

}  // namespace rlhf::data
