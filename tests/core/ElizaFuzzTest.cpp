// Randomised robustness: 100k mutations of the shipped scripts and of user input. Every script either
// parses or raises ScriptError with a position inside the text; no engine call crashes or hangs.
#include <QtTest>

#include <random>

#include "TestPrinters.h"
#include "eliza/BuiltinScripts.h"
#include "eliza/ElizaEngine.h"
#include "eliza/ElizaScriptParser.h"

using namespace rlhf::eliza;

namespace {

const char kAlphabet[] = "()=;0123456789 \n*/ABCDEFGHIJKLMNOPQRSTUVWXYZ,.'\xC3\xA9\xFF";

// Deletes, duplicates, inserts or swaps a small random span.
std::string mutate(std::string text, std::mt19937& rng) {
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !text.empty(); ++e) {
        const size_t at = rng() % text.size();
        const size_t len = std::min<size_t>(1 + rng() % 12, text.size() - at);
        switch (rng() % 4) {
        case 0: text.erase(at, len); break;
        case 1: text.insert(at, text.substr(at, len)); break;
        case 2: text.insert(at, 1, kAlphabet[rng() % (sizeof(kAlphabet) - 1)]); break;
        default: std::swap(text[at], text[rng() % text.size()]); break;
        }
    }
    return text;
}

const char* kInputs[] = {"Men are all alike.", "My mother takes care of me.", "I remember you, but why?",
                         "You are like my father.", "", ",,,.", "NONE MEMORY PRE NEWKEY = ( )",
                         "I dreamed I was a computer", "\xFF\xFE broken utf8 \xE2\x82"};

}  // namespace

class ElizaFuzzTest : public QObject {
    Q_OBJECT

private slots:
    void mutatedScriptsAndInputs() {
        std::mt19937 rng(20261126);
        const std::string sources[] = {std::string(builtinScript("doctor-1966").text),
                                       std::string(builtinScript("tape100-1965").text)};
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 100000; ++i) {
            const std::string script = mutate(sources[i % 2], rng);
            try {
                ElizaEngine engine(parseScript(script, "fuzz"));
                std::string input = kInputs[rng() % std::size(kInputs)];
                if (rng() % 2) input = mutate(input + " my mother", rng);
                engine.reply(input);
                engine.reply(input);
                ++parsed;
            } catch (const ScriptError& e) {
                QVERIFY(e.line() >= 1 && e.column() >= 1);
                QVERIFY(!e.reason().empty());
                ++rejected;
            }
        }
        qInfo("parsed %d, rejected %d", parsed, rejected);
        QVERIFY(parsed > 1000);
        QVERIFY(rejected > 1000);
    }

    void mutatedInputsOnDoctor() {
        std::mt19937 rng(7);
        ElizaEngine engine(parseBuiltinScript("doctor-1966"));
        for (int i = 0; i < 20000; ++i) {
            const std::string reply = engine.reply(mutate(kInputs[i % std::size(kInputs)] + std::string(" you"), rng));
            QVERIFY(!reply.empty());
        }
    }
};

QTEST_APPLESS_MAIN(ElizaFuzzTest)
#include "ElizaFuzzTest.moc"
