#include "data/SyntheticHh.h"

#include <array>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string_view>

#include <nlohmann/json.hpp>

namespace rlhf::data {

namespace {

constexpr std::array<std::string_view, 104> kWords = {
    "the", "of", "and", "to", "a", "in", "is", "you", "that", "it", "he", "was", "for", "on", "are", "as", "with",
    "his", "they", "I", "at", "be", "this", "have", "from", "or", "one", "had", "by", "word", "but", "not", "what",
    "all", "were", "we", "when", "your", "can", "said", "there", "use", "an", "each", "which", "she", "do", "how",
    "their", "if", "will", "up", "other", "about", "out", "many", "then", "them", "these", "so", "some", "her",
    "would", "make", "like", "him", "into", "time", "has", "look", "two", "more", "write", "go", "see", "number",
    "no", "way", "could", "people", "my", "than", "first", "water", "been", "call", "who", "oil", "its", "now",
    "find", "long", "down", "day", "did", "get", "come", "made", "may", "part", "café", "naïve", "東京", "Zürich"};

class DialogueWriter {
public:
    explicit DialogueWriter(uint64_t seed) : rng_(seed) {}

    int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

    std::string sentence() {
        std::string s;
        const int words = between(6, 18);
        for (int i = 0; i < words; ++i) {
            if (i > 0) s += ' ';
            s += kWords[static_cast<size_t>(between(0, static_cast<int>(kWords.size()) - 1))];
        }
        if (s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
        s += ".?!"[between(0, 2)];
        return s;
    }

    std::string turn(int sentences) {
        std::string t;
        for (int i = 0; i < sentences; ++i) t += (i > 0 ? " " : "") + sentence();
        return t;
    }

private:
    std::mt19937_64 rng_;
};

}  // namespace

void writeSyntheticHh(const std::string& path, int64_t lines, uint64_t seed) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw std::runtime_error(path + ": cannot write the synthetic file");
    DialogueWriter w(seed);
    for (int64_t i = 0; i < lines; ++i) {
        const int turns = w.between(1, 3);
        std::string prefix;
        for (int t = 0; t < turns; ++t) {
            prefix += "\n\nHuman: " + w.turn(w.between(1, 3));
            if (t < turns - 1) prefix += "\n\nAssistant: " + w.turn(w.between(1, 3));
        }
        const nlohmann::json record = {{"chosen", prefix + "\n\nAssistant: " + w.turn(w.between(1, 4))},
                                       {"rejected", prefix + "\n\nAssistant: " + w.turn(w.between(1, 4))}};
        out << record.dump() << '\n';
    }
    if (!out.flush()) throw std::runtime_error(path + ": cannot write the synthetic file");
}

}  // namespace rlhf::data
