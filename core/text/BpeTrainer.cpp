#include "text/BpeTrainer.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <unordered_set>

#include "text/RegexSplitter.h"
#include "text/Utf8.h"

namespace rlhf::text {

namespace {

using Pair = uint64_t;  // (left id << 32) | right id
Pair makePair(int a, int b) { return (static_cast<uint64_t>(a) << 32) | static_cast<uint32_t>(b); }
int leftOf(Pair p) { return static_cast<int>(p >> 32); }
int rightOf(Pair p) { return static_cast<int>(p & 0xFFFFFFFFu); }

struct Word {
    std::vector<int> symbols;
    int64_t count = 0;
};

class Trainer {
public:
    explicit Trainer(int minPairCount) : minPairCount_(minPairCount) {
        for (int b = 0; b < 256; ++b) {
            std::string s;
            appendUtf8(s, byteToCodePoint()[static_cast<size_t>(b)]);
            ids_.emplace(s, b);
            tokens_.push_back(s);
        }
    }

    void addWords(const std::unordered_map<std::string, int64_t>& counts) {
        // Sorted insertion keeps word indices (and so every later step) independent of hash order.
        std::vector<std::pair<std::string, int64_t>> sorted(counts.begin(), counts.end());
        std::sort(sorted.begin(), sorted.end());
        for (const auto& [piece, count] : sorted) {
            Word w{{}, count};
            for (unsigned char c : piece) w.symbols.push_back(c);
            words_.push_back(std::move(w));
            addPairs(static_cast<int>(words_.size() - 1), +1);
        }
    }

    // Performs merges until `targetTokens` tokens exist or nothing frequent enough is left.
    void run(int targetTokens) {
        while (static_cast<int>(tokens_.size()) < targetTokens) {
            const Pair best = popBest();
            if (best == kNone) break;
            // Two merge paths can spell the same string ("ab"+"c", "a"+"bc"): one token, two merges.
            const std::string merged = tokens_[static_cast<size_t>(leftOf(best))] + tokens_[static_cast<size_t>(rightOf(best))];
            auto [it, added] = ids_.emplace(merged, static_cast<int>(tokens_.size()));
            if (added) tokens_.push_back(merged);
            const int id = it->second;
            merges_.emplace_back(tokens_[static_cast<size_t>(leftOf(best))], tokens_[static_cast<size_t>(rightOf(best))]);
            const auto where = where_[best];  // copy: merging edits the index
            for (int w : where) mergeInWord(w, best, id);
        }
    }

    const std::vector<std::string>& tokens() const { return tokens_; }
    const std::vector<std::pair<std::string, std::string>>& merges() const { return merges_; }

private:
    static constexpr Pair kNone = ~0ull;
    struct Candidate {
        int64_t count;
        Pair pair;
    };

    bool before(const Candidate& a, const Candidate& b) const {  // true when a ranks below b
        if (a.count != b.count) return a.count < b.count;
        const auto& al = tokens_[static_cast<size_t>(leftOf(a.pair))];
        const auto& bl = tokens_[static_cast<size_t>(leftOf(b.pair))];
        if (al != bl) return al > bl;
        return tokens_[static_cast<size_t>(rightOf(a.pair))] > tokens_[static_cast<size_t>(rightOf(b.pair))];
    }

    void addPairs(int w, int sign) {
        const Word& word = words_[static_cast<size_t>(w)];
        for (size_t i = 0; i + 1 < word.symbols.size(); ++i) {
            const Pair p = makePair(word.symbols[i], word.symbols[i + 1]);
            int64_t& c = counts_[p];
            c += sign * word.count;
            if (sign > 0) where_[p].insert(w);
            touched_.push_back(p);
        }
        for (Pair p : touched_) heap_.push({counts_[p], p});
        touched_.clear();
    }

    Pair popBest() {
        while (!heap_.empty()) {
            const Candidate top = heap_.top();
            heap_.pop();
            auto it = counts_.find(top.pair);
            if (it == counts_.end() || it->second != top.count) continue;  // stale entry
            if (top.count < minPairCount_) return kNone;
            counts_.erase(it);
            return top.pair;
        }
        return kNone;
    }

    void mergeInWord(int w, Pair pair, int id) {
        Word& word = words_[static_cast<size_t>(w)];
        std::vector<int> merged;
        merged.reserve(word.symbols.size());
        bool changed = false;
        for (size_t i = 0; i < word.symbols.size(); ++i) {
            if (i + 1 < word.symbols.size() && word.symbols[i] == leftOf(pair) && word.symbols[i + 1] == rightOf(pair)) {
                merged.push_back(id);
                ++i;
                changed = true;
            } else {
                merged.push_back(word.symbols[i]);
            }
        }
        if (!changed) return;
        addPairs(w, -1);
        word.symbols = std::move(merged);
        addPairs(w, +1);
        counts_.erase(pair);
    }

    int minPairCount_;
    std::vector<std::string> tokens_;
    std::unordered_map<std::string, int> ids_;  // token string -> id
    std::vector<std::pair<std::string, std::string>> merges_;
    std::vector<Word> words_;
    std::unordered_map<Pair, int64_t> counts_;
    std::unordered_map<Pair, std::unordered_set<int>> where_;
    std::vector<Pair> touched_;
    std::priority_queue<Candidate, std::vector<Candidate>, std::function<bool(const Candidate&, const Candidate&)>> heap_{
        [this](const Candidate& a, const Candidate& b) { return before(a, b); }};
};

}  // namespace

ByteLevelBpe trainBpe(std::string_view corpus, const BpeTrainingOptions& options) {
    if (options.vocabSize < 257) throw std::invalid_argument("vocab_size must be at least 257 (256 bytes + <|endoftext|>)");
    if (const size_t bad = firstInvalidUtf8(corpus); bad != std::string_view::npos)
        throw std::invalid_argument("training text: invalid UTF-8 at byte " + std::to_string(bad));
    std::unordered_map<std::string, int64_t> counts;
    const RegexSplitter preTokenizer = RegexSplitter::gpt2();
    const std::string_view special = ByteLevelBpe::kEndOfText;
    for (size_t start = 0; start <= corpus.size();) {
        const size_t at = corpus.find(special, start);
        const std::string_view chunk = corpus.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start);
        preTokenizer.split(chunk, [&](std::string_view piece) { ++counts[std::string(piece)]; });
        if (at == std::string_view::npos) break;
        start = at + special.size();
    }
    Trainer trainer(options.minPairCount);
    trainer.addWords(counts);
    trainer.run(options.vocabSize - 1);
    std::unordered_map<std::string, int> vocab;
    for (size_t id = 0; id < trainer.tokens().size(); ++id) vocab.emplace(trainer.tokens()[id], static_cast<int>(id));
    vocab.emplace(std::string(special), static_cast<int>(vocab.size()));
    return ByteLevelBpe(std::move(vocab), trainer.merges(), {AddedToken{std::string(special)}}, "trained tokenizer");
}

}  // namespace rlhf::text
