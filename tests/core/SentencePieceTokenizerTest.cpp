// SentencePiece tokenizers (tokenizer.model, read by the workbench's own parser and BPE) as transformers'
// Llama tokenizer runs them, against ids and decoded texts from Hugging Face's tokenizers.js on the
// tokenizer.json files converted from the same model (tests/data/tokenizers/sentencepiece:
// make_sentencepiece.py writes the files, reference_ids.mjs the expectations): the legacy form (a "▁"
// before every stretch between added tokens, Llama-2 and TinyLlama) and Metaspace's prepend_scheme
// "first"; and the BPE itself against Debian's libsentencepiece on random texts.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include <QtTest>
#include <nlohmann/json.hpp>

#include "TestData.h"
#include "TestPrinters.h"
#include "text/SentencePieceBpe.h"
#include "text/SentencePieceModelProto.h"
#include "text/Tokenizer.h"

#ifdef RLHF_HAVE_SENTENCEPIECE
#include <sentencepiece_processor.h>
#endif

using nlohmann::json;
using rlhf::text::SentencePieceTokenizer;
using rlhf::text::Tokenizer;
namespace fs = std::filesystem;

namespace {

std::string spDir(const std::string& form) { return rlhf::test::dataPath("tokenizers/sentencepiece/" + form); }

json expected() { return json::parse(rlhf::test::readData("tokenizers/sentencepiece/expected.json")); }

fs::path freshDir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("rlhf-sp-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

}  // namespace

class SentencePieceTokenizerTest : public QObject {
    Q_OBJECT

private slots:
    void referenceIds_data() {
        QTest::addColumn<QString>("form");
        QTest::addColumn<int>("index");
        const json all = expected();
        for (const auto& [form, cases] : all.items())
            for (size_t i = 0; i < cases.size(); ++i)
                QTest::newRow((form + "/" + std::to_string(i)).c_str()) << QString::fromStdString(form) << static_cast<int>(i);
    }

    // encode, encode with <s> first (add_bos_token), decode with and without the special tokens.
    void referenceIds() {
        QFETCH(QString, form);
        QFETCH(int, index);
        const json c = expected()[form.toStdString()][static_cast<size_t>(index)];
        const Tokenizer tokenizer = Tokenizer::fromDirectory(spDir(form.toStdString()));
        QVERIFY(tokenizer.sentencePiece() != nullptr);
        const std::string text = c["text"];
        const auto ids = c["ids"].get<std::vector<int>>();
        QCOMPARE(tokenizer.encode(text), ids);
        QCOMPARE(tokenizer.encodeWithSpecialTokens(text), c["ids_with_special_tokens"].get<std::vector<int>>());
        QCOMPARE(tokenizer.decode(ids), c["decoded"].get<std::string>());
        QCOMPARE(tokenizer.decode(ids, /*skipSpecialTokens=*/true), c["decoded_skipping_special"].get<std::string>());
    }

    // Without a tokenizer.json, tokenizer_config.json decides as transformers' converter does: no `legacy`
    // key is the legacy form.
    void modelWithoutTokenizerJsonIsTheLegacyForm() {
        const Tokenizer tokenizer = Tokenizer::fromDirectory(spDir("model-only"));
        QCOMPARE(tokenizer.sentencePiece()->prefix(), SentencePieceTokenizer::Prefix::EveryStretch);
        const json all = expected();
        for (const auto& c : all["legacy"]) {
            QCOMPARE(tokenizer.encode(c["text"].get<std::string>()), c["ids"].get<std::vector<int>>());
            QCOMPARE(tokenizer.encodeWithSpecialTokens(c["text"].get<std::string>()), c["ids_with_special_tokens"].get<std::vector<int>>());
        }
        const fs::path dir = freshDir("first-by-config");
        fs::copy_file(fs::path(spDir("model-only")) / "tokenizer.model", dir / "tokenizer.model");
        std::ofstream(dir / "tokenizer_config.json") << R"({"legacy": false, "add_bos_token": false, "add_eos_token": true})";
        const Tokenizer first = Tokenizer::fromDirectory(dir.string());
        QCOMPARE(first.sentencePiece()->prefix(), SentencePieceTokenizer::Prefix::FirstUnspacedStretch);
        const json c = expected()["first"][8];
        QCOMPARE(c["text"].get<std::string>(), std::string("<s>Hello world</s>"));
        QCOMPARE(first.encode(c["text"].get<std::string>()), c["ids"].get<std::vector<int>>());
        std::vector<int> withEos = c["ids"].get<std::vector<int>>();
        withEos.push_back(2);
        QCOMPARE(first.encodeWithSpecialTokens(c["text"].get<std::string>()), withEos);
        fs::remove_all(dir);
    }

    // A continuation (a response after its prompt) gets no "▁" of its own: its ids are those the whole text
    // has after the prompt's, in both forms; a text that starts with a special token is no continuation.
    void continuationsEncodeAsPartOfTheWhole() {
        const json all = expected();
        for (const char* form : {"legacy", "first"}) {
            const Tokenizer tokenizer = Tokenizer::fromDirectory(spDir(form));
            const auto whole = all[form][0]["ids"].get<std::vector<int>>();  // "Hello world"
            std::vector<int> joined = tokenizer.encode("Hello");
            const auto rest = tokenizer.encodeContinuation(" world");
            joined.insert(joined.end(), rest.begin(), rest.end());
            QCOMPARE(joined, whole);
            QCOMPARE(tokenizer.decode(rest), std::string(" world").substr(1));  // decode drops a text's first space
            QCOMPARE(tokenizer.tokenBytes(rest.front()), std::string(" ") + tokenizer.decode({rest.front()}));
        }
        const Tokenizer legacy = Tokenizer::fromDirectory(spDir("legacy"));
        const auto afterToken = legacy.encodeContinuation("</s>Hi");  // the stretch after </s> has its prefix
        QCOMPARE(afterToken, legacy.encode("</s>Hi"));
    }

    void vocabularyAndTokenIds() {
        const Tokenizer tokenizer = Tokenizer::fromDirectory(spDir("legacy"));
        QCOMPARE(tokenizer.vocabSize(), 384);
        QCOMPARE(tokenizer.tokenId("<unk>"), 0);
        QCOMPARE(tokenizer.tokenId("<s>"), 1);
        QCOMPARE(tokenizer.tokenId("</s>"), 2);
        QCOMPARE(tokenizer.tokenId("<0x0A>"), 13);  // the byte pieces follow the three specials
        QCOMPARE(tokenizer.tokenId("no such piece"), -1);
        QCOMPARE(tokenizer.endOfTextId(), -1);
        QCOMPARE(tokenizer.kind(), std::string("SentencePiece"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tokenizer.encode("bad \xff byte"));
    }

    // save copies the model and its side files and removes the byte-level form's files, which would be read
    // instead; the copy encodes as the original.
    void saveCopiesTheModelAndSideFiles() {
        const fs::path dir = freshDir("save");
        std::ofstream(dir / "vocab.json") << "{}";
        std::ofstream(dir / "merges.txt") << "#version: 0.2\n";
        const Tokenizer tokenizer = Tokenizer::fromDirectory(spDir("first"));
        tokenizer.save(dir.string());
        QVERIFY(!fs::exists(dir / "vocab.json"));
        QVERIFY(!fs::exists(dir / "merges.txt"));
        for (const char* name : {"tokenizer.model", "tokenizer.json", "tokenizer_config.json"}) QVERIFY(fs::exists(dir / name));
        const Tokenizer reloaded = Tokenizer::fromDirectory(dir.string());
        const json all = expected();
        for (const auto& c : all["first"])
            QCOMPARE(reloaded.encode(c["text"].get<std::string>()), c["ids"].get<std::vector<int>>());
        reloaded.save(dir.string());  // onto the files it was read from: nothing lost
        for (const char* name : {"tokenizer.model", "tokenizer.json", "tokenizer_config.json"})
            QCOMPARE(rlhf::test::readData(std::string("tokenizers/sentencepiece/first/") + name),
                     std::string(std::istreambuf_iterator<char>(std::ifstream(dir / name, std::ios::binary).rdbuf()), {}));
        fs::remove_all(dir);
    }

    // A SentencePiece tokenizer.json without its tokenizer.model, and a damaged model file, are refused
    // naming the file.
    void unusableFilesAreRefusedByName() {
        const fs::path dir = freshDir("refused");
        fs::copy_file(fs::path(spDir("legacy")) / "tokenizer.json", dir / "tokenizer.json");
        try {
            Tokenizer::fromDirectory(dir.string());
            QFAIL("a SentencePiece tokenizer.json alone was read");
        } catch (const rlhf::text::TokenizerError& e) {
            QVERIFY2(std::string(e.what()).find("tokenizer.model") != std::string::npos, e.what());
        }
        std::ofstream(dir / "tokenizer.model", std::ios::binary) << std::string("\x0a\xff\xff\xff", 4);
        try {
            Tokenizer::fromDirectory(dir.string());
            QFAIL("a damaged tokenizer.model was read");
        } catch (const rlhf::text::TokenizerError& e) {
            QVERIFY2(std::string(e.what()).find((dir / "tokenizer.model").string()) != std::string::npos, e.what());
        }
        fs::remove_all(dir);
    }

    // The model file's fields, read without a protobuf library.
    void modelFileFields() {
        const auto model = rlhf::text::parseSentencePieceModel(
            rlhf::test::readData("tokenizers/sentencepiece/legacy/tokenizer.model"), "legacy");
        using Type = rlhf::text::SentencePieceModelProto::PieceType;
        QCOMPARE(model.pieces.size(), size_t(384));
        QCOMPARE(model.pieces[1].text, std::string("<s>"));
        QVERIFY(model.pieces[1].type == Type::Control);
        QVERIFY(model.pieces[0].type == Type::Unknown);
        QCOMPARE(model.pieces[3].text, std::string("<0x00>"));
        QVERIFY(model.pieces[258].type == Type::Byte);
        QVERIFY(model.pieces[259].type == Type::Normal);
        QVERIFY(model.pieces[259].score > model.pieces[300].score);  // merges in order of score
        QVERIFY(model.modelType == rlhf::text::SentencePieceModelProto::ModelType::Bpe);
        QVERIFY(model.byteFallback);
        QVERIFY(model.addDummyPrefix);
        QVERIFY(!model.removeExtraWhitespaces);
        QVERIFY(!model.hasCharsMap);
        QCOMPARE(model.normalizerName, std::string("identity"));
        const auto variant = rlhf::text::parseSentencePieceModel(
            rlhf::test::readData("tokenizers/sentencepiece/variant/tokenizer.model"), "variant");
        QVERIFY(!variant.byteFallback);
        QVERIFY(variant.removeExtraWhitespaces);
        QVERIFY(variant.pieces[3].type == Type::UserDefined);
        QVERIFY_THROWS_EXCEPTION(rlhf::text::TokenizerError, rlhf::text::parseSentencePieceModel("\x0a\xff", "bad"));
    }

#ifdef RLHF_HAVE_SENTENCEPIECE
    // The workbench's BPE against Debian's libsentencepiece on both fixture models: the reference texts
    // and 400 random ones (spaces in runs, newlines, digits, accents, CJK, emoji, user-defined pieces).
    void encodesAsLibSentencePiece() {
        std::vector<std::string> texts;
        const json all = expected();
        for (const auto& c : all["legacy"]) texts.push_back(c["text"]);
        const std::vector<std::string> alphabet = {"a", "e", "t", "h", "o", " ", " ", "  ", "\n", "\t", "1", "2", ".", ",",
                                                   "The", " the", "Hello", "\xC3\xA9", "\xE6\x9D\xB1", "\xF0\x9F\x99\x82",
                                                   "<|user|>", "##", "\xE2\x96\x81", "Zq"};
        std::mt19937 random(7);
        for (int i = 0; i < 400; ++i) {
            std::string text;
            for (int n = static_cast<int>(random() % 24); n > 0; --n) text += alphabet[random() % alphabet.size()];
            texts.push_back(text);
        }
        for (const char* name : {"legacy", "variant"}) {
            const std::string path = spDir(name) + "/tokenizer.model";
            sentencepiece::SentencePieceProcessor reference;
            QVERIFY(reference.Load(path).ok());
            const rlhf::text::SentencePieceBpe ours(rlhf::text::parseSentencePieceModel(rlhf::test::readData(
                                                        std::string("tokenizers/sentencepiece/") + name + "/tokenizer.model"), path),
                                                    path);
            for (const auto& text : texts) {
                std::vector<int> want;
                QVERIFY(reference.Encode(text, &want).ok());
                QVERIFY2(ours.encode(text, true) == want, qPrintable(QString("%1: \"%2\"").arg(name, QString::fromStdString(text))));
            }
        }
    }
#else
    void encodesAsLibSentencePiece() { QSKIP("built without libsentencepiece (Debian: libsentencepiece-dev), the reference"); }
#endif
};

QTEST_GUILESS_MAIN(SentencePieceTokenizerTest)
#include "SentencePieceTokenizerTest.moc"
