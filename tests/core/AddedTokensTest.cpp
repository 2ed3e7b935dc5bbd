// Added tokens with Hugging Face's flags, on the real GPT-2 vocabulary: lstrip / rstrip take in the
// whitespace beside a match, single_word refuses matches touching a word character, tokens matched as
// written (normalized false) cut the text before the normalized ones, and the flags are read from
// tokenizer.json and from tokenizer_config.json's added_tokens_decoder; special tokens (flagged, or named in
// special_tokens_map.json) are left out of decoding on request. Expected ids are built from the
// plain GPT-2 encoding of the pieces the cut should leave (the cases of tokenizers' added_tokens tests).
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <variant>

#include <nlohmann/json.hpp>

#include "TestData.h"
#include "text/ByteLevelBpe.h"

using rlhf::text::ByteLevelBpe;
using rlhf::text::TokenizerError;
using json = nlohmann::json;
namespace fs = std::filesystem;

class AddedTokensTest : public QObject {
    Q_OBJECT
    std::unique_ptr<ByteLevelBpe> gpt2_;
    fs::path tmp_;
    json vocab_, merges_;

    // GPT-2 with `added` (tokenizer.json added_tokens entries) appended from id 50257.
    ByteLevelBpe withAdded(const json& added) {
        write("tokenizer.json", json{{"model", {{"vocab", vocab_}, {"merges", merges_}}}, {"added_tokens", added}}.dump());
        return ByteLevelBpe::fromTokenizerJson((tmp_ / "tokenizer.json").string());
    }
    void write(const std::string& name, const std::string& text) { std::ofstream(tmp_ / name, std::ios::binary) << text; }
    static json token(int id, const std::string& content, json flags = json::object()) {
        flags["id"] = id;
        flags["content"] = content;
        return flags;
    }
    // The GPT-2 ids of the text pieces, and the ids given as numbers.
    std::vector<int> pieces(std::initializer_list<std::variant<std::string, int>> parts) {
        std::vector<int> ids;
        for (const auto& p : parts) {
            if (std::holds_alternative<int>(p)) ids.push_back(std::get<int>(p));
            else for (int id : gpt2_->encode(std::get<std::string>(p))) ids.push_back(id);
        }
        return ids;
    }

private slots:
    void initTestCase() {
        gpt2_ = std::make_unique<ByteLevelBpe>(
            ByteLevelBpe::fromFiles(rlhf::test::dataPath("gpt2/vocab.json"), rlhf::test::dataPath("gpt2/merges.txt")));
        vocab_ = json::parse(rlhf::test::readData("gpt2/vocab.json"));
        merges_ = json::array();
        for (const auto& m : gpt2_->merges()) merges_.push_back(m.first + " " + m.second);
        tmp_ = fs::temp_directory_path() / ("rlhf-added-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void plainTokensLeaveTheWhitespace() {
        const auto bpe = withAdded(json::array({token(50257, "<mask>")}));
        QCOMPARE(bpe.encode("I saw a <mask> 😺"), pieces({"I saw a ", 50257, " 😺"}));
    }

    void lstripTakesTheWhitespaceOnTheLeft() {
        const auto bpe = withAdded(json::array({token(50257, "<mask>", {{"lstrip", true}})}));
        QCOMPARE(bpe.encode("I saw a <mask> 😺"), pieces({"I saw a", 50257, " 😺"}));
        QCOMPARE(bpe.encode("a \t\u3000 <mask>"), pieces({"a", 50257}));  // tab and the ideographic space too
        // Not into what the previous match took.
        QCOMPARE(bpe.encode("<mask>  <mask>"), pieces({50257, 50257}));
    }

    void rstripTakesTheWhitespaceOnTheRight() {
        const auto bpe = withAdded(json::array({token(50257, "<mask>", {{"rstrip", true}})}));
        QCOMPARE(bpe.encode("I saw a <mask> 😺"), pieces({"I saw a ", 50257, "😺"}));
        QCOMPARE(bpe.encode("<mask> \n\n"), pieces({50257}));
    }

    void singleWordNeedsNoWordCharacterBeside() {
        const auto bpe = withAdded(json::array({token(50257, "<mask>", {{"single_word", true}})}));
        QCOMPARE(bpe.encode("I saw a <mask> 😺"), pieces({"I saw a ", 50257, " 😺"}));
        QCOMPARE(bpe.encode("I saw a<mask> 😺"), gpt2_->encode("I saw a<mask> 😺"));  // 'a' touches it
        QCOMPARE(bpe.encode("<mask>9"), gpt2_->encode("<mask>9"));
        QCOMPARE(bpe.encode("é<mask>"), gpt2_->encode("é<mask>"));
        QCOMPARE(bpe.encode("x_<mask>"), gpt2_->encode("x_<mask>"));                     // connector punctuation
        QCOMPARE(bpe.encode("(<mask>)😺"), pieces({"(", 50257, ")😺"}));
        // A refused match does not hide a later one.
        QCOMPARE(bpe.encode("a<mask> <mask>"), pieces({"a<mask> ", 50257}));
    }

    // Tokens matched as written cut first; the normalized ones then cut what is left.
    void unnormalizedTokensCutFirst() {
        const auto bpe = withAdded(json::array({token(50257, "⟨ab", {{"normalized", true}}),
                                                token(50258, "b⟩", {{"normalized", false}})}));
        QCOMPARE(bpe.encode("⟨ab⟩"), pieces({"⟨a", 50258}));  // one pass, leftmost first, would take ⟨ab
        QCOMPARE(bpe.encode("⟨ab b⟩ ⟨ab"), pieces({50257, " ", 50258, " ", 50257}));
        // Among tokens of one kind, the leftmost and then the longest.
        const auto longest = withAdded(json::array({token(50257, "<m"), token(50258, "<mask>"), token(50259, "ask>")}));
        QCOMPARE(longest.encode("x<mask>"), pieces({"x", 50258}));
    }

    // Saved in the vocab.json form, the flags go to tokenizer_config.json and come back from it.
    void flagsSurviveSaveAndLoad() {
        const auto bpe = withAdded(json::array({token(50257, "<mask>", {{"lstrip", true}, {"normalized", false}}),
                                                token(50258, "[SEP]", {{"single_word", true}, {"rstrip", true}})}));
        const fs::path dir = tmp_ / "saved";
        fs::create_directories(dir);
        bpe.save(dir.string());
        fs::remove(tmp_ / "tokenizer.json");
        const auto decoder = json::parse(std::ifstream(dir / "tokenizer_config.json"))["added_tokens_decoder"];
        QCOMPARE(decoder["50257"]["lstrip"].get<bool>(), true);
        QCOMPARE(decoder["50258"]["single_word"].get<bool>(), true);
        QVERIFY(!decoder.contains("50256"));  // <|endoftext|> keeps the defaults
        const auto reloaded = ByteLevelBpe::fromDirectory(dir.string());
        for (const std::string text : {"a <mask> b", "x[SEP] y", "x [SEP]  y", "<mask>[SEP]"})
            QCOMPARE(reloaded.encode(text), bpe.encode(text));
        QCOMPARE(reloaded.encode("x [SEP]  y"), pieces({"x ", 50258, "y"}));
    }

    // skip_special_tokens leaves out <|endoftext|> and the tokens flagged special; other added tokens stay.
    void specialTokensAreSkippedOnRequest() {
        const auto bpe = withAdded(json::array({token(50257, "[PAD]", {{"special", true}}), token(50258, "<extra>")}));
        const auto ids = bpe.encode("Hi[PAD] there<extra><|endoftext|>");
        QCOMPARE(ids, pieces({"Hi", 50257, " there", 50258, 50256}));
        QCOMPARE(bpe.decode(ids), std::string("Hi[PAD] there<extra><|endoftext|>"));
        QCOMPARE(bpe.decode(ids, true), std::string("Hi there<extra>"));
        QCOMPARE(bpe.decodeLossy(ids, true), std::string("Hi there<extra>"));
    }

    // special_tokens_map.json and tokenizer_config.json name special tokens (a string or {content, ...});
    // named ones outside the vocabulary stay plain text. Saved and loaded back, the flags stay.
    void specialTokensNamedBesideTheVocabulary() {
        const fs::path dir = tmp_ / "named", saved = tmp_ / "named-saved";
        fs::create_directories(dir);
        fs::create_directories(saved);
        fs::copy_file(rlhf::test::dataPath("gpt2/vocab.json"), dir / "vocab.json", fs::copy_options::overwrite_existing);
        fs::copy_file(rlhf::test::dataPath("gpt2/merges.txt"), dir / "merges.txt", fs::copy_options::overwrite_existing);
        std::ofstream(dir / "added_tokens.json") << json{{"[PAD]", 50257}, {"<extra>", 50258}}.dump();
        std::ofstream(dir / "special_tokens_map.json")
            << json{{"pad_token", {{"content", "[PAD]"}, {"lstrip", false}}}, {"additional_special_tokens", {"<absent>"}}}.dump();
        std::ofstream(dir / "tokenizer_config.json") << json{{"eos_token", "<extra>"}, {"bos_token", nullptr}}.dump();
        const auto bpe = ByteLevelBpe::fromDirectory(dir.string());
        const auto ids = bpe.encode("a[PAD]b<extra>c<absent>");
        QCOMPARE(ids, pieces({"a", 50257, "b", 50258, "c<absent>"}));
        QCOMPARE(bpe.decode(ids, true), std::string("abc<absent>"));
        bpe.save(saved.string());
        QCOMPARE(ByteLevelBpe::fromDirectory(saved.string()).decode(ids, true), std::string("abc<absent>"));
        std::ofstream(dir / "special_tokens_map.json") << json{{"pad_token", 5}}.dump();
        try {
            ByteLevelBpe::fromDirectory(dir.string());
            QFAIL("accepted a number for a token");
        } catch (const TokenizerError& e) {
            QVERIFY2(std::string(e.what()).find("special_tokens_map.json: pad_token must be a token") != std::string::npos, e.what());
        }
    }

    // transformers writes the flags of a vocab.json directory's tokens to tokenizer_config.json.
    void flagsFromTokenizerConfig() {
        const fs::path dir = tmp_ / "slow";
        fs::create_directories(dir);
        fs::copy_file(rlhf::test::dataPath("gpt2/vocab.json"), dir / "vocab.json", fs::copy_options::overwrite_existing);
        fs::copy_file(rlhf::test::dataPath("gpt2/merges.txt"), dir / "merges.txt", fs::copy_options::overwrite_existing);
        std::ofstream(dir / "added_tokens.json") << json{{"<mask>", 50257}}.dump();
        const json decoder = {{"50256", {{"content", "<|endoftext|>"}, {"lstrip", false}, {"rstrip", true}, {"special", true}}},
                              {"50257", {{"content", "<mask>"}, {"lstrip", true}, {"special", true}}},
                              {"50258", {{"content", "[SEP]"}, {"special", true}}}};
        std::ofstream(dir / "tokenizer_config.json") << json{{"added_tokens_decoder", decoder}}.dump();
        const auto bpe = ByteLevelBpe::fromDirectory(dir.string());
        QCOMPARE(bpe.vocabSize(), 50259);  // [SEP], only in the decoder, is added too
        QCOMPARE(bpe.encode("a <mask> b<|endoftext|> c[SEP]"), pieces({"a", 50257, " b", 50256, "c", 50258}));
        std::ofstream(dir / "tokenizer_config.json") << json{{"added_tokens_decoder", {{"50257", {{"content", "<mask>"}, {"lstrip", "yes"}}}}}}.dump();
        try {
            ByteLevelBpe::fromDirectory(dir.string());
            QFAIL("accepted a flag that is not a boolean");
        } catch (const TokenizerError& e) {
            QVERIFY2(std::string(e.what()).find("tokenizer_config.json: added_tokens_decoder.50257.lstrip must be true or false") !=
                         std::string::npos, e.what());
        }
        std::ofstream(dir / "tokenizer_config.json") << json{{"added_tokens_decoder", {{"50257", {{"content", "[PAD]"}}}}}}.dump();
        try {
            ByteLevelBpe::fromDirectory(dir.string());
            QFAIL("accepted two tokens for one id");
        } catch (const TokenizerError& e) {
            QVERIFY2(std::string(e.what()).find("tokenizer_config.json: added token \"[PAD]\" takes id 50257") != std::string::npos,
                     e.what());
        }
    }
};

QTEST_APPLESS_MAIN(AddedTokensTest)
#include "AddedTokensTest.moc"
