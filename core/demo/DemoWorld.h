#pragma once
// The demo project's small world (docs/demo.md): facts a tiny GPT can learn from a generated corpus
// (animal sounds, colours, homes, opposites, counting), the questions that ask for them, and the phrases
// that make an answer polite, rude or evasive. The demo's data and its synthetic labeller both read it,
// so the labeller judges new samples by the rules the preference data encodes.

#include <string>
#include <utility>
#include <vector>

namespace rlhf::demo {

// One kind of fact: its questions ("{s}" is the subject) and the sentence that answers them ("{s}",
// "{v}" the value).
struct FactCategory {
    std::string name;
    std::vector<std::string> questions;
    std::string answer;
    std::vector<std::pair<std::string, std::string>> facts;  // subject -> value
};

struct Fact {
    const FactCategory* category = nullptr;
    std::string subject, value;
    std::string answerSentence() const;                     // "A cow says moo."
    std::string question(size_t template_index) const;      // "What sound does a cow make?"
};

const std::vector<FactCategory>& factCategories();
std::vector<Fact> allFacts();

// Phrases of the demo's answers; each list's entries are whole sentences.
const std::vector<std::string>& politeOpeners();   // "Sure!", ...
const std::vector<std::string>& rudeOpeners();     // "Ugh, fine.", ...
const std::vector<std::string>& politeClosings();  // "I hope that helps!", ...
const std::vector<std::string>& rudeClosings();    // "Now leave me alone.", ...
const std::vector<std::string>& evasiveAnswers();  // "I do not know.", ...
const std::vector<std::string>& questionLeads();   // "", "Hello! ", "Quick question: ", ...

// "\n\nHuman: QUESTION\n\nAssistant:": the conversation format of the demo's data and of the Chat panel.
std::string dialoguePrompt(const std::string& question);

// Every question the demo asks (each fact with each template) and its fact's index in allFacts().
std::vector<std::pair<std::string, size_t>> allQuestions(const std::vector<Fact>& facts);

}  // namespace rlhf::demo
