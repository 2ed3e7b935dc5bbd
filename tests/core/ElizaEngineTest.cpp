// The 1966 engine reproduces the published conversation and the reference checks exactly.
#include <QtTest>

#include <nlohmann/json.hpp>
#include <sstream>

#include "TestData.h"
#include "TestPrinters.h"
#include "eliza/BuiltinScripts.h"
#include "eliza/ElizaEngine.h"
#include "eliza/ElizaScriptParser.h"

using namespace rlhf::eliza;

namespace {
ElizaEngine doctor() { return ElizaEngine(parseBuiltinScript("doctor-1966")); }
std::string replyOnce(const std::string& input) { return doctor().reply(input); }
}  // namespace

class ElizaEngineTest : public QObject {
    Q_OBJECT

private slots:
    void publishedConversation1966() {
        ElizaEngine eliza = doctor();
        QCOMPARE(eliza.greeting(), std::string("HOW DO YOU DO. PLEASE TELL ME YOUR PROBLEM"));
        std::istringstream transcript(rlhf::test::readData("eliza/conversation_1966.txt"));
        std::string line;
        std::string input;
        int exchanges = 0;
        while (std::getline(transcript, line)) {
            if (line.rfind("> ", 0) == 0) {
                input = line.substr(2);
            } else if (!line.empty()) {
                QCOMPARE(eliza.reply(input), line);
                ++exchanges;
            }
        }
        QCOMPARE(exchanges, 15);
    }

    void freshInstanceChecks_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("sorry") << "Sorry, I'm a bit nervous." << "PLEASE DON'T APOLIGIZE";
        QTest::newRow("unhappy") << "I am very unhappy these days." << "I AM SORRY TO HEAR YOU ARE UNHAPPY";
        QTest::newRow("yes-clause") << "Yes, a terrible dream always wakes me." << "YOU SEEM QUITE POSITIVE";
        QTest::newRow("dreamt-dad") << "Last night I dreamt my dad beat me." << "REALLY, YOUR FATHER BEAT YOU";
        QTest::newRow("if-rank") << "I'm trying to decide if you are human or not."
                                 << "DO YOU THINK ITS LIKELY THAT I ARE HUMAN OR NOT";
        QTest::newRow("remember") << "Do you remember the Gulf of Mexico?"
                                  << "DID YOU THINK I WOULD FORGET THE GULF OF MEXICO";
        QTest::newRow("hello") << "hello." << "HOW DO YOU DO. PLEASE STATE YOUR PROBLEM";
        QTest::newRow("nomatch-can") << "Can he come?" << "HMMM";  // CAN has no (0) catch-all
    }
    void freshInstanceChecks() {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(replyOnce(input.toStdString()), expected.toStdString());
    }

    void whyFallsBackThroughRuleLevelLink() {
        // WHY has no (0) decomposition of its own: its trailing (=WHAT) takes over.
        ElizaEngine eliza = doctor();
        ElizaTrace trace;
        QCOMPARE(eliza.reply("why can't people get along?", &trace), std::string("WHY DO YOU ASK"));
        QCOMPARE(trace.steps.size(), size_t(2));
        QCOMPARE(trace.steps[0].event, std::string("fallback-link"));
        QCOMPARE(trace.steps[0].linkTo, std::string("WHAT"));
        QCOMPARE(trace.steps[1].keyword, std::string("WHAT"));
        QCOMPARE(eliza.reply("what?"), std::string("DOES THAT QUESTION INTEREST YOU"));
        eliza.reply("what?");
        eliza.reply("what?");
        // WHAT's cursor is shared however the rule is reached: the fifth use gives its fifth reply.
        QCOMPARE(eliza.reply("why can't people get along?"), std::string("WHAT ANSWER WOULD PLEASE YOU MOST"));
    }

    void busyBeaverTuringMachine() {
        ElizaEngine machine(parseScript(rlhf::test::readData("eliza/busy_beaver_4state_turing_machine_test_script.txt")));
        QCOMPARE(machine.reply("START"), std::string("O I ' O ' I I I I I I I I I I I I O"));
    }

    void memoryIsRecalledOnlyAtLimitFour() {
        ElizaEngine eliza = doctor();
        eliza.reply("Well, my boyfriend made me come here.");  // LIMIT 2: memory stored
        QCOMPARE(eliza.memories().size(), size_t(1));
        QVERIFY(eliza.reply("Bullies.") != eliza.memories().front());  // LIMIT 3: NONE, not recall
        QCOMPARE(eliza.memories().size(), size_t(1));
        QCOMPARE(eliza.reply("Bullies."),
                 std::string("DOES THAT HAVE ANYTHING TO DO WITH THE FACT THAT YOUR BOYFRIEND MADE YOU COME HERE"));
        QVERIFY(eliza.memories().empty());
    }

    void noneCyclesItsReplies() {
        ElizaEngine eliza = doctor();
        QCOMPARE(eliza.reply("Bullies."), std::string("I AM NOT SURE I UNDERSTAND YOU FULLY"));
        QCOMPARE(eliza.reply("Bullies."), std::string("PLEASE GO ON"));
        eliza.reset();
        QCOMPARE(eliza.reply("Bullies."), std::string("I AM NOT SURE I UNDERSTAND YOU FULLY"));
    }

    void userWordNoneIsNotAKeyword() {
        ElizaTrace trace;
        doctor().reply("none", &trace);
        QVERIFY(trace.keywords.empty());
        QCOMPARE(trace.source, std::string("none"));
    }

    void traceExplainsTheReply() {
        ElizaEngine eliza = doctor();
        eliza.reply("Men are all alike.");
        eliza.reply("They're always bugging us about something or other.");
        ElizaTrace trace;
        const std::string reply = eliza.reply("Well, my boyfriend made me come here.", &trace);
        QCOMPARE(trace.normalised, std::string("WELL, MY BOYFRIEND MADE ME COME HERE."));
        QCOMPARE(trace.words, (Words{"YOUR", "BOYFRIEND", "MADE", "YOU", "COME", "HERE"}));
        QCOMPARE(trace.keystack, (Words{"MY"}));
        QCOMPARE(trace.limit, 4);
        QCOMPARE(trace.memoryTransformation, 3);
        QCOMPARE(trace.memoryCreated,
                 std::string("DOES THAT HAVE ANYTHING TO DO WITH THE FACT THAT YOUR BOYFRIEND MADE YOU COME HERE"));
        QCOMPARE(trace.steps.size(), size_t(1));
        QCOMPARE(trace.steps[0].pattern, std::string("(0 YOUR 0)"));
        QCOMPARE(trace.steps[0].components, (Words{"", "YOUR", "BOYFRIEND MADE YOU COME HERE"}));
        QCOMPARE(trace.steps[0].reassemblyText, std::string("(YOUR 3)"));
        QCOMPARE(trace.source, std::string("keyword"));
        QCOMPARE(trace.reply, reply);
        QCOMPARE(toJson(trace)["keystack"].get<Words>(), Words{"MY"});
    }

    void traceShowsPreAndLinks() {
        ElizaEngine eliza = doctor();
        ElizaTrace trace;
        eliza.reply("He says I'm depressed much of the time.", &trace);
        QCOMPARE(trace.keystack, (Words{"I'M"}));
        QCOMPARE(trace.steps.size(), size_t(2));
        QCOMPARE(trace.steps[0].action, std::string("pre"));
        QCOMPARE(trace.steps[0].linkTo, std::string("I"));
        QCOMPARE(trace.steps[1].keyword, std::string("I"));
        QCOMPARE(trace.steps[1].text, std::string("YOU ARE DEPRESSED MUCH OF THE TIME"));
        QCOMPARE(trace.reply, std::string("I AM SORRY TO HEAR YOU ARE DEPRESSED"));
    }

    void endlessLinkLoopEndsInNoMatch() {
        ElizaEngine loop(parseScript("(HI)\n(A ((0) (=B)))\n(B ((0) (=A)))\n(NONE ((0) (WHAT)))"));
        QCOMPARE(loop.reply("a"), std::string("HMMM"));
    }

    void tape100ScriptConverses() {
        ElizaEngine eliza(parseBuiltinScript("tape100-1965"));
        QCOMPARE(eliza.greeting(),
                 std::string("HOW DO YOU DO. I AM THE DOCTOR. PLEASE SIT DOWN AT THE TYPEWRITER AND TELL ME YOUR PROBLEM."));
        QCOMPARE(eliza.reply("Men are all alike."), std::string("DID YOU THINK THEY MIGHT NOT BE ALL ALIKE"));  // ARE = AM, (0 AM 0)
    }
};

QTEST_APPLESS_MAIN(ElizaEngineTest)
#include "ElizaEngineTest.moc"
