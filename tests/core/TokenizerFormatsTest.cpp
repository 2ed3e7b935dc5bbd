// Byte-level BPE tokenizers in the tokenizer.json layouts of Llama-3 (Split with its regex, ignore_merges,
// <|begin_of_text|> from a TemplateProcessing post-processor), Qwen2 (NFC, its regex with single digits)
// and SmolLM (Digits before GPT-2's ByteLevel) against ids from Hugging Face's tokenizers.js
// (tests/data/tokenizers: make_tokenizers.py writes the files, reference_ids.mjs the ids).
#include <filesystem>
#include <fstream>

#include <QtTest>
#include <nlohmann/json.hpp>

#include "TestData.h"
#include "TestPrinters.h"
#include "text/ByteLevelBpe.h"
#include "text/RegexSplitter.h"
#include "text/UnicodeNormalization.h"

using nlohmann::json;
using rlhf::text::ByteLevelBpe;
namespace fs = std::filesystem;

class TokenizerFormatsTest : public QObject {
    Q_OBJECT

    static ByteLevelBpe load(const std::string& name) {
        return ByteLevelBpe::fromDirectory(rlhf::test::dataPath("tokenizers/" + name));
    }

private slots:
    void referenceIds_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("index");
        const json expected = json::parse(rlhf::test::readData("tokenizers/expected.json"));
        for (const auto& [format, cases] : expected.items())
            for (size_t i = 0; i < cases.size(); ++i)
                QTest::newRow((format + "/" + std::to_string(i)).c_str()) << QString::fromStdString(format) << static_cast<int>(i);
    }

    // encode, encode with the post-processor's special tokens, and decode back (to the NFC form where the
    // tokenizer normalizes).
    void referenceIds() {
        QFETCH(QString, format);
        QFETCH(int, index);
        const json expected = json::parse(rlhf::test::readData("tokenizers/expected.json"));
        const json& c = expected[format.toStdString()][static_cast<size_t>(index)];
        if (format == "qwen2" && !rlhf::text::nfcAvailable()) QSKIP("this build has no ICU: NFC tokenizers are refused");
        const auto bpe = load(format.toStdString());
        const std::string text = c["text"];
        QCOMPARE(bpe.encode(text), c["ids"].get<std::vector<int>>());
        QCOMPARE(bpe.encodeWithSpecialTokens(text), c["ids_with_special_tokens"].get<std::vector<int>>());
        QCOMPARE(bpe.decode(bpe.encode(text)), format == "qwen2" ? rlhf::text::toNfc(text) : text);
    }

    // The pieces a Split step makes, gaps included, with \s as Unicode's White_Space (U+180E is not).
    void regexSplitterIsolatesMatchesAndGaps() {
        std::vector<std::string> pieces;
        rlhf::text::RegexSplitter(R"(\p{N})").split("ab12c3", [&](std::string_view p) { pieces.emplace_back(p); });
        QCOMPARE(pieces, (std::vector<std::string>{"ab", "1", "2", "c", "3"}));
        pieces.clear();
        rlhf::text::RegexSplitter(R"(\s+)").split("a \u180e\u2003b", [&](std::string_view p) { pieces.emplace_back(p); });
        QCOMPARE(pieces, (std::vector<std::string>{"a", " ", "\u180e", "\u2003", "b"}));
        pieces.clear();
        rlhf::text::RegexSplitter(R"(x*)").split("axxb", [&](std::string_view p) { pieces.emplace_back(p); });
        QCOMPARE(pieces, (std::vector<std::string>{"a", "xx", "b"}));  // empty matches cut nothing
        QCOMPARE(rlhf::text::withWhiteSpaceSpelledOut(R"([^\s\p{L}])"), std::string(R"([^\p{White_Space}\p{L}])"));
        pieces.clear();
        rlhf::text::RegexSplitter(R"([^\S\n]+)").split("a \t\nb", [&](std::string_view p) { pieces.emplace_back(p); });
        QCOMPARE(pieces, (std::vector<std::string>{"a", " \t", "\nb"}));  // \S inside a class: the newline is no match
    }

    // A tokenizer.json the GPT-2 file forms cannot express is saved as itself (with the files beside it),
    // and what was there in the other form is removed.
    void saveCopiesTheTokenizerJson() {
        const fs::path dir = fs::temp_directory_path() / ("rlhf-tokenizer-formats-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        std::ofstream(dir / "vocab.json") << "{}";
        const auto llama3 = load("llama3");
        llama3.save(dir.string());
        QVERIFY(!fs::exists(dir / "vocab.json"));
        QVERIFY(fs::exists(dir / "tokenizer_config.json"));
        const auto reloaded = ByteLevelBpe::fromDirectory(dir.string());
        const std::string text = "zebra 12345 <|eot_id|> it'S";
        QCOMPARE(reloaded.encodeWithSpecialTokens(text), llama3.encodeWithSpecialTokens(text));
        reloaded.save(dir.string());  // onto itself: the file stays
        QCOMPARE(ByteLevelBpe::fromDirectory(dir.string()).encode(text), llama3.encode(text));
        fs::remove_all(dir);
    }

    // Ids beyond the tokenizer (a model's vocab_size padded past it) decode to nothing, as in Hugging Face.
    void idsBeyondTheTokenizerDecodeToNothing() {
        const auto bpe = load("smollm");
        auto ids = bpe.encode("Hello");
        ids.insert(ids.begin() + 1, bpe.vocabSize() + 7);
        QCOMPARE(bpe.decode(ids), std::string("Hello"));
        QCOMPARE(bpe.decodeLossy({-1, bpe.vocabSize()}), std::string());
    }

    // A post-processor naming an id beyond the vocabulary is refused with the file named.
    void badPostProcessorId() {
        json file = json::parse(rlhf::test::readData("tokenizers/llama3/tokenizer.json"));
        file["post_processor"]["processors"][1]["special_tokens"]["<|begin_of_text|>"]["ids"] = {99999};
        const fs::path path = fs::temp_directory_path() / ("rlhf-bad-post-" + std::to_string(::getpid()) + ".json");
        std::ofstream(path) << file.dump();
        try {
            ByteLevelBpe::fromTokenizerJson(path.string());
            QFAIL("accepted a special token id outside the vocabulary");
        } catch (const rlhf::text::TokenizerError& e) {
            QVERIFY2(std::string(e.what()).find(path.string() + ": post_processor: special token id 99999") != std::string::npos,
                     e.what());
        }
        fs::remove(path);
    }
};

QTEST_APPLESS_MAIN(TokenizerFormatsTest)
#include "TokenizerFormatsTest.moc"
