#pragma once
// Word-level differences between near-identical candidates (the Ranking panel's highlighting): the words
// of `text` split on whitespace (whitespace kept with the word before it), and for each whether it is
// outside a longest common subsequence of words with `reference`.

#include <string>
#include <vector>

namespace rlhf::labelling {

struct DiffWord {
    std::string text;   // the word and the whitespace after it
    bool changed = false;
};

// Beyond `maxWords` words on either side nothing is marked (the table is quadratic).
std::vector<DiffWord> wordDiff(const std::string& reference, const std::string& text, size_t maxWords = 3000);

}  // namespace rlhf::labelling
