#include "labelling/WordDiff.h"

#include <cctype>

namespace rlhf::labelling {

namespace {

std::vector<std::string> splitWords(const std::string& s) {
    std::vector<std::string> words;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = i;
        while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
        while (j < s.size() && std::isspace(static_cast<unsigned char>(s[j]))) ++j;
        words.push_back(s.substr(i, j - i));
        i = j;
    }
    return words;
}

std::string trimmed(const std::string& w) {
    size_t end = w.size();
    while (end > 0 && std::isspace(static_cast<unsigned char>(w[end - 1]))) --end;
    return w.substr(0, end);
}

}  // namespace

std::vector<DiffWord> wordDiff(const std::string& reference, const std::string& text, size_t maxWords) {
    const auto a = splitWords(reference), b = splitWords(text);
    std::vector<DiffWord> out;
    for (const auto& w : b) out.push_back({w, false});
    if (a.size() > maxWords || b.size() > maxWords) return out;
    std::vector<std::string> ta, tb;
    for (const auto& w : a) ta.push_back(trimmed(w));
    for (const auto& w : b) tb.push_back(trimmed(w));
    const size_t n = a.size(), m = b.size();
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));  // suffix lengths
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            lcs[i][j] = ta[i] == tb[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    for (auto& w : out) w.changed = true;
    size_t i = 0, j = 0;
    while (i < n && j < m) {
        if (ta[i] == tb[j]) {
            out[j].changed = false;
            ++i, ++j;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    return out;
}

}  // namespace rlhf::labelling
