// The Chat panel's pure parts: the prompt a model answers (the conversation in the training format, the
// oldest turns dropped to fit), a streamed reply made ready to show (characters split across tokens,
// stop cues held back and cut), and the transcripts kept in the project and exported.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "chat/ChatPrompt.h"
#include "chat/ReplyStream.h"
#include "data/ChatTranscripts.h"
#include "data/ProjectStore.h"

using namespace rlhf;
namespace fs = std::filesystem;
using chat::ChatTurn;

namespace {

size_t words(const std::string& s) {
    size_t n = 0;
    bool inWord = false;
    for (char c : s) {
        const bool letter = c != ' ' && c != '\n';
        n += letter && !inWord;
        inWord = letter;
    }
    return n;
}

std::string texts(const std::vector<chat::StreamedToken>& tokens) {
    std::string out;
    for (const auto& t : tokens) out += t.text + "|";
    return out;
}

chat::StreamedToken token(const std::string& bytes) { return {1, bytes, 0.5, {}}; }

std::string fileText(const fs::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

class ChatTest : public QObject {
    Q_OBJECT
    fs::path tmp_;

private slots:
    void initTestCase() {
        tmp_ = fs::temp_directory_path() / ("rlhf-chat-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void promptInTheTrainingFormat() {
        const std::vector<ChatTurn> turns = {{ChatTurn::Role::User, "Hi"}, {ChatTurn::Role::Assistant, "Hello!"}, {ChatTurn::Role::User, "How are you?"}};
        const auto p = chat::buildChatPrompt(turns, {}, [](const std::string&) { return true; });
        QCOMPARE(p.text, std::string("\n\nHuman: Hi\n\nAssistant: Hello!\n\nHuman: How are you?\n\nAssistant:"));
        QCOMPARE(p.droppedTurns, size_t(0));
        chat::ChatTemplate custom{"<user> ", "<bot>"};
        QCOMPARE(chat::buildChatPrompt(turns, custom, [](const std::string&) { return true; }).text,
                 std::string("<user> Hi<bot> Hello!<user> How are you?<bot>"));
        QCOMPARE(chat::ChatTemplate{}.stopCues(), (std::vector<std::string>{"\n\nHuman:", "\n\nAssistant:"}));
    }

    // Whole exchanges go from the oldest on until the prompt fits; the last message always stays.
    void oldestTurnsDropToFit() {
        const std::vector<ChatTurn> turns = {{ChatTurn::Role::User, "one two three"}, {ChatTurn::Role::Assistant, "four five"},
                                             {ChatTurn::Role::User, "six"}, {ChatTurn::Role::Assistant, "seven eight nine"},
                                             {ChatTurn::Role::User, "ten"}};
        // Words of the whole prompt: 2 cue words per turn ("Human:"/"Assistant:") + the texts.
        const auto p = chat::buildChatPrompt(turns, {}, [](const std::string& t) { return words(t) <= 10; });
        QCOMPARE(p.droppedTurns, size_t(2));
        QCOMPARE(p.text, std::string("\n\nHuman: six\n\nAssistant: seven eight nine\n\nHuman: ten\n\nAssistant:"));
        QCOMPARE(chat::buildChatPrompt(turns, {}, [](const std::string& t) { return words(t) <= 3; }).droppedTurns, size_t(4));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, chat::buildChatPrompt(turns, {}, [](const std::string&) { return false; }));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 chat::buildChatPrompt({{ChatTurn::Role::Assistant, "x"}}, {}, [](const std::string&) { return true; }));
    }

    void aCharacterSplitAcrossTokensWaitsForItsLastByte() {
        chat::ReplyStream s({"\n\nHuman:"});
        QCOMPARE(texts(s.add(token(" caf"))), std::string(" caf|"));
        QCOMPARE(texts(s.add(token("\xC3"))), std::string());  // the first byte of é
        QCOMPARE(texts(s.add(token("\xA9!"))), std::string("|é!|"));  // both tokens, the character whole in the second
        QCOMPARE(s.text(), std::string(" café!"));
        QCOMPARE(texts(s.add(token("\xE2\x82"))), std::string());
        QCOMPARE(texts(s.finish()), std::string("\xEF\xBF\xBD|"));  // never completed: U+FFFD
    }

    void aStopCueIsHeldBackAndCut() {
        chat::ReplyStream s({"\n\nHuman:", "\n\nAssistant:"});
        QCOMPARE(texts(s.add(token(" Fine"))), std::string(" Fine|"));
        QCOMPARE(texts(s.add(token(".\n"))), std::string());  // ".\n" could begin a cue: held back
        QCOMPARE(texts(s.add(token("\nHu"))), std::string());
        QCOMPARE(texts(s.add(token("man: and"))), std::string(".|"));  // the cue came: the reply ends before it
        QVERIFY(s.stopped());
        QCOMPARE(s.text(), std::string(" Fine."));
        QVERIFY(s.add(token("more")).empty());
        QVERIFY(s.finish().empty());
        chat::ReplyStream t({"\n\nHuman:"});
        QCOMPARE(texts(t.add(token("a\n\nHu"))), std::string());  // it ends with what may begin a cue: held back whole
        QCOMPARE(texts(t.add(token("gs"))), std::string("a\n\nHu|gs|"));  // it was not one
        QVERIFY(!t.stopped());
        QCOMPARE(texts(t.add(token("\n\n"))), std::string());
        QCOMPARE(texts(t.finish()), std::string("\n\n|"));
        QCOMPARE(t.text(), std::string("a\n\nHugs\n\n"));
    }

    void transcriptsAreKeptAndExported() {
        auto store = data::ProjectStore::open((tmp_ / "t.rlhf").string(), true);
        data::ChatTranscripts transcripts(store->database());
        const int64_t id = transcripts.create("eliza-doctor-1966 | sft-2", R"({"columns":[]})");
        transcripts.append(id, {{"user", "user", "Men are all alike.", 10}, {"assistant", "eliza-doctor-1966", "IN WHAT WAY", 11},
                                {"assistant", "sft-2", "Are they?\nI wonder.", 12}});
        transcripts.append(id, {{"user", "user", "Bullies.", 13}, {"assistant", "eliza-doctor-1966", "I AM NOT SURE", 14}});
        transcripts.append(id, {{"user", "user", "Why?", 15}, {"assistant", "sft-2", "Because.", 16}});
        QCOMPARE(transcripts.count(), int64_t(1));
        const auto chats = transcripts.chats();
        QCOMPARE(chats[0].messages.size(), size_t(7));
        QCOMPARE(chats[0].messages[4].text, std::string("I AM NOT SURE"));
        QCOMPARE(transcripts.exportJsonLines((tmp_ / "t.jsonl").string()), size_t(1));
        std::ifstream in(tmp_ / "t.jsonl");
        std::string eliza, sft, extra;
        std::getline(in, eliza);
        std::getline(in, sft);
        QVERIFY(!std::getline(in, extra));
        const auto e = nlohmann::json::parse(eliza), s = nlohmann::json::parse(sft);
        QCOMPARE(e["model"], nlohmann::json("eliza-doctor-1966"));
        QCOMPARE(e["messages"].size(), size_t(4));
        QCOMPARE(e["messages"][3]["content"], nlohmann::json("I AM NOT SURE"));
        // sft-2 did not answer the second message (ELIZA did not answer the third): each side holds what it saw.
        QCOMPARE(s["messages"], nlohmann::json::parse(R"([{"role":"user","content":"Men are all alike."},{"role":"assistant","content":"Are they?\nI wonder."},)"
                                                      R"({"role":"user","content":"Why?"},{"role":"assistant","content":"Because."}])"));
        transcripts.exportMarkdown((tmp_ / "t.md").string());
        const std::string md = fileText(tmp_ / "t.md");
        QVERIFY2(md.rfind("# Chat 1: eliza-doctor-1966 | sft-2\n", 0) == 0, md.c_str());
        QVERIFY(md.find("**You:** Men are all alike.\n\n**eliza-doctor-1966:** IN WHAT WAY\n\n**sft-2:** Are they?  \nI wonder.\n\n") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(ChatTest)
#include "ChatTest.moc"
