#include "text/PreTokenizer.h"

namespace rlhf::text {

PreTokenizer::PreTokenizer(std::vector<RegexSplitter> steps) : steps_(std::move(steps)) {}

PreTokenizer PreTokenizer::gpt2() {
    std::vector<RegexSplitter> steps;
    steps.push_back(RegexSplitter::gpt2());
    return PreTokenizer(std::move(steps));
}

void PreTokenizer::split(std::string_view utf8, const std::function<void(std::string_view)>& onPiece) const {
    splitFrom(0, utf8, onPiece);
}

void PreTokenizer::splitFrom(size_t step, std::string_view text, const std::function<void(std::string_view)>& onPiece) const {
    if (step == steps_.size()) {
        onPiece(text);
        return;
    }
    steps_[step].split(text, [&](std::string_view piece) { splitFrom(step + 1, piece, onPiece); });
}

}  // namespace rlhf::text
