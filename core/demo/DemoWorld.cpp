#include "demo/DemoWorld.h"

namespace rlhf::demo {

namespace {

std::string substitute(std::string text, const std::string& subject, const std::string& value) {
    for (auto [key, with] : {std::pair{"{s}", &subject}, std::pair{"{v}", &value}})
        for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + with->size()))
            text.replace(at, 3, *with);
    return text;
}

// No word is both a subject and a value of one category, so an answer that repeats the subject never
// mentions a wrong value.
std::vector<FactCategory> makeCategories() {
    return {
        {"sound",
         {"What sound does a {s} make?", "What does a {s} say?", "Which sound does a {s} make?"},
         "A {s} says {v}.",
         {{"cow", "moo"}, {"dog", "woof"}, {"cat", "meow"}, {"duck", "quack"}, {"sheep", "baa"}, {"owl", "hoot"},
          {"lion", "roar"}, {"pig", "oink"}, {"horse", "neigh"}, {"frog", "croak"}, {"bee", "buzz"}, {"snake", "hiss"},
          {"mouse", "squeak"}, {"crow", "caw"}}},
        {"colour",
         {"What colour is the {s}?", "What is the colour of the {s}?", "Which colour is the {s}?"},
         "The {s} is {v}.",
         {{"sky", "blue"}, {"grass", "green"}, {"snow", "white"}, {"sun", "yellow"}, {"coal", "black"},
          {"cherry", "red"}, {"lemon", "yellow"}, {"sea", "blue"}, {"leaf", "green"}, {"milk", "white"},
          {"night", "black"}, {"tomato", "red"}, {"pumpkin", "orange"}, {"plum", "purple"}}},
        {"home",
         {"Where does a {s} live?", "Where do you find a {s}?", "Where is the home of a {s}?"},
         "A {s} lives in a {v}.",
         {{"bird", "nest"}, {"bee", "hive"}, {"spider", "web"}, {"rabbit", "burrow"}, {"fish", "pond"},
          {"horse", "stable"}, {"fox", "den"}, {"king", "castle"}, {"bear", "cave"}, {"chicken", "coop"},
          {"ant", "hill"}, {"farmer", "farm"}}},
        {"opposite",
         {"What is the opposite of {s}?", "What word means the opposite of {s}?", "Tell me the opposite of {s}."},
         "The opposite of {s} is {v}.",
         {{"hot", "cold"}, {"big", "small"}, {"up", "down"}, {"fast", "slow"}, {"happy", "sad"}, {"day", "night"},
          {"open", "closed"}, {"light", "dark"}, {"wet", "dry"}, {"early", "late"}, {"loud", "quiet"},
          {"full", "empty"}, {"hard", "soft"}, {"tall", "short"}}},
        {"counting",
         {"What number comes after {s}?", "What comes after {s}?", "Which number follows {s}?"},
         "After {s} comes {v}.",
         {{"one", "two"}, {"two", "three"}, {"three", "four"}, {"four", "five"}, {"five", "six"}, {"six", "seven"},
          {"seven", "eight"}, {"eight", "nine"}, {"nine", "ten"}, {"ten", "eleven"}, {"eleven", "twelve"},
          {"twelve", "thirteen"}}},
    };
}

}  // namespace

std::string Fact::answerSentence() const { return substitute(category->answer, subject, value); }

std::string Fact::question(size_t template_index) const {
    return substitute(category->questions.at(template_index % category->questions.size()), subject, value);
}

const std::vector<FactCategory>& factCategories() {
    static const std::vector<FactCategory> categories = makeCategories();
    return categories;
}

std::vector<Fact> allFacts() {
    std::vector<Fact> facts;
    for (const auto& category : factCategories())
        for (const auto& [subject, value] : category.facts) facts.push_back({&category, subject, value});
    return facts;
}

const std::vector<std::string>& politeOpeners() {
    static const std::vector<std::string> v{"Sure!", "Of course!", "Happy to help!", "Good question!"};
    return v;
}
const std::vector<std::string>& rudeOpeners() {
    static const std::vector<std::string> v{"Ugh, fine.", "What a silly question.", "Whatever."};
    return v;
}
const std::vector<std::string>& politeClosings() {
    static const std::vector<std::string> v{"I hope that helps!", "Let me know if you have more questions.",
                                            "Have a nice day!"};
    return v;
}
const std::vector<std::string>& rudeClosings() {
    static const std::vector<std::string> v{"Now leave me alone.", "Do not ask me again.", "Figure it out yourself."};
    return v;
}
const std::vector<std::string>& evasiveAnswers() {
    static const std::vector<std::string> v{"I do not know.", "I would rather not say.", "You should ask someone else.",
                                            "That is hard to say."};
    return v;
}
const std::vector<std::string>& questionLeads() {
    static const std::vector<std::string> v{"", "Hello! ", "Quick question: ", "Please help me. ", "I wonder. "};
    return v;
}

std::string dialoguePrompt(const std::string& question) { return "\n\nHuman: " + question + "\n\nAssistant:"; }

std::vector<std::pair<std::string, size_t>> allQuestions(const std::vector<Fact>& facts) {
    std::vector<std::pair<std::string, size_t>> questions;
    for (size_t f = 0; f < facts.size(); ++f)
        for (size_t t = 0; t < facts[f].category->questions.size(); ++t) questions.emplace_back(facts[f].question(t), f);
    return questions;
}

}  // namespace rlhf::demo
