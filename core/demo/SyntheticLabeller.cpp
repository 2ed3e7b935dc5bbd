#include "demo/SyntheticLabeller.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

namespace rlhf::demo {

namespace {

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// Lower-case runs of letters.
std::set<std::string> wordsOf(const std::string& text) {
    std::set<std::string> words;
    std::string word;
    for (char c : text + ' ') {
        if (std::isalpha(static_cast<unsigned char>(c))) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!word.empty()) {
            words.insert(word);
            word.clear();
        }
    }
    return words;
}

bool contains(const std::vector<std::string>& phrases, const std::string& sentence) {
    return std::find(phrases.begin(), phrases.end(), sentence) != phrases.end();
}

AnswerKind answerKind(const Fact& fact, const std::string& response) {
    const auto words = wordsOf(response);
    bool right = false, wrong = false;
    for (const auto& [subject, value] : fact.category->facts) {
        if (value == fact.subject || !words.count(value)) continue;
        (value == fact.value ? right : wrong) = true;
    }
    if (wrong) return AnswerKind::Wrong;
    return right ? AnswerKind::Correct : AnswerKind::Missing;
}

void judgeForm(const std::vector<std::string>& sentences, Judgement& j) {
    std::set<std::string> seen;
    for (const auto& s : sentences) {
        if (!seen.insert(s).second) ++j.repeatedSentences;
        if (contains(rudeOpeners(), s) || contains(rudeClosings(), s)) ++j.rudeSentences;
    }
    j.extraSentences = std::max(0, static_cast<int>(sentences.size()) - 4);
    if (!sentences.empty()) {
        j.politeOpener = contains(politeOpeners(), sentences.front());
        j.politeClosing = sentences.size() > 1 && contains(politeClosings(), sentences.back());
    }
}

}  // namespace

std::vector<std::string> sentencesOf(const std::string& text) {
    std::vector<std::string> sentences;
    std::string current;
    for (char c : text) {
        current += c;
        if (c == '.' || c == '!' || c == '?') {
            if (auto s = trimmed(current); !s.empty()) sentences.push_back(s);
            current.clear();
        }
    }
    if (auto s = trimmed(current); !s.empty()) sentences.push_back(s);
    return sentences;
}

SyntheticLabeller::SyntheticLabeller() : facts_(allFacts()), questions_(allQuestions(facts_)) {}

const Fact* SyntheticLabeller::factAskedIn(const std::string& prompt) const {
    const size_t turn = prompt.rfind("Human:");
    const std::string_view asked = turn == std::string::npos ? std::string_view(prompt) : std::string_view(prompt).substr(turn);
    for (const auto& [question, fact] : questions_)
        if (asked.find(question) != std::string_view::npos) return &facts_[fact];
    return nullptr;
}

Judgement SyntheticLabeller::judge(const std::string& prompt, const std::string& response) const {
    Judgement j;
    const Fact* fact = factAskedIn(prompt);
    j.knownQuestion = fact != nullptr;
    if (fact) j.answer = answerKind(*fact, response);
    judgeForm(sentencesOf(response), j);
    const double answerScore = j.answer == AnswerKind::Correct ? 3 : j.answer == AnswerKind::Wrong ? -2 : -1;
    j.score = answerScore + (j.politeOpener ? 1 : 0) + (j.politeClosing ? 1 : 0) - 2.0 * j.rudeSentences -
              2.0 * j.repeatedSentences - 1.0 * j.extraSentences;
    return j;
}

double SyntheticLabeller::compare(const std::string& prompt, const std::string& a, const std::string& b) const {
    const double sa = score(prompt, a), sb = score(prompt, b);
    return sa > sb ? 1.0 : sa < sb ? 0.0 : 0.5;
}

}  // namespace rlhf::demo
