#include "data/RecordFormat.h"

#include "data/ContentHash.h"

#include <set>

namespace rlhf::data {

uint64_t contentHashOf(const Content& c) {
    return c.messages ? contentHash("m", *c.messages) : contentHash("t", c.text);
}

namespace {

using nlohmann::json;
const std::string kAssistantCue = "\n\nAssistant:";
const std::string kHumanCue = "\n\nHuman:";
const std::string kSystemCue = "\n\nSystem:";

struct FormatName {
    Format format;
    const char* name;
};
const FormatName kNames[] = {{Format::Auto, "auto"},          {Format::Hh, "hh"},   {Format::Trl, "trl"},
                             {Format::TrlMessages, "trl-messages"}, {Format::Sft, "sft"}, {Format::SftMessages, "sft-messages"},
                             {Format::OpenAiChat, "openai-chat"},
                             {Format::OpenAiDpo, "openai-dpo"}, {Format::Rankings, "rankings"}, {Format::Arena, "arena"}};

void expectFields(const json& r, std::initializer_list<const char*> required, std::initializer_list<const char*> optional = {}) {
    if (!r.is_object()) throw RecordError("expected a JSON object, found " + std::string(r.type_name()));
    for (const char* f : required)
        if (!r.contains(f)) throw RecordError("missing field '" + std::string(f) + "'");
    std::set<std::string> allowed(required.begin(), required.end());
    allowed.insert(optional.begin(), optional.end());
    for (const auto& [key, value] : r.items())
        if (!allowed.count(key)) throw RecordError("unexpected field '" + key + "'");
}

const std::string& stringField(const json& r, const char* field) {
    if (!r.at(field).is_string())
        throw RecordError("field '" + std::string(field) + "' must be a string, found " + r.at(field).type_name());
    return r.at(field).get_ref<const std::string&>();
}

// Validates a [{role, content}] list and returns it as Content (text = the rendered dialogue).
Content messagesField(const json& list, const std::string& field, bool prompt) {
    if (!list.is_array() || list.empty()) throw RecordError("field '" + field + "' must be a non-empty list of messages");
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string where = field + "[" + std::to_string(i) + "]";
        const json& m = list[i];
        if (!m.is_object() || !m.contains("role") || !m.contains("content") || m.size() != 2)
            throw RecordError("field '" + where + "' must be {\"role\", \"content\"}");
        if (!m["role"].is_string() || !m["content"].is_string())
            throw RecordError("field '" + where + "': role and content must be strings");
        const auto& role = m["role"].get_ref<const std::string&>();
        if (role != "system" && role != "user" && role != "assistant")
            throw RecordError("field '" + where + ".role' must be system, user or assistant, found \"" + role + "\"");
    }
    Content c;
    c.messages = list.dump();
    c.text = prompt ? renderDialogue(list, true) : [&] {
        std::string t;
        for (const auto& m : list) t += (t.empty() ? "" : "\n\n") + m["content"].get<std::string>();
        return t;
    }();
    return c;
}

std::optional<double> marginField(const json& r) {
    if (!r.contains("margin") || r["margin"].is_null()) return std::nullopt;
    if (!r["margin"].is_number()) throw RecordError("field 'margin' must be a number");
    return r["margin"].get<double>();
}

Record parseHh(const json& r) {
    expectFields(r, {"chosen", "rejected"});
    const std::string& chosen = stringField(r, "chosen");
    const std::string& rejected = stringField(r, "rejected");
    const size_t c = chosen.rfind(kAssistantCue), j = rejected.rfind(kAssistantCue);
    if (c == std::string::npos) throw RecordError("field 'chosen' has no \"\\n\\nAssistant:\" turn");
    if (j == std::string::npos) throw RecordError("field 'rejected' has no \"\\n\\nAssistant:\" turn");
    const size_t end = c + kAssistantCue.size();
    if (chosen.compare(0, end, rejected, 0, j + kAssistantCue.size()) != 0)
        throw RecordError("fields 'chosen' and 'rejected' differ before their last \"\\n\\nAssistant:\" (no common prompt)");
    Record rec;
    rec.prompt.text = chosen.substr(0, end);
    rec.chosen.text = chosen.substr(end);
    rec.rejected = Content{rejected.substr(end), std::nullopt};
    return rec;
}

// Response text to append to a text prompt (HH dialogues put one space after "Assistant:").
std::string asText(const Content& c) { return c.messages ? " " + c.text : c.text; }

// HH-style text back to messages: turns after "\n\nHuman:" / "\n\nAssistant:" markers.
json dialogueToMessages(const std::string& text) {
    json messages = json::array();
    size_t pos = 0;
    while (pos < text.size()) {
        const bool human = text.compare(pos, kHumanCue.size(), kHumanCue) == 0;
        const bool assistant = text.compare(pos, kAssistantCue.size(), kAssistantCue) == 0;
        const bool system = text.compare(pos, kSystemCue.size(), kSystemCue) == 0;
        if (!human && !assistant && !system) return json::array({{{"role", "user"}, {"content", text}}});
        pos += human ? kHumanCue.size() : assistant ? kAssistantCue.size() : kSystemCue.size();
        size_t next = std::min({text.find("\n\nHuman:", pos), text.find(kAssistantCue, pos), text.find("\n\nSystem:", pos)});
        if (next == std::string::npos) next = text.size();
        std::string content = text.substr(pos, next - pos);
        if (!content.empty() && content[0] == ' ') content.erase(0, 1);
        if (!(assistant && next == text.size() && content.empty()))
            messages.push_back({{"role", human ? "user" : assistant ? "assistant" : "system"}, {"content", content}});
        pos = next;
    }
    return messages;
}

// The HH text of a prompt: a dialogue as it is (a message list's text is rendered as one), a plain prompt
// framed as one human turn; both end with the "\n\nAssistant:" cue. A plain prompt that holds the HH
// markers inside it would not come back as itself from the HH text, so it is refused.
std::string hhPrompt(const Content& c) {
    if (c.messages) return c.text;
    const std::string& t = c.text;
    const bool dialogue = t.rfind("\n\nHuman:", 0) == 0 || t.rfind("\n\nSystem:", 0) == 0 || t.rfind(kAssistantCue, 0) == 0;
    if (dialogue) return t.size() >= kAssistantCue.size() && t.compare(t.size() - kAssistantCue.size(), kAssistantCue.size(), kAssistantCue) == 0
                             ? t : t + kAssistantCue;
    if (t.find("\n\nHuman:") != std::string::npos || t.find(kAssistantCue) != std::string::npos)
        throw RecordError("prompt \"" + t.substr(0, 60) + "\" holds \"\\n\\nHuman:\" or \"\\n\\nAssistant:\" after its start: "
                          "it cannot be written as an HH dialogue (export it as trl or sft)");
    return "\n\nHuman: " + t + kAssistantCue;
}

// The HH text of a response: one space after "Assistant:"; a response holding the Assistant cue would be
// read back as a later turn, so it is refused.
std::string hhResponse(const Content& c, const char* field) {
    if (c.text.find(kAssistantCue) != std::string::npos)
        throw RecordError(std::string(field) + " response \"" + c.text.substr(0, 60) + "\" holds \"\\n\\nAssistant:\": "
                          "it cannot be written as an HH dialogue (export it as trl or trl-messages)");
    return c.messages || c.text.empty() || c.text[0] == ' ' ? asText(c) : " " + c.text;
}

json asMessages(const Content& c, bool prompt) {
    if (c.messages) return json::parse(*c.messages);
    if (prompt) return dialogueToMessages(c.text);
    std::string text = c.text;
    if (!text.empty() && text[0] == ' ') text.erase(0, 1);
    return json::array({{{"role", "assistant"}, {"content", text}}});
}

}  // namespace

json contentMessages(const Content& c, bool prompt) { return asMessages(c, prompt); }

std::optional<Format> formatFromName(const std::string& name) {
    for (const auto& n : kNames)
        if (name == n.name) return n.format;
    return std::nullopt;
}

std::string formatName(Format format) {
    for (const auto& n : kNames)
        if (n.format == format) return n.name;
    return "?";
}

bool isPairFormat(Format f) { return f == Format::Hh || f == Format::Trl || f == Format::TrlMessages || f == Format::OpenAiDpo; }

std::string renderDialogue(const json& messages, bool generationCue) {
    std::string text;
    for (const auto& m : messages) {
        const std::string& role = m["role"].get_ref<const std::string&>();
        text += role == "user" ? "\n\nHuman: " : role == "assistant" ? "\n\nAssistant: " : "\n\nSystem: ";
        text += m["content"].get<std::string>();
    }
    return generationCue ? text + kAssistantCue : text;
}

Format detectFormat(const json& r) {
    if (!r.is_object()) throw RecordError("cannot detect the format: the first record is not a JSON object");
    auto has = [&](const char* k) { return r.contains(k); };
    if (has("input") && has("preferred_output")) return Format::OpenAiDpo;
    if (has("prompt") && has("responses")) return Format::Rankings;
    if (has("model_a") && has("model_b")) return Format::Arena;
    if (has("messages")) return Format::OpenAiChat;
    if (has("prompt") && has("completion")) return r["prompt"].is_array() ? Format::SftMessages : Format::Sft;
    if (has("prompt") && has("chosen")) return r["prompt"].is_array() ? Format::TrlMessages : Format::Trl;
    if (has("chosen") && has("rejected")) return Format::Hh;
    std::string fields;
    for (const auto& [k, v] : r.items()) fields += (fields.empty() ? "" : ", ") + k;
    throw RecordError("cannot detect the format from the fields {" + fields + "} (use --format)");
}

Record parseRecord(Format format, const json& r) {
    Record rec;
    switch (format) {
    case Format::Hh: return parseHh(r);
    case Format::Trl:
        expectFields(r, {"prompt", "chosen", "rejected"}, {"margin"});
        rec.prompt.text = stringField(r, "prompt");
        rec.chosen.text = stringField(r, "chosen");
        rec.rejected = Content{stringField(r, "rejected"), std::nullopt};
        rec.margin = marginField(r);
        return rec;
    case Format::TrlMessages:
        expectFields(r, {"prompt", "chosen", "rejected"}, {"margin"});
        rec.prompt = messagesField(r["prompt"], "prompt", true);
        rec.chosen = messagesField(r["chosen"], "chosen", false);
        rec.rejected = messagesField(r["rejected"], "rejected", false);
        rec.margin = marginField(r);
        return rec;
    case Format::Sft:
        expectFields(r, {"prompt", "completion"});
        rec.prompt.text = stringField(r, "prompt");
        rec.chosen.text = stringField(r, "completion");
        return rec;
    case Format::SftMessages:
        expectFields(r, {"prompt", "completion"});
        rec.prompt = messagesField(r["prompt"], "prompt", true);
        rec.chosen = messagesField(r["completion"], "completion", false);
        for (const auto& m : r["completion"])
            if (m["role"] != "assistant") throw RecordError("field 'completion' must hold assistant messages, found \"" + m["role"].get<std::string>() + "\"");
        return rec;
    case Format::OpenAiChat: {
        expectFields(r, {"messages"});
        const json& m = r["messages"];
        if (!m.is_array() || m.size() < 2) throw RecordError("field 'messages' must list at least a prompt and a reply");
        rec.prompt = messagesField(json(m.begin(), m.end() - 1), "messages", true);
        rec.chosen = messagesField(json::array({m.back()}), "messages[" + std::to_string(m.size() - 1) + "]", false);
        if (m.back()["role"] != "assistant") throw RecordError("field 'messages': the last message must be the assistant's");
        return rec;
    }
    case Format::OpenAiDpo:
        expectFields(r, {"input", "preferred_output", "non_preferred_output"});
        expectFields(r["input"], {"messages"});
        rec.prompt = messagesField(r["input"]["messages"], "input.messages", true);
        rec.chosen = messagesField(r["preferred_output"], "preferred_output", false);
        rec.rejected = messagesField(r["non_preferred_output"], "non_preferred_output", false);
        return rec;
    case Format::Rankings: throw RecordError("rankings records are read by the rankings importer");
    case Format::Arena: throw RecordError("arena records are read by the arena importer");
    case Format::Auto: break;
    }
    throw RecordError("no format chosen");
}

nlohmann::ordered_json renderRecord(Format format, const Record& rec) {
    using ojson = nlohmann::ordered_json;
    const Content& rejected = rec.rejected ? *rec.rejected : Content{};
    switch (format) {
    case Format::Hh: {
        const std::string prompt = hhPrompt(rec.prompt);
        return ojson{{"chosen", prompt + hhResponse(rec.chosen, "chosen")}, {"rejected", prompt + hhResponse(rejected, "rejected")}};
    }
    case Format::Trl: {
        ojson o{{"prompt", rec.prompt.text}, {"chosen", asText(rec.chosen)}, {"rejected", asText(rejected)}};
        if (rec.margin) o["margin"] = *rec.margin;
        return o;
    }
    case Format::TrlMessages: {
        ojson o{{"prompt", asMessages(rec.prompt, true)}, {"chosen", asMessages(rec.chosen, false)},
                {"rejected", asMessages(rejected, false)}};
        if (rec.margin) o["margin"] = *rec.margin;
        return o;
    }
    case Format::Sft: return ojson{{"prompt", rec.prompt.text}, {"completion", asText(rec.chosen)}};
    case Format::SftMessages: return ojson{{"prompt", asMessages(rec.prompt, true)}, {"completion", asMessages(rec.chosen, false)}};
    case Format::OpenAiChat: {
        json messages = asMessages(rec.prompt, true);
        for (const auto& m : asMessages(rec.chosen, false)) messages.push_back(m);
        return ojson{{"messages", messages}};
    }
    case Format::OpenAiDpo:
        return ojson{{"input", {{"messages", asMessages(rec.prompt, true)}}},
                     {"preferred_output", asMessages(rec.chosen, false)},
                     {"non_preferred_output", asMessages(rejected, false)}};
    case Format::Rankings: throw RecordError("rankings are written by the rankings exporter");
    case Format::Arena: throw RecordError("arena battles are written by the arena exporter");
    case Format::Auto: break;
    }
    throw RecordError("no export format chosen");
}

}  // namespace rlhf::data
