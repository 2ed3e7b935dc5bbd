#include "demo/DemoData.h"

#include <algorithm>

#include "demo/DemoWorld.h"
#include "demo/SyntheticLabeller.h"

namespace rlhf::demo {

namespace {

// How one answer is put together: probabilities of each part.
struct AnswerMix {
    double politeOpener, rudeOpener;   // else no opener
    double correct, wrong, offTopic;   // else evasive; off topic: a true sentence about something else
    double politeClosing, rudeClosing; // else no closing
    double repeated;                   // a sentence said again (a degenerate answer)
};

// People writing demonstrations: mostly correct, sometimes polite, sometimes not.
constexpr AnswerMix kDemonstrators{0.30, 0.12, 0.82, 0.06, 0.0, 0.28, 0.12, 0.0};
// The answers people compared: a wider mix, so every rule shows up in the comparisons (repetition and
// off-topic answers too, which a policy that games the reward model drifts into).
constexpr AnswerMix kComparedAnswers{0.40, 0.25, 0.50, 0.12, 0.12, 0.40, 0.25, 0.20};

std::string wrongAnswer(const Fact& fact, DemoRandom& random) {
    const auto& facts = fact.category->facts;
    for (;;) {
        const auto& [subject, value] = facts[random.below(facts.size())];
        if (value != fact.value && value != fact.subject) return Fact{fact.category, fact.subject, value}.answerSentence();
    }
}

std::string bodyFor(const Fact& fact, const AnswerMix& mix, DemoRandom& random) {
    const double u = random.uniform();
    if (u < mix.correct) return fact.answerSentence();
    if (u < mix.correct + mix.wrong) return wrongAnswer(fact, random);
    if (u < mix.correct + mix.wrong + mix.offTopic) {
        static const std::vector<Fact> facts = allFacts();
        for (;;)
            if (const Fact& other = random.pick(facts); other.category != fact.category) return other.answerSentence();
    }
    return random.pick(evasiveAnswers());
}

// An answer in parts: opener, body and closing sentences (empty: none), and how often the last is repeated.
struct AnswerParts {
    std::string opener, body, closing;
    size_t repeats = 0;
};

std::string openerFor(const AnswerMix& mix, DemoRandom& random) {
    const double u = random.uniform();
    return u < mix.politeOpener ? random.pick(politeOpeners()) : u < mix.politeOpener + mix.rudeOpener ? random.pick(rudeOpeners()) : "";
}

std::string closingFor(const AnswerMix& mix, DemoRandom& random) {
    const double u = random.uniform();
    return u < mix.politeClosing ? random.pick(politeClosings()) : u < mix.politeClosing + mix.rudeClosing ? random.pick(rudeClosings()) : "";
}

size_t repeatsFor(const AnswerMix& mix, DemoRandom& random) { return random.uniform() < mix.repeated ? 1 + random.below(3) : 0; }

AnswerParts partsFor(const Fact& fact, const AnswerMix& mix, DemoRandom& random) {
    AnswerParts parts;
    parts.opener = openerFor(mix, random);
    parts.body = bodyFor(fact, mix, random);
    parts.closing = closingFor(mix, random);
    parts.repeats = repeatsFor(mix, random);
    return parts;
}

// The same answer with one or two of its parts drawn again: comparisons that differ in a few rules, as
// a labeller's pair of samples often does, so each rule's effect is learnable.
AnswerParts variantOf(AnswerParts parts, const Fact& fact, const AnswerMix& mix, DemoRandom& random) {
    for (size_t n = 1 + random.below(2); n > 0; --n) switch (random.below(4)) {
        case 0: parts.opener = openerFor(mix, random); break;
        case 1: parts.body = bodyFor(fact, mix, random); break;
        case 2: parts.closing = closingFor(mix, random); break;
        default: parts.repeats = repeatsFor(mix, random); break;
        }
    return parts;
}

std::string textOf(const AnswerParts& parts) {
    std::string text;
    for (const std::string* s : {&parts.opener, &parts.body, &parts.closing})
        if (!s->empty()) text += ' ' + *s;
    const std::string& last = parts.closing.empty() ? parts.body : parts.closing;
    for (size_t n = 0; n < parts.repeats; ++n) text += ' ' + last;
    return text;
}

std::string answerFor(const Fact& fact, const AnswerMix& mix, DemoRandom& random) { return textOf(partsFor(fact, mix, random)); }

struct AskedFact {
    std::string prompt;
    Fact fact;
};

std::vector<AskedFact> askedFacts() {
    std::vector<AskedFact> asked;
    for (const auto& fact : allFacts())
        for (size_t t = 0; t < fact.category->questions.size(); ++t)
            for (const auto& lead : questionLeads()) asked.push_back({dialoguePrompt(lead + fact.question(t)), fact});
    return asked;
}

const std::vector<std::string> kNames{"Tom", "Anna", "Ben", "Mia", "Sam", "Lily", "Max", "Zoe", "Leo", "Ella"};
const std::vector<std::string> kPlaces{"the farm", "the park", "the zoo", "the garden", "the woods", "the river"};
const std::vector<std::string> kMoods{"happy", "glad", "tired", "surprised", "calm"};
const std::vector<std::string> kFactFrames{"{a}", "Everyone knows this: {a}", "Did you know? {a}",
                                           "My teacher said it. {a}", "It is true. {a}", "Here is a fact. {a}"};

std::string framed(const std::string& frame, const std::string& answer) {
    std::string text = frame;
    text.replace(text.find("{a}"), 3, answer);
    return text;
}

std::string story(const std::vector<Fact>& facts, DemoRandom& random) {
    const std::string& name = random.pick(kNames);
    std::string text = name + " went to " + random.pick(kPlaces) + ".";
    for (int i = 0, n = 2 + static_cast<int>(random.below(3)); i < n;) {
        const Fact& fact = random.pick(facts);
        if (fact.category->name == "opposite" || fact.category->name == "counting") continue;  // things, not words
        ++i;
        text += " " + name + " thought about the " + fact.subject + ". " + fact.answerSentence();
    }
    return text + " " + name + " was " + random.pick(kMoods) + ".";
}

std::string paragraph(const std::vector<Fact>& facts, const std::vector<AskedFact>& asked, DemoRandom& random) {
    switch (random.below(4)) {
    case 0: {
        std::string text;
        for (int i = 0; i < 4; ++i) text += (i ? " " : "") + framed(random.pick(kFactFrames), random.pick(facts).answerSentence());
        return text;
    }
    case 1: return story(facts, random);
    default: {
        const AskedFact& a = random.pick(asked);
        return a.prompt.substr(2) + answerFor(a.fact, kDemonstrators, random);
    }
    }
}

}  // namespace

uint64_t DemoRandom::next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

namespace {

// Four different candidates: an answer and variants of it, as a policy sampled four times might answer.
DemoItem rankingItem(const AskedFact& a, DemoRandom& random) {
    DemoItem item{a.prompt, {}};
    const AnswerParts base = partsFor(a.fact, kComparedAnswers, random);
    item.candidates.push_back(textOf(base));
    for (int tries = 0; tries < 40 && item.candidates.size() < 4; ++tries) {
        const std::string text = textOf(variantOf(base, a.fact, kComparedAnswers, random));
        if (std::find(item.candidates.begin(), item.candidates.end(), text) == item.candidates.end()) item.candidates.push_back(text);
    }
    return item;
}

}  // namespace

std::vector<std::string> demoPrompts() {
    std::vector<std::string> prompts;
    for (const auto& a : askedFacts()) prompts.push_back(a.prompt);
    return prompts;
}

DemoData generateDemoData(uint64_t seed, const DemoSizes& sizes) {
    DemoRandom random(seed);
    const auto facts = allFacts();
    const auto asked = askedFacts();
    const SyntheticLabeller labeller;
    DemoData data;
    for (int i = 0; i < sizes.corpusParagraphs; ++i) data.corpus += paragraph(facts, asked, random) + "\n\n";
    for (const auto& a : asked) data.demonstrations.push_back({a.prompt, answerFor(a.fact, kDemonstrators, random)});
    for (const auto& a : asked)
        for (int p = 0; p < sizes.pairsPerPrompt; ++p) {
            const AnswerParts base = partsFor(a.fact, kComparedAnswers, random);
            const std::string x = textOf(base);
            std::string y;
            double sx = labeller.score(a.prompt, x), sy = sx;
            for (int tries = 0; tries < 20 && sy == sx; ++tries) {
                y = textOf(variantOf(base, a.fact, kComparedAnswers, random));
                sy = labeller.score(a.prompt, y);
            }
            if (sx == sy) continue;
            data.pairs.push_back(sx > sy ? DemoPair{a.prompt, x, y} : DemoPair{a.prompt, y, x});
        }
    for (int i = 0; i < sizes.rankingItems && !asked.empty(); ++i)
        data.items.push_back(rankingItem(asked[(static_cast<size_t>(i) * 97 + 13) % asked.size()], random));
    return data;
}

}  // namespace rlhf::demo
