// Exact GPT-2 byte-level BPE: reference ids, round trips on hard text, and bad tokenizer files.
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "TestData.h"
#include "TestPrinters.h"
#include "text/ByteLevelBpe.h"
#include "text/Tokenizer.h"
#include "text/Utf8.h"

using rlhf::text::ByteLevelBpe;
using rlhf::text::TokenizerError;
using nlohmann::json;
namespace fs = std::filesystem;

class TokenizerTest : public QObject {
    Q_OBJECT
    std::unique_ptr<ByteLevelBpe> gpt2_;
    fs::path tmp_;

    void write(const std::string& name, const std::string& text) { std::ofstream(tmp_ / name, std::ios::binary) << text; }
    void expectError(const std::string& vocab, const std::string& merges, const std::string& needle) {
        write("vocab.json", vocab);
        write("merges.txt", merges);
        try {
            ByteLevelBpe::fromDirectory(tmp_.string());
            QFAIL(("no error, expected " + needle).c_str());
        } catch (const TokenizerError& e) {
            QVERIFY2(std::string(e.what()).find(needle) != std::string::npos, e.what());
        }
    }
    static std::string byteVocab() {  // the 256 byte tokens only
        json v;
        int id = 0;
        for (char32_t cp : rlhf::text::byteToCodePoint()) {
            std::string s;
            rlhf::text::appendUtf8(s, cp);
            v[s] = id++;
        }
        return v.dump();
    }

private slots:
    void initTestCase() {
        gpt2_ = std::make_unique<ByteLevelBpe>(
            ByteLevelBpe::fromFiles(rlhf::test::dataPath("gpt2/vocab.json"), rlhf::test::dataPath("gpt2/merges.txt")));
        tmp_ = fs::temp_directory_path() / ("rlhf-tok-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void referenceCases() {
        const json cases = json::parse(rlhf::test::readData("gpt2/tokenizer_cases.json"));
        for (const auto& c : cases) {
            QCOMPARE(gpt2_->encode(c["text"].get<std::string>()), c["ids"].get<std::vector<int>>());
            QCOMPARE(gpt2_->decode(c["ids"].get<std::vector<int>>()), c["text"].get<std::string>());
        }
        QCOMPARE(gpt2_->vocabSize(), 50257);
        QCOMPARE(gpt2_->endOfTextId(), 50256);
    }

    // 500 random texts over Unicode whitespace, combining marks, every letter/number category, emoji,
    // controls and contractions, the last 100 around U+180E and \x1c-\x1f, which PCRE2's \s and
    // Python's re take as whitespace; ids from GPT-2's encoder.py algorithm (gpt2/make_fuzz_cases.py).
    void encoderPyFuzzCases() {
        const json cases = json::parse(rlhf::test::readData("gpt2/fuzz_cases.json"));
        QCOMPARE(cases.size(), size_t{500});
        for (const auto& c : cases) {
            const auto text = c["text"].get<std::string>();
            const auto ids = c["ids"].get<std::vector<int>>();
            QCOMPARE(gpt2_->encode(text), ids);
            QCOMPARE(gpt2_->decode(ids), text);
        }
    }

    void knownHardCases() {
        // Ids from GPT-2's published tokenizer for whitespace runs, contractions and digits.
        QCOMPARE(gpt2_->encode("  hello"), (std::vector<int>{220, 23748}));
        QCOMPARE(gpt2_->encode("I'm don't"), (std::vector<int>{40, 1101, 836, 470}));
        QCOMPARE(gpt2_->encode("a\n\nb"), (std::vector<int>{64, 198, 198, 65}));
        QCOMPARE(gpt2_->encode("hi<|endoftext|>there"), (std::vector<int>{5303, 50256, 8117}));
    }

    void roundTrips_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("spaces") << "a   b \t\t c\n\n\n  d  ";
        QTest::newRow("digits") << "1234567890 3.14159 1e-9 -42";
        QTest::newRow("contractions") << "they'll we've I'd she's it's 'tis O'Neil";
        QTest::newRow("emoji") << "I ❤️ 🤖 RLHF 👩‍👩‍👧";
        QTest::newRow("cjk") << "强化学习 人間のフィードバック 한국어";
        QTest::newRow("mixed") << "Ünïcödé — “quotes” ‘single’ …\r\n<|endoftext|>tail";
        QTest::newRow("trailing") << "ends with spaces   ";
    }
    void roundTrips() {
        QFETCH(QString, text);
        const std::string s = text.toStdString();
        QCOMPARE(gpt2_->decode(gpt2_->encode(s)), s);
    }

    // What `rlhf generate --stream` prints: each token's new bytes up to the last whole character.
    void streamedPiecesEndOnWholeCharacters() {
        QCOMPARE(rlhf::text::completeUtf8Prefix(""), size_t(0));
        QCOMPARE(rlhf::text::completeUtf8Prefix("a\xC3"), size_t(1));
        QCOMPARE(rlhf::text::completeUtf8Prefix("a\xC3\xA9"), size_t(3));
        QCOMPARE(rlhf::text::completeUtf8Prefix("ab\xE2\x82"), size_t(2));
        QCOMPARE(rlhf::text::completeUtf8Prefix("\xF0\x9F\x98"), size_t(0));
        QCOMPARE(rlhf::text::completeUtf8Prefix("\xF0\x9F\x98\x80"), size_t(4));
        QCOMPARE(rlhf::text::completeUtf8Prefix("\x80\x80\x80"), size_t(3));  // stray continuations: nothing to wait for
        QCOMPARE(rlhf::text::completeUtf8Prefix("x\xFF"), size_t(2));             // never a lead byte
        for (const std::string full : {"caf\xC3\xA9 \xF0\x9F\x98\x80\xF0\x9F\x8E\x89 ok", "\xE4\xBD\xA0\xE5\xA5\xBD\xEF\xBC\x8C\xE4\xB8\x96\xE7\x95\x8C"}) {
            const auto ids = gpt2_->encode(full);
            std::string printed;
            std::vector<int> sofar;
            int heldBack = 0;
            for (int id : ids) {
                sofar.push_back(id);
                const std::string bytes = gpt2_->decode(sofar);
                const size_t ready = rlhf::text::completeUtf8Prefix(bytes);
                heldBack += ready < bytes.size();
                const std::string piece = bytes.substr(printed.size(), ready - std::min(ready, printed.size()));
                QVERIFY2(rlhf::text::isValidUtf8(piece), piece.c_str());
                printed += piece;
            }
            QCOMPARE(printed, full);
            QVERIFY(heldBack > 0);  // these texts do split characters across tokens
        }
    }

    // What the plain chat and generate print: controls shown, not obeyed; the rest byte for byte.
    void controlsArePrintedAsPictures() {
        using rlhf::text::withVisibleControls;
        QCOMPARE(withVisibleControls("a\x1b[2Jb"), std::string("a\xE2\x90\x9B[2Jb"));             // ESC -> U+241B
        QCOMPARE(withVisibleControls(std::string("\0\r\x7F", 3)), std::string("\xE2\x90\x80\xE2\x90\x8D\xE2\x90\xA1"));
        QCOMPARE(withVisibleControls("x\xC2\x9By"), std::string("x\xEF\xBF\xBDy"));                 // C1 CSI -> U+FFFD
        const std::string kept = "line\n\ttab caf\xC3\xA9 \xC2\xA0\xF0\x9F\x98\x80 \xFF";  // NBSP, emoji, a stray byte
        QCOMPARE(withVisibleControls(kept), kept);
        QCOMPARE(withVisibleControls("end\xC2"), std::string("end\xC2"));  // a lead byte still waiting
    }

    void invalidUtf8IsAClearError() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gpt2_->encode("ok \xFF bad"));
        try {
            gpt2_->encode("ok \xC3");
        } catch (const std::invalid_argument& e) {
            QCOMPARE(std::string(e.what()), std::string("invalid UTF-8 at byte 3"));
        }
        QCOMPARE(gpt2_->decodeLossy({gpt2_->encode("é")[0]}).empty(), false);
    }

    void tokenizerJsonBothMergeForms() {
        const json vocab = json::parse(rlhf::test::readData("gpt2/vocab.json"));
        std::vector<std::string> lines;
        for (const auto& m : gpt2_->merges()) lines.push_back(m.first + " " + m.second);
        write("tokenizer.json", json{{"model", {{"vocab", vocab}, {"merges", lines}}}}.dump());
        auto a = ByteLevelBpe::fromTokenizerJson((tmp_ / "tokenizer.json").string());
        json pairs = json::array();
        for (const auto& m : gpt2_->merges()) pairs.push_back({m.first, m.second});
        write("tokenizer.json", json{{"model", {{"vocab", vocab}, {"merges", pairs}}}}.dump());
        auto b = ByteLevelBpe::fromTokenizerJson((tmp_ / "tokenizer.json").string());
        const std::string text = "They're always bugging us about something or other.";
        QCOMPARE(a.encode(text), gpt2_->encode(text));
        QCOMPARE(b.encode(text), gpt2_->encode(text));
        // A merge making a token the vocabulary lacks is named by its index in model.merges.
        pairs[7] = {"Ġ", "zzqx"};
        write("tokenizer.json", json{{"model", {{"vocab", vocab}, {"merges", pairs}}}}.dump());
        try {
            ByteLevelBpe::fromTokenizerJson((tmp_ / "tokenizer.json").string());
            QFAIL("no error for a merge outside the vocabulary");
        } catch (const TokenizerError& e) {
            QVERIFY2(std::string(e.what()).find("tokenizer.json: model.merges[7]: the merge \"Ġ zzqx\" uses") != std::string::npos,
                     e.what());
        }
        fs::remove(tmp_ / "tokenizer.json");
    }

    // tokenizer.json's pipeline: GPT-2's ByteLevel pre-tokenizer with add_prefix_space puts a space before
    // each stretch of text between added tokens (and the flag survives save + load beside vocab.json);
    // what this tokenizer does not do is refused with the field named.
    void tokenizerJsonPipeline() {
        const json vocab = json::parse(rlhf::test::readData("gpt2/vocab.json"));
        std::vector<std::string> merges;
        for (const auto& m : gpt2_->merges()) merges.push_back(m.first + " " + m.second);
        const json byteLevel = {{"type", "ByteLevel"}, {"add_prefix_space", true}, {"trim_offsets", true}, {"use_regex", true}};
        json file = {{"model", {{"type", "BPE"}, {"dropout", nullptr}, {"vocab", vocab}, {"merges", merges}}},
                     {"normalizer", nullptr}, {"pre_tokenizer", byteLevel}};
        write("tokenizer.json", file.dump());
        auto spaced = ByteLevelBpe::fromTokenizerJson((tmp_ / "tokenizer.json").string());
        const int eot = gpt2_->endOfTextId();
        QCOMPARE(spaced.encode("Hello world"), gpt2_->encode(" Hello world"));
        QCOMPARE(spaced.encode(" Hi"), gpt2_->encode(" Hi"));
        auto joined = gpt2_->encode(" Hello");
        joined.push_back(eot);
        for (int id : gpt2_->encode(" world")) joined.push_back(id);
        QCOMPARE(spaced.encode("Hello<|endoftext|>world"), joined);
        QCOMPARE(spaced.decode(spaced.encode("Hello")), std::string(" Hello"));  // as transformers decodes it
        const fs::path saved = tmp_ / "spaced";
        fs::create_directories(saved);
        spaced.save(saved.string());
        QCOMPARE(ByteLevelBpe::fromDirectory(saved.string()).encode("Hello<|endoftext|>world"), joined);
        file["pre_tokenizer"] = {{"type", "Sequence"}, {"pretokenizers", {byteLevel}}};
        file["normalizer"] = {{"type", "Sequence"}, {"normalizers", json::array()}};
        write("tokenizer.json", file.dump());
        QCOMPARE(ByteLevelBpe::fromTokenizerJson((tmp_ / "tokenizer.json").string()).encode("Hi"), gpt2_->encode(" Hi"));
        struct Refusal {
            std::string section, key;  // the field set to `value` (key empty: the whole section)
            json value;
            std::string message;
        };
        const std::vector<Refusal> refused = {
            {"model", "type", "WordPiece", "model.type \"WordPiece\" is not supported"},
            {"model", "dropout", 0.1, "model.dropout = 0.1 is not supported"},
            {"model", "continuing_subword_prefix", "##", "model.continuing_subword_prefix = \"##\" is not supported"},
            {"model", "byte_fallback", true, "model.byte_fallback = true is not supported"},
            {"normalizer", "", {{"type", "NFKC"}}, "normalizer {\"type\":\"NFKC\"} is not supported"},
            {"pre_tokenizer", "", {{"type", "Whitespace"}}, "pre_tokenizer {\"type\":\"Whitespace\"} is not supported"},
            {"pre_tokenizer", "", {{"type", "Split"}, {"pattern", {{"Regex", " "}}}, {"behavior", "Removed"}},
             "pre_tokenizer.behavior \"Removed\" is not supported"},
            {"pre_tokenizer", "", {{"type", "Split"}, {"pattern", {{"Regex", "(a"}}}}, "pre_tokenizer.pattern: the pattern does not compile"},
            {"pre_tokenizer", "", {{"type", "Sequence"}, {"pretokenizers", {{{"type", "Digits"}}, byteLevel}}},
             "pre_tokenizer.pretokenizers[1].add_prefix_space = true after another step is not supported"},
            {"post_processor", "", {{"type", "BertProcessing"}}, "post_processor {\"type\":\"BertProcessing\"} is not supported"},
            {"post_processor", "", {{"type", "TemplateProcessing"}, {"single", {{{"SpecialToken", {{"id", "<s>"}}}}}}},
             "post_processor.single: {\"SpecialToken\":{\"id\":\"<s>\"}} names no token of special_tokens"},
        };
        for (const auto& r : refused) {
            json bad = file;
            (r.key.empty() ? bad[r.section] : bad[r.section][r.key]) = r.value;
            write("tokenizer.json", bad.dump());
            try {
                ByteLevelBpe::fromTokenizerJson((tmp_ / "tokenizer.json").string());
                QFAIL(("accepted " + r.message).c_str());
            } catch (const TokenizerError& e) {
                QVERIFY2(std::string(e.what()).find("tokenizer.json: " + r.message) != std::string::npos, e.what());
            }
        }
        fs::remove(tmp_ / "tokenizer.json");
    }

    // Saving over another tokenizer's files: what is left there would be read instead (tokenizer.json) or
    // beside (special_tokens_map.json) what is saved.
    void saveReplacesStaleTokenizerFiles() {
        const fs::path dir = tmp_ / "stale";
        fs::create_directories(dir);
        std::ofstream(dir / "tokenizer.json") << json{{"model", {{"vocab", json::parse(byteVocab())}, {"merges", json::array()}}}}.dump();
        std::ofstream(dir / "special_tokens_map.json") << json{{"additional_special_tokens", {"Hello"}}}.dump();
        gpt2_->save(dir.string());
        QVERIFY(!fs::exists(dir / "tokenizer.json") && !fs::exists(dir / "special_tokens_map.json"));
        const auto reloaded = ByteLevelBpe::fromDirectory(dir.string());
        QCOMPARE(reloaded.encode("Hello world"), gpt2_->encode("Hello world"));
        QCOMPARE(reloaded.decode(reloaded.encode("Hello"), true), std::string("Hello"));
    }

    // A pad token added for fine-tuning (TRL adds one to GPT-2): in tokenizer.json's added_tokens, or in
    // the added_tokens.json save_pretrained writes beside vocab.json. It splits text, decodes verbatim,
    // and survives save + load.
    void addedTokens() {
        const json vocab = json::parse(rlhf::test::readData("gpt2/vocab.json"));
        json merges = json::array();
        for (const auto& m : gpt2_->merges()) merges.push_back(m.first + " " + m.second);
        json added = json::array({{{"id", 50256}, {"content", "<|endoftext|>"}, {"special", true}},
                                  {{"id", 50257}, {"content", "[PAD]"}, {"special", true}}});
        write("tokenizer.json", json{{"model", {{"vocab", vocab}, {"merges", merges}}}, {"added_tokens", added}}.dump());
        const auto fromJson = ByteLevelBpe::fromTokenizerJson((tmp_ / "tokenizer.json").string());
        fs::remove(tmp_ / "tokenizer.json");
        QCOMPARE(fromJson.vocabSize(), 50258);
        std::vector<int> want = gpt2_->encode("Hi there");
        want.push_back(50257);
        want.push_back(50256);
        for (int id : gpt2_->encode(" [PAD ]")) want.push_back(id);
        QCOMPARE(fromJson.encode("Hi there[PAD]<|endoftext|> [PAD ]"), want);
        QCOMPARE(fromJson.decode(want), std::string("Hi there[PAD]<|endoftext|> [PAD ]"));
        // Saved as vocab.json (without it) + added_tokens.json, and read back from that form.
        const fs::path saved = tmp_ / "saved-added";
        fs::create_directories(saved);
        fromJson.save(saved.string());
        QCOMPARE(json::parse(std::ifstream(saved / "added_tokens.json")), (json{{"[PAD]", 50257}}));
        QVERIFY(!json::parse(std::ifstream(saved / "vocab.json")).contains("[PAD]"));
        const auto fromFiles = ByteLevelBpe::fromDirectory(saved.string());
        QCOMPARE(fromFiles.encode("Hi there[PAD]<|endoftext|> [PAD ]"), want);
        // Ids that contradict the vocabulary are refused, naming the file.
        auto expectAddedError = [&](const json& tokens, const std::string& needle) {
            std::ofstream(saved / "added_tokens.json") << tokens.dump();
            try {
                ByteLevelBpe::fromDirectory(saved.string());
                QFAIL(("accepted " + tokens.dump()).c_str());
            } catch (const TokenizerError& e) {
                QVERIFY2(std::string(e.what()).find(needle) != std::string::npos, e.what());
            }
        };
        expectAddedError({{"[PAD]", 100}}, "added_tokens.json: added token \"[PAD]\" takes id 100, which is");
        expectAddedError({{"<|endoftext|>", 5}}, "added token \"<|endoftext|>\" has id 5 but the vocabulary gives it 50256");
        write("tokenizer.json", json{{"model", {{"vocab", vocab}, {"merges", merges}}}, {"added_tokens", {{{"id", 3}}}}}.dump());
        try {
            ByteLevelBpe::fromTokenizerJson((tmp_ / "tokenizer.json").string());
            QFAIL("accepted an added token without content");
        } catch (const TokenizerError& e) {
            QVERIFY2(std::string(e.what()).find("added_tokens[0] needs a non-empty content and an id") != std::string::npos, e.what());
        }
        fs::remove(tmp_ / "tokenizer.json");
    }

    // A vocabulary that skips ids saves without inventing a token for the gaps and reloads the same.
    void vocabularyWithGapsRoundTrips() {
        json full = json::parse(byteVocab());  // ids 0..255, then 257, 280 and 300: gaps between
        full["Ġt"] = 257;
        full["Ġth"] = 280;
        full["Ġthe"] = 300;
        write("vocab.json", full.dump());
        write("merges.txt", "#version: 0.2\nĠ t\nĠt h\nĠth e\n");
        const auto bpe = ByteLevelBpe::fromDirectory(tmp_.string());
        const fs::path saved = tmp_ / "saved-gaps";
        fs::create_directories(saved);
        bpe.save(saved.string());
        QCOMPARE(json::parse(std::ifstream(saved / "vocab.json")), full);
        const auto reloaded = ByteLevelBpe::fromDirectory(saved.string());
        QCOMPARE(reloaded.vocabSize(), 301);
        QCOMPARE(reloaded.encode(" the"), (std::vector<int>{300}));
        QCOMPARE(reloaded.encode(" th"), (std::vector<int>{280}));
    }

    void badFiles() {
        expectError("{not json", "#version: 0.2\n", "vocab.json: invalid JSON at byte");
        expectError("[1,2]", "", "expected a JSON object");
        expectError("{\"a\": 0}", "", "lacks the byte token for byte 0");
        expectError(byteVocab(), "#version: 0.2\na b c\n", "merges.txt:2: expected two tokens");
        expectError(byteVocab(), "#version: 0.2\nh i\n", "merges.txt:2: the merge \"h i\" uses or makes a token missing");
        // Errors name the line, counting blank lines and the #version header.
        expectError(byteVocab(), "#version: 0.2\n\nh e\n", "merges.txt:3: the merge \"h e\" uses");
        // A damaged line that is not UTF-8: quoted with U+FFFD in the message (which used to throw instead).
        expectError(byteVocab(), "#version: 0.2\na b \xff\n", "merges.txt:2: expected two tokens separated by one space, found \"a b \xEF\xBF\xBD\"");
        expectError("{\"a\": 2000000000}", "", "token id 2000000000 is beyond the 16777216 ids");
        fs::remove(tmp_ / "vocab.json");
        try {
            ByteLevelBpe::fromDirectory(tmp_.string());
            QFAIL("no error for a missing vocab.json");
        } catch (const TokenizerError& e) {
            QVERIFY2(std::string(e.what()).find("vocab.json: cannot open") != std::string::npos, e.what());
        }
    }

    // Tokenizer::existsIn says yes only to the files fromDirectory reads: vocab.json alone is not a tokenizer.
    void existsInNeedsWholeTokenizerFiles() {
        const fs::path dir = tmp_ / "exists";
        fs::create_directories(dir);
        QVERIFY(!rlhf::text::Tokenizer::existsIn(dir.string()));
        std::ofstream(dir / "vocab.json") << "{}";
        QVERIFY(!rlhf::text::Tokenizer::existsIn(dir.string()));
        std::ofstream(dir / "merges.txt") << "#version: 0.2\n";
        QVERIFY(rlhf::text::Tokenizer::existsIn(dir.string()));
        fs::remove(dir / "vocab.json");
        std::ofstream(dir / "tokenizer.model") << "";
        QVERIFY(rlhf::text::Tokenizer::existsIn(dir.string()));
    }
};

QTEST_APPLESS_MAIN(TokenizerTest)
#include "TokenizerTest.moc"
