// Hugging Face checkpoint directories and safetensors: round trips, key layouts, dtypes, bad files.
// torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "TestData.h"
#include "TestPrinters.h"
#include "model/Generation.h"
#include "model/HfCheckpoint.h"
#include "model/Safetensors.h"

using namespace rlhf::model;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

void writeRaw(const fs::path& path, const std::string& header, size_t dataBytes) {
    std::ofstream out(path, std::ios::binary);
    uint64_t n = header.size();
    for (int i = 0; i < 8; ++i) out.put(static_cast<char>((n >> (8 * i)) & 0xFF));
    out << header << std::string(dataBytes, '\0');
}

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

class CheckpointTest : public QObject {
    Q_OBJECT
    fs::path tmp_;
    fs::path policy_;

    fs::path freshDir(const std::string& name) {
        const fs::path d = tmp_ / name;
        fs::remove_all(d);
        fs::create_directories(d);
        for (const auto& f : {"config.json", "model.safetensors"}) fs::copy_file(policy_ / f, d / f);
        for (const auto& f : {"vocab.json", "merges.txt"}) fs::copy_file(rlhf::test::dataPath("gpt2/") + f, d / f);
        return d;
    }
    // Rewrites d/model.safetensors through `edit` (name -> tensor map).
    void rewriteWeights(const fs::path& d, const std::function<void(std::map<std::string, torch::Tensor>&)>& edit) {
        std::map<std::string, torch::Tensor> tensors;
        {
            SafetensorsFile f((d / "model.safetensors").string());
            for (const auto& [name, info] : f.tensors()) tensors[name] = f.load(name);
        }
        edit(tensors);
        saveSafetensors((d / "model.safetensors").string(), tensors);
    }
    void expectLoadError(const fs::path& d, const std::string& needle) {
        const std::string what = errorOf([&] { loadCheckpoint(d.string()); });
        QVERIFY2(what.find(needle) != std::string::npos, what.c_str());
    }

private slots:
    void initTestCase() {
        tmp_ = fs::temp_directory_path() / ("rlhf-ckpt-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
        policy_ = rlhf::test::dataPath("tiny-gpt2/policy");
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void saveLoadIsBitIdentical() {
        auto a = loadCheckpoint(freshDir("a").string());
        saveCheckpoint((tmp_ / "saved").string(), a.model, &*a.tokenizer, torch::randn({1, 32}));
        auto b = loadCheckpoint((tmp_ / "saved").string());
        for (const auto& p : a.model->named_parameters())
            QVERIFY2(torch::equal(p.value(), b.model->named_parameters()[p.key()]), p.key().c_str());
        QVERIFY(b.score.defined());
        std::ifstream in(tmp_ / "saved" / "config.json");
        const json saved = json::parse(in);
        QCOMPARE(saved["architectures"][0].get<std::string>(), std::string("GPT2ForSequenceClassification"));
        QCOMPARE(saved["n_embd"].get<int>(), 32);
        QVERIFY(fs::exists(tmp_ / "saved" / "generation_config.json"));
        SafetensorsFile f((tmp_ / "saved" / "model.safetensors").string());
        QCOMPARE(f.tensors().at("transformer.h.0.attn.c_attn.weight").shape, (std::vector<int64_t>{32, 96}));
    }

    // A classifier's pad_token_id is never the id its scored rows end with (transformers reads a row at its
    // last token that is not padding): a pad equal to it is replaced by EOS; any other pad is kept.
    void aClassifierPadIsNotTheScoredEnd() {
        auto a = loadCheckpoint(freshDir("pad").string());
        auto config = a.model->config();
        const auto savedPad = [&](int pad, int scoredEnd) {
            const_cast<Gpt2Config&>(a.model->config()).padTokenId = pad;
            saveCheckpoint((tmp_ / "pad-saved").string(), a.model, &*a.tokenizer, torch::randn({1, 32}), scoredEnd);
            return json::parse(std::ifstream(tmp_ / "pad-saved" / "config.json"))["pad_token_id"];
        };
        QVERIFY(config.eosTokenId >= 0 && config.eosTokenId != 7);
        QCOMPARE(savedPad(7, 7).get<int>(), config.eosTokenId);
        QCOMPARE(savedPad(7, 9).get<int>(), 7);
        QCOMPARE(savedPad(7, -1).get<int>(), 7);
        QVERIFY(savedPad(-1, 7).is_null());
        const_cast<Gpt2Config&>(a.model->config()).padTokenId = config.padTokenId;
    }

    void hubKeyLayoutAndHalfPrecision() {
        const fs::path d = freshDir("hub");
        rewriteWeights(d, [](auto& t) {
            std::map<std::string, torch::Tensor> renamed;
            for (auto& [k, v] : t) renamed[k.substr(12)] = v.to(torch::kBFloat16);  // drop "transformer."
            renamed["h.0.attn.bias"] = torch::ones({1, 1, 64, 64});                    // mask buffer: ignored
            t = renamed;
        });
        auto hub = loadCheckpoint(d.string());
        auto ref = loadCheckpoint(freshDir("ref").string());
        const auto w = hub.model->named_parameters()["h.1.mlp.c_fc.weight"];
        QVERIFY(torch::allclose(w, ref.model->named_parameters()["h.1.mlp.c_fc.weight"], 1e-2, 1e-2));
        QVERIFY(!torch::equal(w, ref.model->named_parameters()["h.1.mlp.c_fc.weight"]));  // really went through bf16
    }

    // save_pretrained's sharded layout: model.safetensors.index.json names the shard of every tensor.
    void shardedWeights() {
        const fs::path d = freshDir("sharded");
        std::map<std::string, torch::Tensor> first, second;
        json index = {{"metadata", {{"total_size", 0}}}, {"weight_map", json::object()}};
        {
            SafetensorsFile f((d / "model.safetensors").string());
            for (const auto& [name, info] : f.tensors()) {
                const bool early = name.find(".h.0.") != std::string::npos || name.find("wte") != std::string::npos;
                (early ? first : second)[name] = f.load(name);
                index["weight_map"][name] = early ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors";
            }
        }
        QVERIFY(!first.empty() && !second.empty());
        fs::remove(d / "model.safetensors");
        saveSafetensors((d / "model-00001-of-00002.safetensors").string(), first);
        saveSafetensors((d / "model-00002-of-00002.safetensors").string(), second);
        std::ofstream(d / "model.safetensors.index.json") << index.dump();
        auto sharded = loadCheckpoint(d.string());
        auto ref = loadCheckpoint(freshDir("ref-sharded").string());
        for (const auto& p : ref.model->named_parameters())
            QVERIFY2(torch::equal(p.value(), sharded.model->named_parameters()[p.key()]), p.key().c_str());
        // The index must tell the truth and name files inside the directory.
        index["weight_map"]["transformer.ln_f.bias"] = "model-00001-of-00002.safetensors";
        std::ofstream(d / "model.safetensors.index.json") << index.dump();
        expectLoadError(d, "tensor 'transformer.ln_f.bias' is not in model-00001-of-00002.safetensors");
        index["weight_map"]["transformer.ln_f.bias"] = "../model-00002-of-00002.safetensors";
        std::ofstream(d / "model.safetensors.index.json") << index.dump();
        expectLoadError(d, "which is not a file in the model directory");
        std::ofstream(d / "model.safetensors.index.json") << R"({"metadata": {}})";
        expectLoadError(d, "model.safetensors.index.json: missing field weight_map");
        fs::remove(d / "model.safetensors.index.json");
        expectLoadError(d, "model.safetensors: no such file");
        std::ofstream(d / "pytorch_model.bin") << "a pickle";
        expectLoadError(d, "pytorch_model.bin: only safetensors weights are read");
    }

    // GPT-2's output layer is the token embeddings: lm_head.weight alone stands for both; a different
    // lm_head.weight is an untied model, refused rather than silently dropped.
    void tiedOutputLayer() {
        auto ref = loadCheckpoint(freshDir("ref-head").string());
        fs::path d = freshDir("head-only");
        rewriteWeights(d, [](auto& t) {
            t["lm_head.weight"] = t["transformer.wte.weight"];
            t.erase("transformer.wte.weight");
        });
        QVERIFY(torch::equal(loadCheckpoint(d.string()).model->wte->weight, ref.model->wte->weight));
        d = freshDir("head-same");
        rewriteWeights(d, [](auto& t) { t["lm_head.weight"] = t["transformer.wte.weight"].clone(); });
        QVERIFY(torch::equal(loadCheckpoint(d.string()).model->wte->weight, ref.model->wte->weight));
        d = freshDir("head-untied");
        rewriteWeights(d, [](auto& t) { t["lm_head.weight"] = t["transformer.wte.weight"] + 1; });
        expectLoadError(d, "the output layer is not tied to the token embeddings, but config.json does not set "
                           "tie_word_embeddings to false");
        d = freshDir("twice");
        rewriteWeights(d, [](auto& t) { t["ln_f.bias"] = t["transformer.ln_f.bias"]; });
        expectLoadError(d, "tensor 'transformer.ln_f.bias' is also stored as 'ln_f.bias'");
    }

    // tie_word_embeddings false: lm_head.weight is the output layer's own weight, in logits, in the CPU
    // decoder's greedy steps, and saved back under its own name.
    void untiedOutputLayer() {
        const fs::path d = freshDir("untied");
        torch::manual_seed(9);
        torch::Tensor head;
        rewriteWeights(d, [&](auto& t) {
            head = t["transformer.wte.weight"] + 0.05 * torch::randn_like(t["transformer.wte.weight"]);
            t["lm_head.weight"] = head;
        });
        json config = json::parse(std::ifstream(d / "config.json"));
        config["tie_word_embeddings"] = false;
        std::ofstream(d / "config.json") << config.dump();
        auto untied = loadCheckpoint(d.string());
        auto tied = loadCheckpoint(freshDir("tied").string());
        QVERIFY(untied.model->lm_head && !tied.model->lm_head);
        QVERIFY(torch::equal(untied.model->outputWeight(), head));
        QVERIFY(torch::equal(untied.model->wte->weight, tied.model->wte->weight));
        const std::vector<int> prompt = {464, 2068, 7586, 21831};
        const auto ids = torch::tensor(std::vector<int64_t>(prompt.begin(), prompt.end())).unsqueeze(0);
        torch::NoGradGuard noGrad;
        const auto logits = untied.model->forward(ids);  // [1,T,V]
        QVERIFY((logits - torch::matmul(untied.model->hidden(ids), head.t())).abs().max().item<double>() < 1e-5);
        QVERIFY((logits - tied.model->forward(ids)).abs().max().item<double>() > 1e-3);
        // Greedy generation (the CPU decoder after the prompt) agrees with step-by-step forward passes.
        SamplingOptions o;
        o.greedy = true;
        o.maxNewTokens = 4;
        o.stopAtEos = false;
        const auto generated = generate(untied.model, {prompt}, o)[0].ids;
        auto sequence = prompt;
        for (int step = 0; step < 4; ++step) {
            const auto x = torch::tensor(std::vector<int64_t>(sequence.begin(), sequence.end())).unsqueeze(0);
            sequence.push_back(static_cast<int>(untied.model->forward(x)[0][-1].argmax().item<int64_t>()));
        }
        QCOMPARE(generated, std::vector<int>(sequence.begin() + 4, sequence.end()));
        saveCheckpoint((tmp_ / "untied-saved").string(), untied.model, &*untied.tokenizer);
        SafetensorsFile saved((tmp_ / "untied-saved" / "model.safetensors").string());
        QVERIFY(saved.contains("lm_head.weight") && !saved.contains("transformer.lm_head.weight"));
        QVERIFY(!json::parse(std::ifstream(tmp_ / "untied-saved" / "config.json"))["tie_word_embeddings"].get<bool>());
        QVERIFY(torch::equal(loadCheckpoint((tmp_ / "untied-saved").string()).model->forward(ids), logits));
        rewriteWeights(d, [](auto& t) { t.erase("lm_head.weight"); });
        expectLoadError(d, "missing tensor 'lm_head.weight'");
    }

    // What TRL makes of GPT-2: a [PAD] token added (added_tokens.json) and the embeddings resized to 50258.
    void addedPadTokenAndResizedEmbeddings() {
        const fs::path d = freshDir("pad");
        rewriteWeights(d, [](auto& t) {
            auto& wte = t["transformer.wte.weight"];
            wte = torch::cat({wte, torch::zeros({1, wte.size(1)})});
        });
        json config = json::parse(std::ifstream(d / "config.json"));
        config["vocab_size"] = 50258;
        config["pad_token_id"] = 50257;
        std::ofstream(d / "config.json") << config.dump();
        std::ofstream(d / "added_tokens.json") << R"({"[PAD]": 50257})";
        auto padded = loadCheckpoint(d.string());
        QCOMPARE(padded.model->config().padTokenId, 50257);
        QCOMPARE(padded.tokenizer->encode("[PAD]"), std::vector<int>{50257});
        saveCheckpoint((tmp_ / "pad-saved").string(), padded.model, &*padded.tokenizer);
        QVERIFY(fs::exists(tmp_ / "pad-saved" / "added_tokens.json"));
        auto again = loadCheckpoint((tmp_ / "pad-saved").string());
        QCOMPARE(again.tokenizer->decode({50257, 50256}), std::string("[PAD]<|endoftext|>"));
        QVERIFY(torch::equal(again.model->wte->weight, padded.model->wte->weight));
    }

    void badCheckpoints() {
        fs::path d = freshDir("shape");
        rewriteWeights(d, [](auto& t) { t["transformer.h.0.mlp.c_fc.weight"] = torch::zeros({32, 100}); });
        expectLoadError(d, "tensor 'transformer.h.0.mlp.c_fc.weight' has shape [100,32] but config.json implies [32,128]");
        d = freshDir("missing");
        rewriteWeights(d, [](auto& t) { t.erase("transformer.ln_f.weight"); });
        expectLoadError(d, "missing tensor 'ln_f.weight'");
        d = freshDir("extra");
        rewriteWeights(d, [](auto& t) { t["transformer.h.9.attn.c_attn.weight"] = torch::zeros({1}); });
        expectLoadError(d, "unexpected tensor 'transformer.h.9.attn.c_attn.weight'");
        d = freshDir("int");
        rewriteWeights(d, [](auto& t) { t["transformer.ln_f.bias"] = torch::zeros({32}, torch::kInt32); });
        expectLoadError(d, "has dtype I32");
        d = freshDir("config");
        std::ofstream(d / "config.json") << R"({"vocab_size": 50257, "n_positions": 64, "n_layer": 2, "n_head": 4})";
        expectLoadError(d, "config.json: missing field n_embd");
        std::ofstream(d / "config.json") << R"({"vocab_size": 50257, "n_positions": 64, "n_embd": "32", "n_layer": 2, "n_head": 4})";
        expectLoadError(d, "config.json: field n_embd must be an integer");
        std::ofstream(d / "config.json") << R"({"vocab_size": 50257, "n_positions": 64, "n_embd": 30, "n_layer": 2, "n_head": 4})";
        expectLoadError(d, "n_embd 30 is not divisible by n_head 4");
        std::ofstream(d / "config.json") << R"({"vocab_size": 50257, "n_positions": 64, "n_embd": 32, "n_layer": 20000000, "n_head": 4})";
        expectLoadError(d, "config.json: describes a model of 254081610336 parameters, far more than the ");  // before allocating them
        std::ofstream(d / "config.json") << "{";
        expectLoadError(d, "config.json: invalid JSON");
        expectLoadError(tmp_ / "nowhere", "not a model directory");
    }

    void badSafetensors_data() {
        QTest::addColumn<QString>("header");
        QTest::addColumn<int>("dataBytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("offsets-outside") << R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}})" << 8
                                         << "lie outside the 8-byte data area";
        QTest::newRow("size-mismatch") << R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,16]}})" << 16
                                       << "dtype F32 x shape needs 12 bytes but data_offsets span 16";
        QTest::newRow("unknown-dtype") << R"({"a":{"dtype":"F8","shape":[1],"data_offsets":[0,1]}})" << 1
                                       << "unknown dtype \"F8\"";
        QTest::newRow("overlap") << R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})"
                                 << 12 << "overlap";
        QTest::newRow("overlap-past-an-empty-tensor")
            << R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]},"b":{"dtype":"F32","shape":[0],"data_offsets":[4,4]},)"
               R"("c":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})"
            << 16 << "tensors 'a' and 'c' overlap";
        QTest::newRow("not-json") << "{nope" << 0 << "header is not valid JSON";
        QTest::newRow("missing-field") << R"({"a":{"dtype":"F32","shape":[1]}})" << 4 << "needs dtype, shape and data_offsets";
        QTest::newRow("negative-dim") << R"({"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})" << 4
                                      << "invalid dimension -1";
    }
    void badSafetensors() {
        QFETCH(QString, header);
        QFETCH(int, dataBytes);
        QFETCH(QString, expected);
        const fs::path p = tmp_ / "bad.safetensors";
        writeRaw(p, header.toStdString(), static_cast<size_t>(dataBytes));
        const std::string what = errorOf([&] { SafetensorsFile f(p.string()); });
        QVERIFY2(what.find(expected.toStdString()) != std::string::npos, what.c_str());
        QVERIFY2(what.find("bad.safetensors") != std::string::npos, what.c_str());
    }

    void truncatedAndLyingHeaderLength() {
        const fs::path p = tmp_ / "short.safetensors";
        std::ofstream(p, std::ios::binary) << "abc";
        QVERIFY(errorOf([&] { SafetensorsFile f(p.string()); }).find("too short") != std::string::npos);
        std::ofstream out(p, std::ios::binary);
        const char len[8] = {'\xff', '\xff', 0, 0, 0, 0, 0, 0};
        out.write(len, 8);
        out << "{}";
        out.close();
        QVERIFY(errorOf([&] { SafetensorsFile f(p.string()); }).find("exceeds the file size") != std::string::npos);
        const fs::path d = freshDir("truncated");
        fs::resize_file(d / "model.safetensors", fs::file_size(d / "model.safetensors") - 100);
        expectLoadError(d, "lie outside");
    }
};

QTEST_APPLESS_MAIN(CheckpointTest)
#include "CheckpointTest.moc"
