// The script reader: the shipped scripts' structure, and errors that name line, column and expectation.
#include <QtTest>

#include "TestData.h"
#include "TestPrinters.h"
#include "eliza/BuiltinScripts.h"
#include "eliza/ElizaScriptParser.h"

using namespace rlhf::eliza;

class ElizaScriptParserTest : public QObject {
    Q_OBJECT

private slots:
    void doctorStructure() {
        const Script s = parseBuiltinScript("doctor-1966");
        QCOMPARE(s.rules.size(), size_t(67));  // 66 words plus NONE
        QCOMPARE(s.memory.keyword, std::string("MY"));
        auto sorted = [](Words w) { std::sort(w.begin(), w.end()); return w; };
        QCOMPARE(sorted(s.tags.at("BELIEF")), (Words{"BELIEVE", "FEEL", "THINK", "WISH"}));
        QCOMPARE(sorted(s.tags.at("FAMILY")), (Words{"BROTHER", "CHILDREN", "DAD", "FATHER", "MOM", "MOTHER", "SISTER", "WIFE"}));
        QCOMPARE(sorted(s.tags.at("NOUN")), (Words{"FATHER", "MOTHER"}));
        const KeywordRule& dreamed = s.rules.at("DREAMED");
        QCOMPARE(dreamed.substitution, std::string("DREAMT"));
        QCOMPARE(dreamed.rank, 4);
        QCOMPARE(dreamed.fallbackLink, std::string("DREAMT"));
        QVERIFY(!s.rules.at("ME").isKeyword());
        QVERIFY(!s.rules.at("MOTHER").isKeyword());
        QCOMPARE(s.rules.at("WHY").fallbackLink, std::string("WHAT"));
        const Reassembly& pre = s.rules.at("I'M").decompositions.at(0).reassemblies.at(0);
        QCOMPARE(int(pre.kind), int(Reassembly::Kind::Pre));
        QCOMPARE(pre.tokens, (Words{"YOU", "ARE", "3"}));
        QCOMPARE(pre.link, std::string("I"));
        QCOMPARE(s.memory.transformations[3].reassembly.front(), std::string("DOES"));
    }

    void tape100Parses() {
        const Script s = parseBuiltinScript("tape100-1965");
        QCOMPARE(s.memory.keyword, std::string("MY"));
        QVERIFY(s.rules.count("NONE"));
    }

    void lowerCaseScriptsAreUpperCased() {
        const Script s = parseScript("(hello there)\n(sorry ((0) (please don't apologise)))");
        QCOMPARE(s.greeting, (Words{"HELLO", "THERE"}));
        QVERIFY(s.rules.count("SORRY"));
    }

    void errors_data() {
        QTest::addColumn<QString>("script");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << "" << 1 << 1 << "expected '(' to open the greeting, found end of file";
        QTest::newRow("no-greeting") << "HELLO" << 1 << 1 << "expected '(' to open the greeting";
        QTest::newRow("unclosed-rule") << "(HI)\n(SORRY ((0) (PLEASE))" << 2 << 22 << "found end of file";
        QTest::newRow("stray-word") << "(HI)\nSORRY" << 2 << 1 << "expected '(' to start a rule, found 'SORRY'";
        QTest::newRow("bad-component") << "(HI)\n(K\n  ((0 K 0) (WHY 4)))" << 3 << 13
                                       << "reassembly refers to component 4 but the pattern (0 K 0) has 3";
        QTest::newRow("no-reassembly") << "(HI)\n(K ((0)))" << 2 << 8 << "expected a reassembly rule";
        QTest::newRow("bad-list") << "(HI)\n(K ((0 (A B) 0) (X)))" << 2 << 9 << "expected '*' (one of words) or '/'";
        QTest::newRow("memory-three") << "(HI)\n(MY ((0) (X)))\n(MEMORY MY (0 = A) (0 = B) (0 = C))" << 3 << 35
                                      << "expected '(' to start one of the four MEMORY transformations";
        QTest::newRow("memory-no-rule") << "(HI)\n(MEMORY MY (0 = A) (0 = B) (0 = C) (0 = D))" << 2 << 2
                                        << "the MEMORY keyword MY has no keyword rule";
        QTest::newRow("duplicate") << "(HI)\n(K ((0) (X)))\n(K ((0) (Y)))" << 3 << 2 << "duplicate rule for keyword K";
        QTest::newRow("pre-no-link") << "(HI)\n(K ((0) (PRE (X) Y)))" << 2 << 18 << "expected '(=KEY)' after the PRE template";
        QTest::newRow("subst-missing") << "(HI)\n(K = )" << 2 << 6 << "expected a substitute word after '='";
    }
    void errors() {
        QFETCH(QString, script);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, expected);
        try {
            parseScript(script.toStdString(), "test.txt");
            QFAIL("no error");
        } catch (const ScriptError& e) {
            const std::string what = e.what();
            QVERIFY2(what.find(expected.toStdString()) != std::string::npos, what.c_str());
            QVERIFY2(what.rfind("test.txt:", 0) == 0, what.c_str());
            QCOMPARE(e.line(), line);
            QCOMPARE(e.column(), column);
        }
    }
};

QTEST_APPLESS_MAIN(ElizaScriptParserTest)
#include "ElizaScriptParserTest.moc"
