// `rlhf chat` through rlhf-engine as the Chat panel drives it (--json: JSON line requests on stdin, events
// on stdout, the model loaded once): a greedy reply streams tokens whose texts make the reply, each with
// the model's probability and the likeliest alternatives (greedy: the chosen token is the likeliest), and
// the reply is what `rlhf generate --greedy` writes for the same rendered prompt; a stop sent with its
// request ends it before a token; turns that do not fit the context are dropped and counted; a bad
// request gets an error and the engine answers the next one. And the same conversation for people.
#include <QtTest>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "../TinySftProject.h"

using namespace rlhf;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::string kPrompt = "\n\nHuman: Hello there\n\nAssistant:";

// The engine in --json mode: lines written, events read with a deadline.
class Engine {
public:
    explicit Engine(const QString& model) {
        process_.start(RLHF_ENGINE, {"chat", "--model", model, "--json", "--threads", "1"});
        ready = next();
    }
    ~Engine() {
        process_.closeWriteChannel();
        if (!process_.waitForFinished(20000)) process_.kill();
    }
    void write(const json& line) { process_.write(QByteArray::fromStdString(line.dump() + "\n")); }
    json next() {
        while (!process_.canReadLine())
            if (!process_.waitForReadyRead(60000)) return json{{"event", "timeout"}, {"stderr", process_.readAllStandardError().toStdString()}};
        return json::parse(process_.readLine().toStdString());
    }
    // Every event of request `id` up to its done or error.
    std::vector<json> reply(int id) {
        std::vector<json> events;
        for (json e = next(); e["event"] != "timeout"; e = next()) {
            events.push_back(e);
            if (e.value("id", json()) == id && (e["event"] == "done" || e["event"] == "error")) break;
        }
        return events;
    }
    int exitCode() {
        process_.closeWriteChannel();
        process_.waitForFinished(20000);
        return process_.exitCode();
    }
    json ready;

private:
    QProcess process_;
};

json userTurns(const std::vector<std::string>& texts) {
    json turns = json::array();
    for (size_t i = 0; i < texts.size(); ++i) turns.push_back({{"role", i % 2 == 0 ? "user" : "assistant"}, {"text", texts[i]}});
    return turns;
}

std::string cutAtCue(std::string text, const std::vector<std::string>& cues = {"\n\nHuman:", "\n\nAssistant:"}) {
    for (const auto& cue : cues) text = text.substr(0, text.find(cue));
    return text;
}

std::string greedyGeneration(const QString& model, const std::string& prompt) {
    QProcess generate;
    generate.start(RLHF_ENGINE, {"generate", "--model", model, "--prompt", QString::fromStdString(prompt), "--greedy", "--max-new-tokens",
                                 "12", "--skip-special-tokens", "--json"});
    generate.waitForFinished(60000);
    return json::parse(generate.readAllStandardOutput().toStdString())["completions"][0]["text"];
}

}  // namespace

class ChatEngineTest : public QObject {
    Q_OBJECT
    fs::path tmp_;
    test::TinySftProject tiny_;
    QString model_;

private slots:
    void initTestCase() {
        tmp_ = fs::temp_directory_path() / ("rlhf-chat-engine-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
        tiny_ = test::makeTinySftProject(tmp_);
        model_ = QString::fromStdString(tiny_.model.string());
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void aGreedyReplyStreamsWithProbabilities() {
        Engine engine(model_);
        QCOMPARE(engine.ready["event"], json("ready"));
        QCOMPARE(engine.ready["context"], json(64));
        QCOMPARE(engine.ready["device"], json("cpu"));  // the default; the Chat panel asks for auto
        engine.write({{"id", 1}, {"turns", userTurns({"Hello there"})}, {"greedy", true}, {"max_new_tokens", 12}});
        const auto events = engine.reply(1);
        const json& done = events.back();
        QCOMPARE(done["event"], json("done"));
        std::string streamed;
        for (size_t i = 0; i + 1 < events.size(); ++i) {
            const json& t = events[i];
            QCOMPARE(t["event"], json("token"));
            streamed += t["text"].get<std::string>();
            const double p = t["p"];
            QVERIFY(p > 0 && p <= 1);
            QCOMPARE(t["top"].size(), size_t(5));
            for (size_t k = 1; k < 5; ++k) QVERIFY(t["top"][k - 1][1].get<double>() >= t["top"][k][1].get<double>());
            QVERIFY2(std::abs(t["top"][0][1].get<double>() - p) < 1e-6, t.dump().c_str());  // greedy: the likeliest
        }
        QCOMPARE(streamed, done["text"].get<std::string>());
        QVERIFY(done["tokens"].get<int>() >= 1 && done["tokens"].get<int>() <= 12);
        QCOMPARE(done["dropped_turns"], json(0));

        QCOMPARE(done["text"].get<std::string>(), cutAtCue(greedyGeneration(model_, kPrompt)));

        // Another conversation format for this request: its cues render the prompt and end the reply.
        engine.write({{"id", 2}, {"turns", userTurns({"Hello there"})}, {"greedy", true}, {"max_new_tokens", 12},
                      {"user_cue", "\nQ: "}, {"assistant_cue", "\nA:"}});
        const json other = engine.reply(2).back();
        QCOMPARE(other["text"].get<std::string>(), cutAtCue(greedyGeneration(model_, "\nQ: Hello there\nA:"), {"\nQ:", "\nA:"}));
        QCOMPARE(engine.exitCode(), 0);
    }

    void aStopForARequestNotTakenYetEndsItAtOnce() {
        Engine engine(model_);
        engine.write({{"op", "stop"}, {"id", 7}});  // before its request: no race with the reply's first token
        engine.write({{"id", 7}, {"turns", userTurns({"Tell me a long story"})}, {"max_new_tokens", 32}});
        const auto events = engine.reply(7);
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events[0]["end"], json("stopped"));
        QCOMPARE(events[0]["text"], json(""));
        // A stop for a request already answered ends nothing else.
        engine.write({{"op", "stop"}, {"id", 7}});
        engine.write({{"id", 8}, {"turns", userTurns({"Hi"})}, {"max_new_tokens", 4}, {"seed", 3}});
        const auto next = engine.reply(8);
        QVERIFY(next.back()["end"] != json("stopped"));
        QVERIFY(next.back()["tokens"].get<int>() >= 1);
    }

    // The context is 64 tokens and a reply gets at most half: the prompt keeps the newest turns that fit in 32.
    void turnsThatDoNotFitAreDropped() {
        Engine engine(model_);
        const std::string longer = "one two three four five six seven eight nine ten";
        engine.write({{"id", 1}, {"turns", userTurns({longer, longer, longer, longer, "and now?"})}, {"max_new_tokens", 40}, {"seed", 1}});
        const auto events = engine.reply(1);
        QCOMPARE(events.back()["event"], json("done"));
        QCOMPARE(events.back()["dropped_turns"], json(4));  // two exchanges of 10-word turns are over 32 tokens
        QVERIFY(events.back()["tokens"].get<int>() <= 32);
    }

    void aBadRequestIsAnsweredWithAnError() {
        Engine engine(model_);
        engine.write({{"id", 1}, {"turns", json::array({{{"role", "system"}, {"text", "x"}}})}});
        auto events = engine.reply(1);
        QCOMPARE(events.back()["event"], json("error"));
        QVERIFY2(events.back()["message"].get<std::string>().find("\"role\": user or assistant") != std::string::npos, events.back().dump().c_str());
        engine.write({{"id", 2}, {"turns", userTurns({"Hi", "Hello"})}});
        QCOMPARE(engine.reply(2).back()["event"], json("error"));  // it must end with the user's message
        engine.write({{"id", 3}, {"turns", userTurns({"Hi"})}, {"temperature", 0}});
        QCOMPARE(engine.reply(3).back()["event"], json("error"));
        engine.write({{"id", 4}, {"turns", userTurns({"Hi"})}, {"assistant_cue", "\n "}});
        QVERIFY(engine.reply(4).back()["message"].get<std::string>().find("assistant_cue") != std::string::npos);
        engine.write({{"id", 5}, {"turns", userTurns({"Hi"})}, {"greedy", true}, {"max_new_tokens", 3}});
        QCOMPARE(engine.reply(5).back()["event"], json("done"));
    }

    void peopleTypeLinesAndReadReplies() {
        QProcess chat;
        chat.start(RLHF_ENGINE, {"chat", "--model", model_, "--greedy", "--max-new-tokens", "12", "--threads", "1"});
        chat.write("Hello there\n");
        chat.closeWriteChannel();
        QVERIFY(chat.waitForFinished(60000));
        QCOMPARE(chat.exitCode(), 0);
        Engine engine(model_);
        engine.write({{"id", 1}, {"turns", userTurns({"Hello there"})}, {"greedy", true}, {"max_new_tokens", 12}});
        const std::string reply = engine.reply(1).back()["text"];
        const std::string out = chat.readAllStandardOutput().toStdString();
        QCOMPARE(out, "> " + reply + "\n> \n");
        QVERIFY(chat.readAllStandardError().contains("context 64 tokens"));
    }

    void aMissingModelIsAClearError() {
        QProcess chat;
        chat.start(RLHF_ENGINE, {"chat", "--model", QString::fromStdString((tmp_ / "nowhere").string()), "--json"});
        QVERIFY(chat.waitForFinished(60000));
        QCOMPARE(chat.exitCode(), 1);
        QVERIFY2(chat.readAllStandardError().contains("nowhere"), "the error names the directory");
    }
};

QTEST_GUILESS_MAIN(ChatEngineTest)
#include "ChatEngineTest.moc"
