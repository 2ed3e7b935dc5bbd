#include "chat/InstructFormat.h"

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "text/Tokenizer.h"
#include "text/Utf8.h"

namespace rlhf::chat {

namespace {

// Python's str.isspace(), which Jinja's trim filter and str.strip() go by.
bool isPythonSpace(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

std::string strip(const std::string& text) {
    const std::u32string cps = text::decodeUtf8(text);
    size_t begin = 0, end = cps.size();
    while (begin < end && isPythonSpace(cps[begin])) ++begin;
    while (end > begin && isPythonSpace(cps[end - 1])) --end;
    return text::encodeUtf8(std::u32string_view(cps).substr(begin, end - begin));
}

void requireKnownRole(const ChatMessage& m) {
    if (m.role != "system" && m.role != "user" && m.role != "assistant")
        throw std::invalid_argument("unknown chat role '" + m.role + "' (system, user or assistant)");
}

std::string renderChatMl(const InstructFormat& f, const std::vector<ChatMessage>& messages, bool cue) {
    std::string out;
    for (size_t i = 0; i < messages.size(); ++i) {
        if (i == 0 && messages[0].role != "system" && !f.defaultSystem.empty())
            out += "<|im_start|>system\n" + f.defaultSystem + "<|im_end|>\n";
        out += "<|im_start|>" + messages[i].role + "\n" + messages[i].content + "<|im_end|>\n";
    }
    return cue ? out + "<|im_start|>assistant\n" : out;
}

std::string llama3Turn(const std::string& role, const std::string& content) {
    return "<|start_header_id|>" + role + "<|end_header_id|>\n\n" + strip(content) + "<|eot_id|>";
}

// Llama-3.1/3.2 (knowledgeDate set): BOS, the dated system block holding the leading system message (or
// nothing), then the other turns.
std::string renderLlama3(const InstructFormat& f, const std::vector<ChatMessage>& messages, bool cue) {
    std::string out;
    size_t first = 0;
    if (!f.knowledgeDate.empty()) {
        const bool system = !messages.empty() && messages[0].role == "system";
        const std::string date = f.dateFromClock ? todayDateString() : f.todayDate;
        out = f.bosToken + "<|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge Date: " + f.knowledgeDate +
              "\nToday Date: " + date + "\n\n" + (system ? strip(messages[0].content) : std::string()) + "<|eot_id|>";
        first = system ? 1 : 0;
    }
    for (size_t i = first; i < messages.size(); ++i) out += (out.empty() ? f.bosToken : "") + llama3Turn(messages[i].role, messages[i].content);
    return cue ? out + "<|start_header_id|>assistant<|end_header_id|>\n\n" : out;
}

// As Llama-2-chat's template: a leading system message goes inside the first [INST]; later ones are
// dropped (at an odd place) or break the alternation (at an even one).
std::string renderLlama2(const InstructFormat& f, const std::vector<ChatMessage>& messages) {
    const bool hasSystem = !messages.empty() && messages[0].role == "system";
    std::string out;
    for (size_t i = hasSystem ? 1 : 0, turn = 0; i < messages.size(); ++i, ++turn) {
        const ChatMessage& m = messages[i];
        if ((m.role == "user") != (turn % 2 == 0))
            throw std::invalid_argument("Conversation roles must alternate user/assistant/user/assistant/...");
        const std::string content =
            turn == 0 && hasSystem ? "<<SYS>>\n" + messages[0].content + "\n<</SYS>>\n\n" + m.content : m.content;
        if (m.role == "user") out += f.bosToken + "[INST] " + strip(content) + " [/INST]";
        else if (m.role == "assistant") out += " " + strip(content) + " " + f.eosToken;
    }
    return out;
}

std::string renderZephyr(const InstructFormat& f, const std::vector<ChatMessage>& messages, bool cue) {
    std::string out;
    for (const auto& m : messages) out += "<|" + m.role + "|>\n" + m.content + f.eosToken + "\n";
    return cue && !messages.empty() ? out + "<|assistant|>\n" : out;
}

// The default system message of a ChatML template (Qwen2's, Qwen2.5's): the first literal text of
// '<|im_start|>system\n…<|im_end|>' in it, the newline written as itself or as Jinja's \n escape; an
// occurrence followed by an expression (a system message given, tools) is passed over.
std::string chatMlDefaultSystem(const std::string& jinja) {
    for (const std::string open : {"<|im_start|>system\n", "<|im_start|>system\\n"}) {
        for (size_t at = jinja.find(open); at != std::string::npos; at = jinja.find(open, at + 1)) {
            const size_t end = jinja.find("<|im_end|>", at + open.size());
            if (end == std::string::npos) break;
            std::string text = jinja.substr(at + open.size(), end - at - open.size());
            if (text.empty() || text.find_first_of("'\"{}+") != std::string::npos) continue;
            for (size_t n = text.find("\\n"); n != std::string::npos; n = text.find("\\n", n + 1)) text.replace(n, 2, "\n");
            return text;
        }
    }
    return {};
}

// The literal text after `marker` in a template, up to the end of its string (a quote, or Jinja's \n escape).
std::string literalAfter(const std::string& jinja, const std::string& marker) {
    const size_t at = jinja.find(marker);
    if (at == std::string::npos) return {};
    const size_t start = at + marker.size(), end = jinja.find_first_of("\"'\\\n", start);
    return jinja.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

std::string todayDateString() {
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[16];
    std::snprintf(text, sizeof text, "%02d %s %d", local.tm_mday, kMonths[local.tm_mon], local.tm_year + 1900);
    return text;
}

std::string InstructFormat::render(const std::vector<ChatMessage>& messages, bool addGenerationPrompt) const {
    for (const auto& m : messages) requireKnownRole(m);
    switch (kind) {
        case InstructKind::ChatMl: return renderChatMl(*this, messages, addGenerationPrompt);
        case InstructKind::Llama3: return renderLlama3(*this, messages, addGenerationPrompt);
        case InstructKind::Llama2: return renderLlama2(*this, messages);
        case InstructKind::Zephyr: return renderZephyr(*this, messages, addGenerationPrompt);
    }
    return {};
}

std::vector<std::string> InstructFormat::endOfTurnTokens() const {
    switch (kind) {
        case InstructKind::ChatMl: return {"<|im_end|>"};
        case InstructKind::Llama3: return {"<|eot_id|>"};
        case InstructKind::Llama2:
        case InstructKind::Zephyr: return eosToken.empty() ? std::vector<std::string>{} : std::vector<std::string>{eosToken};
    }
    return {};
}

std::vector<std::string> InstructFormat::markerTokens() const {
    std::vector<std::string> tokens;
    switch (kind) {
        case InstructKind::ChatMl: return {"<|im_start|>", "<|im_end|>"};
        case InstructKind::Llama3: tokens = {bosToken, "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"}; break;
        case InstructKind::Llama2: tokens = {bosToken, eosToken}; break;
        case InstructKind::Zephyr: tokens = {eosToken}; break;
    }
    std::erase(tokens, std::string());  // a BOS or EOS tokenizer_config.json does not name is not written
    return tokens;
}

namespace {
const std::pair<InstructKind, const char*> kNames[] = {
    {InstructKind::ChatMl, "chatml"}, {InstructKind::Llama3, "llama-3"}, {InstructKind::Llama2, "llama-2"}, {InstructKind::Zephyr, "zephyr"}};
}

std::optional<InstructKind> instructKindNamed(std::string_view name) {
    for (const auto& [kind, n] : kNames)
        if (name == n) return kind;
    return std::nullopt;
}

std::string instructKindName(InstructKind kind) {
    for (const auto& [k, n] : kNames)
        if (k == kind) return n;
    return {};
}

std::string instructKindNames() { return "chatml, llama-3, llama-2, zephyr"; }

std::optional<InstructFormat> detectInstructFormat(const std::string& jinja) {
    InstructFormat f;
    const auto has = [&](const char* marker) { return jinja.find(marker) != std::string::npos; };
    // Phi-3 ends turns with <|end|>: rendered as Zephyr it would differ, so it is not detected.
    if (has("<|end|>")) return std::nullopt;
    if (has("<|start_header_id|>")) {
        f.kind = InstructKind::Llama3;
        if (has("Cutting Knowledge Date")) {
            f.knowledgeDate = literalAfter(jinja, "Cutting Knowledge Date: ");
            // Llama-3.2 asks strftime_now for the day, which transformers defines; Llama-3.1 has only the default.
            f.todayDate = literalAfter(jinja, "date_string = \"");
            f.dateFromClock = has("strftime_now");
            if (f.knowledgeDate.empty() || f.todayDate.empty()) return std::nullopt;
        }
    } else if (has("<|im_start|>")) {
        f.kind = InstructKind::ChatMl;
        f.defaultSystem = chatMlDefaultSystem(jinja);
    } else if (has("[INST]") && has("<<SYS>>")) f.kind = InstructKind::Llama2;
    else if (has("<|user|>") && has("<|assistant|>")) f.kind = InstructKind::Zephyr;
    else return std::nullopt;
    return f;
}

namespace {

// A special token as tokenizer_config.json writes it: a string, or {"content": …}; empty when absent.
std::string tokenText(const nlohmann::json& config, const char* key) {
    if (!config.contains(key) || config[key].is_null()) return {};
    const auto& v = config[key];
    if (v.is_string()) return v.get<std::string>();
    if (v.is_object() && v.contains("content") && v["content"].is_string()) return v["content"].get<std::string>();
    return {};
}

// The template transformers 4.4x+ saves beside the tokenizer (chat_template.jinja) instead of inside
// tokenizer_config.json; empty when there is none.
std::string chatTemplateFile(const std::string& dir) {
    const auto path = std::filesystem::path(dir) / "chat_template.jinja";
    if (!std::filesystem::exists(path)) return {};
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) throw std::invalid_argument(path.string() + ": cannot be read");
    return text;
}

std::string chatTemplateOf(const nlohmann::json& config, const std::string& path) {
    if (!config.contains("chat_template") || config["chat_template"].is_null())
        return chatTemplateFile(std::filesystem::path(path).parent_path().string());
    const auto& t = config["chat_template"];
    if (t.is_string()) return t.get<std::string>();
    if (t.is_array())
        for (const auto& named : t)
            if (named.is_object() && named.value("name", "") == "default" && named.contains("template") && named["template"].is_string())
                return named["template"].get<std::string>();
    throw std::invalid_argument(path + ": chat_template must be a template or a list of {name, template} with a \"default\"");
}

nlohmann::json readTokenizerConfig(const std::string& path) {
    if (!std::filesystem::exists(path)) return nlohmann::json::object();
    std::ifstream in(path, std::ios::binary);
    try {
        nlohmann::json config = nlohmann::json::parse(in);
        if (!config.is_object()) throw std::invalid_argument(path + ": expected a JSON object");
        return config;
    } catch (const nlohmann::json::parse_error& e) {
        throw std::invalid_argument(path + ": invalid JSON at byte " + std::to_string(e.byte));
    }
}

}  // namespace

InstructFormat instructFormatForModel(const std::string& dir, const std::string& chosen) {
    const std::string path = (std::filesystem::path(dir) / "tokenizer_config.json").string();
    const nlohmann::json config = readTokenizerConfig(path);
    InstructFormat format;
    if (!chosen.empty()) {
        const auto kind = instructKindNamed(chosen);
        if (!kind) throw std::invalid_argument("chat format '" + chosen + "' is not one of " + instructKindNames());
        format.kind = *kind;
    } else {
        const std::string jinja = chatTemplateOf(config, path);
        const auto detected = detectInstructFormat(jinja);
        if (!detected)
            throw std::invalid_argument(path + (jinja.empty() ? ": no chat_template" : ": a chat_template of none of the known formats") +
                                        "; choose one of " + instructKindNames());
        format = *detected;
    }
    format.bosToken = tokenText(config, "bos_token");
    format.eosToken = tokenText(config, "eos_token");
    return format;
}

std::string chatTemplateOfModel(const std::string& dir) {
    const std::string path = (std::filesystem::path(dir) / "tokenizer_config.json").string();
    return chatTemplateOf(readTokenizerConfig(path), path);
}

std::vector<std::string> missingMarkerTokens(const InstructFormat& format, const text::Tokenizer& tokenizer) {
    std::vector<std::string> missing;
    for (const auto& token : format.markerTokens())
        if (tokenizer.tokenId(token) < 0) missing.push_back(token);
    return missing;
}

std::vector<int> endOfTurnIds(const InstructFormat& format, const text::Tokenizer& tokenizer) {
    std::vector<int> ids;
    for (const auto& token : format.endOfTurnTokens())
        if (const int id = tokenizer.tokenId(token); id >= 0) ids.push_back(id);
    return ids;
}

}  // namespace rlhf::chat
