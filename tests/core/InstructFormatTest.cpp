// Chat formats of instruction-tuned checkpoints (ChatML / Qwen2, Llama-3 / 3.1 / 3.2, Llama-2, Zephyr) against the
// real templates rendered by Jinja2 as transformers renders them (tests/data/chat-formats:
// make_references.py), and their detection from those templates.
#include <filesystem>
#include <fstream>

#include <QtTest>
#include <nlohmann/json.hpp>

#include "TestData.h"
#include "TestPrinters.h"
#include "chat/InstructFormat.h"
#include "text/Tokenizer.h"

using nlohmann::json;
using namespace rlhf::chat;
namespace fs = std::filesystem;

class InstructFormatTest : public QObject {
    Q_OBJECT

    static json data(const char* file) { return json::parse(rlhf::test::readData(std::string("chat-formats/") + file)); }

private slots:
    void rendersAsJinja_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("index");
        const json expected = data("expected.json");
        for (const auto& [name, entry] : expected.items())
            for (size_t i = 0; i < entry["cases"].size(); ++i)
                QTest::newRow((name + "/" + std::to_string(i)).c_str()) << QString::fromStdString(name) << static_cast<int>(i);
    }

    // The format detected from the real template renders each conversation as Jinja2 did, or refuses it
    // with the template's message.
    void rendersAsJinja() {
        QFETCH(QString, name);
        QFETCH(int, index);
        const json entry = data("expected.json")[name.toStdString()];
        const json& c = entry["cases"][static_cast<size_t>(index)];
        auto format = detectInstructFormat(data("templates.json")[name.toStdString()].get<std::string>());
        QVERIFY(format);
        format->bosToken = entry["bos_token"];
        format->eosToken = entry["eos_token"];
        if (format->dateFromClock) format->todayDate = "03 Dec 2026", format->dateFromClock = false;  // the references' day
        std::vector<ChatMessage> messages;
        for (const auto& m : c["messages"]) messages.push_back({m["role"], m["content"]});
        if (c.contains("error")) {
            try {
                format->render(messages, c["add_generation_prompt"]);
                QFAIL("rendered a conversation the template refuses");
            } catch (const std::invalid_argument& e) {
                QCOMPARE(std::string(e.what()), c["error"].get<std::string>());
            }
            return;
        }
        QCOMPARE(format->render(messages, c["add_generation_prompt"]), c["text"].get<std::string>());
    }

    void detection() {
        const json templates = data("templates.json");
        const std::map<std::string, InstructKind> kinds = {{"chatml", InstructKind::ChatMl}, {"qwen2", InstructKind::ChatMl},
                                                           {"llama3", InstructKind::Llama3}, {"llama2", InstructKind::Llama2},
                                                           {"zephyr", InstructKind::Zephyr}};
        for (const auto& [name, kind] : kinds) QCOMPARE(detectInstructFormat(templates[name])->kind, kind);
        QCOMPARE(detectInstructFormat(templates["qwen2"])->defaultSystem, std::string("You are a helpful assistant."));
        QCOMPARE(detectInstructFormat(templates["chatml"])->defaultSystem, std::string());
        QVERIFY(!detectInstructFormat("{{ messages }}"));
        // Qwen2.5's form: the newline as Jinja's escape, a tools branch first, the default in a later branch.
        const std::string qwen25 = R"({%- if tools %}{{- '<|im_start|>system\n' + messages[0]['content'] }}{%- else %})"
                                   R"({{- '<|im_start|>system\nYou are Qwen, created by Alibaba Cloud.<|im_end|>\n' }}{%- endif %})";
        QCOMPARE(detectInstructFormat(qwen25)->defaultSystem, std::string("You are Qwen, created by Alibaba Cloud."));
        // Llama-3.2 dates its system block with the day (strftime_now), Llama-3.1 with its fixed default.
        const auto dated = detectInstructFormat(templates["llama3.2"]);
        QCOMPARE(dated->kind, InstructKind::Llama3);
        QCOMPARE(dated->knowledgeDate, std::string("December 2023"));
        QVERIFY(dated->dateFromClock);
        QCOMPARE(dated->todayDate, std::string("26 Jul 2024"));
        QVERIFY(!detectInstructFormat(templates["llama3.1"])->dateFromClock);
        QCOMPARE(detectInstructFormat(templates["llama3.1"])->todayDate, std::string("26 Jul 2024"));
        QCOMPARE(detectInstructFormat(templates["llama3"])->knowledgeDate, std::string());
        QVERIFY(QRegularExpression("^\\d\\d [A-Z][a-z]{2} 20\\d\\d$").match(QString::fromStdString(todayDateString())).hasMatch());
        QVERIFY(dated->render({{"user", "Hi"}}, true).find("Today Date: " + todayDateString() + "\n\n<|eot_id|>") != std::string::npos);
        QVERIFY(!detectInstructFormat("<|user|>\n{{ message['content'] }}<|end|>\n<|assistant|>"));
        QCOMPARE(instructKindNamed("llama-3"), std::optional<InstructKind>(InstructKind::Llama3));
        QVERIFY(!instructKindNamed("vicuna"));
    }

    // From a model directory: the template's format with the config's tokens; a chosen name wins; a
    // directory whose template is unknown (or absent) is a clear error naming the file.
    void forModel() {
        const fs::path dir = fs::temp_directory_path() / ("rlhf-instruct-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        const json templates = data("templates.json");
        std::ofstream(dir / "tokenizer_config.json")
            << json{{"chat_template", json::array({{{"name", "default"}, {"template", templates["zephyr"]}}})},
                    {"bos_token", {{"content", "<s>"}}}, {"eos_token", "</s>"}}.dump();
        const auto zephyr = instructFormatForModel(dir.string());
        QCOMPARE(zephyr.kind, InstructKind::Zephyr);
        QCOMPARE(zephyr.render({{"user", "Hi"}}, true), std::string("<|user|>\nHi</s>\n<|assistant|>\n"));
        QCOMPARE(zephyr.endOfTurnTokens(), std::vector<std::string>{"</s>"});
        QCOMPARE(instructFormatForModel(dir.string(), "chatml").kind, InstructKind::ChatMl);
        std::ofstream(dir / "tokenizer_config.json") << json{{"eos_token", "</s>"}}.dump();
        try {
            instructFormatForModel(dir.string());
            QFAIL("no error for a model without a chat template");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(std::string(e.what()).find("tokenizer_config.json: no chat_template; choose one of chatml") != std::string::npos, e.what());
        }
        try {
            instructFormatForModel(dir.string(), "vicuna");
            QFAIL("accepted an unknown format name");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(std::string(e.what()).find("'vicuna' is not one of") != std::string::npos, e.what());
        }
        QVERIFY_EXCEPTION_THROWN(ChatMl().render({{"robot", "x"}}, false), std::invalid_argument);
        // transformers 4.4x+ saves the template beside the config, in chat_template.jinja.
        std::ofstream(dir / "chat_template.jinja") << templates["chatml"].get<std::string>();
        QCOMPARE(instructFormatForModel(dir.string()).kind, InstructKind::ChatMl);
        QCOMPARE(chatTemplateOfModel(dir.string()), templates["chatml"].get<std::string>());
        fs::remove_all(dir);
    }

    // The special tokens each rendering writes (a BOS or EOS only where the config names one), and those a
    // tokenizer trained for another format lacks.
    void markerTokens() {
        using Tokens = std::vector<std::string>;
        QCOMPARE(ChatMl().markerTokens(), (Tokens{"<|im_start|>", "<|im_end|>"}));
        InstructFormat llama3{InstructKind::Llama3, {}, "<|begin_of_text|>", "<|eot_id|>"};
        QCOMPARE(llama3.markerTokens(), (Tokens{"<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"}));
        QCOMPARE((InstructFormat{InstructKind::Llama2, {}, "<s>", "</s>"}.markerTokens()), (Tokens{"<s>", "</s>"}));
        QCOMPARE((InstructFormat{InstructKind::Llama2}.markerTokens()), Tokens{});
        QCOMPARE((InstructFormat{InstructKind::Zephyr, {}, "<s>", "</s>"}.markerTokens()), Tokens{"</s>"});
        const auto llama3Tokenizer = rlhf::text::Tokenizer::fromDirectory(rlhf::test::dataPath("tokenizers/llama3"));
        const auto qwen2Tokenizer = rlhf::text::Tokenizer::fromDirectory(rlhf::test::dataPath("tokenizers/qwen2"));
        QCOMPARE(missingMarkerTokens(llama3, llama3Tokenizer), Tokens{});
        QCOMPARE(missingMarkerTokens(ChatMl(), llama3Tokenizer), (Tokens{"<|im_start|>", "<|im_end|>"}));
        QCOMPARE(missingMarkerTokens(ChatMl(), qwen2Tokenizer), Tokens{});
        QCOMPARE(missingMarkerTokens(llama3, qwen2Tokenizer),
                 (Tokens{"<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"}));
    }

private:
    static InstructFormat ChatMl() { return InstructFormat{}; }
};

QTEST_APPLESS_MAIN(InstructFormatTest)
#include "InstructFormatTest.moc"
