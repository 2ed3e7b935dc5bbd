#pragma once
// The demo's synthetic labeller: a rule-based judge, clearly not a person, that scores an answer to a
// demo question by the rules the demo's preference data encodes (docs/demo.md):
//   answer    correct +3, a wrong value −2, no value (evasive or off topic) −1
//   manners   a polite opener +1, a polite closing +1, each rude sentence −2
//   form      each repeated sentence −2, each sentence beyond four −1
// It ranks new samples (ties when the scores are equal) and judges evaluations independently of the
// reward model, so a policy the reward model loves and this judge does not is reward hacking.

#include <string>
#include <vector>

#include "demo/DemoWorld.h"

namespace rlhf::demo {

enum class AnswerKind { Correct, Wrong, Missing };

struct Judgement {
    double score = 0;
    AnswerKind answer = AnswerKind::Missing;
    bool politeOpener = false, politeClosing = false;
    int rudeSentences = 0, repeatedSentences = 0, extraSentences = 0;
    bool knownQuestion = false;  // the prompt asks one of the demo's questions
};

class SyntheticLabeller {
public:
    SyntheticLabeller();
    static constexpr const char* kName = "synthetic labeller (rules)";

    Judgement judge(const std::string& prompt, const std::string& response) const;
    double score(const std::string& prompt, const std::string& response) const { return judge(prompt, response).score; }
    // 1 when a beats b, 0.5 for a tie, 0 when b wins.
    double compare(const std::string& prompt, const std::string& a, const std::string& b) const;

private:
    // The fact a prompt asks about (its question found in the prompt's last Human turn), or nullptr.
    const Fact* factAskedIn(const std::string& prompt) const;

    std::vector<Fact> facts_;
    std::vector<std::pair<std::string, size_t>> questions_;  // built once: the labeller judges thousands of answers
};

// The response's sentences: split after '.', '!' or '?', trimmed, empty ones dropped.
std::vector<std::string> sentencesOf(const std::string& text);

}  // namespace rlhf::demo
