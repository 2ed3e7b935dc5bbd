// Decomposition matching and reassembly against the reference unit vectors.
#include <QtTest>

#include <nlohmann/json.hpp>

#include "TestData.h"
#include "TestPrinters.h"
#include "eliza/ElizaMatcher.h"
#include "eliza/ElizaScriptParser.h"
#include "eliza/ElizaText.h"

using namespace rlhf::eliza;
using nlohmann::json;

namespace {
// Patterns in the vectors are written as in scripts; parse them through a one-rule script.
Pattern parsePattern(const Words& elements) {
    const Script s = parseScript("(HI)\n(K ((" + joinWords(elements) + ") (X)))", "pattern");
    return s.rules.at("K").decompositions.at(0).pattern;
}
}  // namespace

class ElizaMatcherTest : public QObject {
    Q_OBJECT
    json vectors_;

private slots:
    void initTestCase() { vectors_ = json::parse(rlhf::test::readData("eliza/unit_vectors.json")); }

    void matchVectors() {
        const json& match = vectors_["match"];
        TagTable tags;
        for (const auto& [tag, words] : match["tags_when_uses_tags"].items()) tags[tag] = words.get<Words>();
        int checked = 0;
        for (const auto& v : match["vectors"]) {
            const Pattern pattern = parsePattern(v["pattern"].get<Words>());
            Components components;
            const TagTable noTags;
            const bool matched = matchDecomposition(pattern, v["words"].get<Words>(),
                                                    v["uses_tags"].get<bool>() ? tags : noTags, components);
            const std::string where = v.dump();
            QVERIFY2(matched == v["matches"].get<bool>(), where.c_str());
            if (matched) {
                Words joined;
                for (const auto& c : components) joined.push_back(joinWords(c));
                QCOMPARE(joined, v["expected_components"].get<Words>());
            }
            ++checked;
        }
        QCOMPARE(checked, 115);
    }

    void leftmostShortestNotGreedy() {
        Components c;
        QVERIFY(matchDecomposition(parsePattern({"0", "YOU", "ARE", "0"}),
                                   splitUserInput("YOU ARE AFRAID YOU ARE GOING TO DIE SOON"), {}, c));
        QCOMPARE(joinWords(c[3]), std::string("AFRAID YOU ARE GOING TO DIE SOON"));
    }

    void adversarialPatternStaysFast() {
        // 30 zeros against 200 words that never end in Z: exponential without memoisation.
        Words pattern(30, "0");
        pattern.push_back("Z");
        Words words(200, "A");
        Components c;
        QVERIFY(!matchDecomposition(parsePattern(pattern), words, {}, c));
    }

    void reassembleVectors() {
        const json& r = vectors_["reassemble"];
        Components components;
        for (const auto& c : r["components"]) components.push_back(splitUserInput(c.get<std::string>()));
        for (const auto& v : r["vectors"])
            QCOMPARE(reassemble(v["rule"].get<Words>(), components), v["expected"].get<Words>());
    }
};

QTEST_APPLESS_MAIN(ElizaMatcherTest)
#include "ElizaMatcherTest.moc"
