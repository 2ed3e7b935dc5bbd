// ELIZA text primitives against the reference unit vectors (tests/data/eliza/unit_vectors.json).
#include <QtTest>

#include <nlohmann/json.hpp>

#include "TestData.h"
#include "TestPrinters.h"
#include "eliza/ElizaText.h"

using namespace rlhf::eliza;
using nlohmann::json;

class ElizaTextTest : public QObject {
    Q_OBJECT
    json vectors_;

private slots:
    void initTestCase() { vectors_ = json::parse(rlhf::test::readData("eliza/unit_vectors.json")); }

    void slipHashMatchesReference() {
        int checked = 0;
        for (const auto& v : vectors_["slip_hash"]["vectors"]) {
            uint64_t datum = 0;
            if (v.contains("datum_octal")) {
                datum = std::stoull(v["datum_octal"].get<std::string>(), nullptr, 8);
            } else {
                const auto word = v["word"].get<std::string>();
                const bool firstChunk = v["note"].get<std::string>().find("first 6") != std::string::npos;
                datum = firstChunk ? chunkAsBcd(std::string_view(word).substr(0, 6)) : lastChunkAsBcd(word);
            }
            QCOMPARE(slipHash(datum, v["n"].get<unsigned>()), v["hash"].get<unsigned>());
            ++checked;
        }
        QCOMPARE(checked, 51);
    }

    void paperHashChecks() {
        QCOMPARE(slipHash(lastChunkAsBcd("ALWAYS"), 7), 14u);  // CACM p.38
        QCOMPARE(slipHash(lastChunkAsBcd("HERE"), 2), 3u);
        QCOMPARE(slipHash(lastChunkAsBcd("MOTHER"), 2), 3u);
        QCOMPARE(slipHash(lastChunkAsBcd("YOU"), 2), 2u);
        QCOMPARE(slipHash(lastChunkAsBcd("FATHER"), 2), 2u);
        QCOMPARE(slipHash(lastChunkAsBcd("EVERYBODY"), 2), 1u);
    }

    void lastChunkAsBcdMatchesReference() {
        for (const auto& v : vectors_["last_chunk_as_bcd"]["vectors"]) {
            const auto word = v["word"].get<std::string>();
            QCOMPARE(lastChunkAsBcd(word), std::stoull(v["bcd_octal"].get<std::string>(), nullptr, 8));
        }
    }

    void splitUserInputMatchesReference() {
        for (const auto& v : vectors_["split_user_input"]["vectors"]) {
            const Words got = splitUserInput(v["input"].get<std::string>(), v["punctuation"].get<std::string>());
            QCOMPARE(got, v["expected"].get<Words>());
        }
    }

    void normaliseInputMatchesReference() {
        for (const auto& v : vectors_["eliza_uppercase"]["vectors"])
            QCOMPARE(normaliseInput(v["input"].get<std::string>()), v["expected"].get<std::string>());
    }

    void normaliseInputHandlesUnicodeAndInvalidBytes() {
        QCOMPARE(normaliseInput("straße eﬃgy"), std::string("STRASSE EFFIGY"));
        QCOMPARE(normaliseInput("сайфи"), std::string("САЙФИ"));
        QCOMPARE(normaliseInput("a\xFF" "b"), std::string("A B"));  // invalid byte -> space, never a crash
        QCOMPARE(normaliseInput("x\xE2\x82"), std::string("X  "));  // truncated sequence
    }

    void joinSkipsEmptyWords() {
        QCOMPARE(joinWords({}), std::string());
        QCOMPARE(joinWords({"ONE", "", "TWO"}), std::string("ONE TWO"));
    }

    void delimitersAreCommaPeriodAndBut() {
        QVERIFY(isDelimiter(","));
        QVERIFY(isDelimiter("."));
        QVERIFY(isDelimiter("BUT"));
        QVERIFY(!isDelimiter("BUTTER"));
        QVERIFY(!isDelimiter("but"));
    }
};

QTEST_APPLESS_MAIN(ElizaTextTest)
#include "ElizaTextTest.moc"
