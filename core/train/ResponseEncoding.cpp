#include "train/ResponseEncoding.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "data/RecordFormat.h"
#include "model/ConfigFields.h"

namespace rlhf::train {

std::vector<int> ResponseEncoding::prompt(const text::Tokenizer& tokenizer, const std::string& text) const {
    if (!format) return tokenizer.encodeWithSpecialTokens(text);
    std::vector<chat::ChatMessage> turns;
    bool user = false;
    for (const auto& m : data::contentMessages({text, std::nullopt}, /*prompt=*/true)) {
        turns.push_back({m.at("role").get<std::string>(), m.at("content").get<std::string>()});
        user = user || turns.back().role == "user";
    }
    // A dialogue without a user turn, or one the format cannot render (Llama-2 wants user and assistant
    // turns alternating), is one user turn as it is.
    if (user) {
        try {
            return tokenizer.encode(format->render(turns, /*addGenerationPrompt=*/true));
        } catch (const std::invalid_argument&) {  // the whole text as one user turn, below
        }
    }
    return tokenizer.encode(format->render({{"user", text}}, /*addGenerationPrompt=*/true));
}

// The response continues the prompt's text, so it is encoded as a continuation (no SentencePiece "▁" of its
// own). In a template it starts a line (HH's space after "Assistant:" goes), except Llama-2's, which puts
// the reply after a space ("[/INST] reply"): the ids are those of the exchange tokenized whole, as TRL's
// SFT tokenizes it.
std::vector<int> ResponseEncoding::response(const text::Tokenizer& tokenizer, const std::string& text) const {
    if (!format) return tokenizer.encodeContinuation(text);
    const std::string body = text.starts_with(' ') ? text.substr(1) : text;
    return tokenizer.encodeContinuation(format->kind == chat::InstructKind::Llama2 ? " " + body : body);
}

std::vector<int> ResponseEncoding::scored(const text::Tokenizer& tokenizer, const std::string& promptText,
                                          const std::string& response) const {
    std::vector<int> ids = prompt(tokenizer, promptText);
    const auto tokens = this->response(tokenizer, response);
    ids.insert(ids.end(), tokens.begin(), tokens.end());
    if (format || ids.empty()) ids.push_back(endId);
    return ids;
}

std::string ResponseEncoding::describe() const {
    return format ? "the " + chat::instructKindName(format->kind) + " chat template" : "plain text";
}

void ResponseEncoding::keepTemplateIn(const std::string& checkpointDir) const {
    if (!format || templateFields.empty()) return;
    const auto path = std::filesystem::path(checkpointDir) / "tokenizer_config.json";
    nlohmann::json config = std::filesystem::exists(path) ? model::readConfigJson(path.string()) : nlohmann::json::object();
    bool changed = false;
    for (const auto& [key, value] : templateFields.items())
        if (!config.contains(key)) config[key] = value, changed = true;
    if (changed) std::ofstream(path, std::ios::binary | std::ios::trunc) << config.dump(2) << '\n';
}

ResponseEncoding responseEncodingFor(const std::string& modelDir, const text::Tokenizer& tokenizer, int eos) {
    try {
        chat::InstructFormat format = chat::instructFormatForModel(modelDir);
        // Llama-3.2's system block dated with the template's default, not the day: a run's rows must not
        // change from one day to the next (a resumed run rebuilds them).
        format.dateFromClock = false;
        const auto ends = chat::endOfTurnIds(format, tokenizer);
        if (!ends.empty()) {
            ResponseEncoding encoding{std::move(format), ends.front()};
            const auto config = model::readConfigJson((std::filesystem::path(modelDir) / "tokenizer_config.json").string());
            for (const char* key : {"chat_template", "bos_token", "eos_token"})
                if (config.contains(key)) encoding.templateFields[key] = config[key];
            if (!encoding.templateFields.contains("chat_template"))  // saved as chat_template.jinja: kept in the config
                encoding.templateFields["chat_template"] = chat::chatTemplateOfModel(modelDir);
            return encoding;
        }
    } catch (const std::invalid_argument&) {  // no chat template, or one of another format: plain text
    }
    return {std::nullopt, eos};
}

std::optional<std::string> rewardVocabularyMismatch(int64_t policyVocab, int64_t rewardVocab) {
    if (rewardVocab == policyVocab) return std::nullopt;
    return "its vocabulary (" + std::to_string(rewardVocab) + " tokens) is not the policy's (" + std::to_string(policyVocab) + ")";
}

std::optional<std::string> rewardReadingMismatch(const ResponseEncoding& writer, const text::Tokenizer& writerTokenizer,
                                                 const ResponseEncoding& reader, const text::Tokenizer& readerTokenizer) {
    const std::string prompt = "\n\nHuman: Hi!\n\nAssistant: Hello.\n\nHuman: 2+2?\n\nAssistant:", response = " 4";
    if (reader.scored(readerTokenizer, prompt, response) == writer.scored(writerTokenizer, prompt, response)) return std::nullopt;
    const bool sameFormat = reader.describe() == writer.describe();
    return "the reward model reads " + reader.describe() + " ending with id " + std::to_string(reader.endId) + ", the policy writes " +
           writer.describe() + " ending with id " + std::to_string(writer.endId) + (sameFormat ? " (with another system prompt or BOS)" : "") +
           "; train the reward model from the policy's base, so both read one chat template";
}

}  // namespace rlhf::train
