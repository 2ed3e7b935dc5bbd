#include "train/ResponseEncoding.h"

#include <stdexcept>

namespace rlhf::train {

std::vector<int> ResponseEncoding::prompt(const text::ByteLevelBpe& tokenizer, const std::string& text) const {
    if (!format) return tokenizer.encodeWithSpecialTokens(text);
    return tokenizer.encode(format->render({{"user", text}}, /*addGenerationPrompt=*/true));
}

std::string ResponseEncoding::describe() const {
    return format ? "the " + chat::instructKindName(format->kind) + " chat template" : "plain text";
}

ResponseEncoding responseEncodingFor(const std::string& modelDir, const text::ByteLevelBpe& tokenizer, int eos) {
    try {
        chat::InstructFormat format = chat::instructFormatForModel(modelDir);
        const auto ends = chat::endOfTurnIds(format, tokenizer);
        if (!ends.empty()) return {std::move(format), ends.front()};
    } catch (const std::invalid_argument&) {  // no chat template, or one of another format: plain text
    }
    return {std::nullopt, eos};
}

}  // namespace rlhf::train
