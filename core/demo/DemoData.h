#pragma once
// The demo project's data, generated from a seed (docs/demo.md):
//   corpus          pretraining text: facts stated many ways, little stories and dialogues, enough for
//                   a tiny GPT to write readable sentences;
//   demonstrations  one answer per demo prompt, written the way a mixed group of people would: mostly
//                   correct, sometimes polite, sometimes curt, rude or evasive;
//   pairs           per prompt, an answer drawn from a wider mix and a variant of it with one or two
//                   parts (opener, body, closing, repetition) drawn again; the better one by the
//                   synthetic labeller's rules is chosen; a variant with an equal score is drawn again;
//   items           prompts with four different candidate answers each, for people to rank.
// The same seed gives the same data on every machine.

#include <cstdint>
#include <string>
#include <vector>

namespace rlhf::demo {

struct DemoDemonstration {
    std::string prompt, completion;
};

struct DemoPair {
    std::string prompt, chosen, rejected;
};

// An item for the Ranking panel: a prompt and candidate answers of mixed quality, not yet judged.
struct DemoItem {
    std::string prompt;
    std::vector<std::string> candidates;
};

struct DemoData {
    std::string corpus;
    std::vector<DemoDemonstration> demonstrations;
    std::vector<DemoPair> pairs;
    std::vector<DemoItem> items;  // drawn after everything else: the rest is the same with or without them
};

// Small deterministic generator (splitmix64): the same numbers whatever the standard library.
class DemoRandom {
public:
    explicit DemoRandom(uint64_t seed) : state_(seed) {}
    uint64_t next();
    size_t below(size_t n) { return static_cast<size_t>(next() % n); }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    template <typename T>
    const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

private:
    uint64_t state_;
};

struct DemoSizes {
    int corpusParagraphs = 6000;
    int pairsPerPrompt = 3;
    int rankingItems = 40;       // items of four candidates to rank
};

// Every demo prompt: each fact asked with each question template and lead-in.
std::vector<std::string> demoPrompts();
DemoData generateDemoData(uint64_t seed, const DemoSizes& sizes = {});

}  // namespace rlhf::demo
