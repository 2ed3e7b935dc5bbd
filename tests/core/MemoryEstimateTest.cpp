// Memory estimates from config.json alone: parameter counts equal to the published ones (GPT-2 small,
// Qwen2-0.5B) and to the tensors the fixtures store, and the parts of each stage's estimate.
#include "model/WeightFiles.h"  // LibTorch's headers before Qt's (its `slots` macro)

#include <filesystem>
#include <fstream>

#include <QtTest>
#include <nlohmann/json.hpp>

#include "TestData.h"
#include "model/MemoryEstimate.h"

using namespace rlhf::model;
namespace fs = std::filesystem;

namespace {

fs::path configDir(const std::string& name, const nlohmann::json& config) {
    const fs::path dir = fs::temp_directory_path() / ("rlhf-memory-" + std::to_string(::getpid())) / name;
    fs::create_directories(dir);
    std::ofstream(dir / "config.json") << config.dump();
    return dir;
}

double storedParameters(const std::string& dir) {
    double n = 0;
    for (const auto& file : openWeightFiles(dir))
        for (const auto& [name, info] : file->tensors()) {
            const auto endsWith = [&](const std::string& tail) {
                return name.size() >= tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
            };
            if (endsWith(".attn.bias") || endsWith(".attn.masked_bias")) continue;  // GPT-2's causal-mask buffers
            double size = 1;
            for (int64_t d : info.shape) size *= double(d);
            n += size;
        }
    return n;
}

}  // namespace

class MemoryEstimateTest : public QObject {
    Q_OBJECT

private slots:
    void cleanupTestCase() { fs::remove_all(fs::temp_directory_path() / ("rlhf-memory-" + std::to_string(::getpid()))); }

    void publishedParameterCounts() {
        const nlohmann::json small = {{"model_type", "gpt2"}, {"vocab_size", 50257}, {"n_positions", 1024}, {"n_embd", 768},
                                      {"n_layer", 12}, {"n_head", 12}};  // GPT-2 small
        const auto gpt2 = modelShapeOf(configDir("gpt2", small).string());
        QCOMPARE(gpt2.parameters, 124439808.0);
        const nlohmann::json qwen = {{"model_type", "qwen2"}, {"vocab_size", 151936}, {"hidden_size", 896},
                                     {"intermediate_size", 4864}, {"num_hidden_layers", 24}, {"num_attention_heads", 14},
                                     {"num_key_value_heads", 2}, {"max_position_embeddings", 32768}, {"tie_word_embeddings", true},
                                     {"eos_token_id", 151643}, {"use_sliding_window", false}};
        const auto q = modelShapeOf(configDir("qwen2", qwen).string());
        QCOMPARE(q.parameters, 494032768.0);  // Qwen2-0.5B's model card
        QCOMPARE(q.family, std::string("llama"));
        QCOMPARE(q.headDim, int64_t(64));
    }

    void fixturesStoreWhatTheirConfigsCount_data() {
        QTest::addColumn<QString>("dir");
        for (const char* d : {"tiny-gpt2/policy", "tiny-llama/llama", "tiny-llama/llama3", "tiny-llama/qwen2", "tiny-llama/llama3-chat"})
            QTest::newRow(d) << QString(d);
    }
    void fixturesStoreWhatTheirConfigsCount() {
        QFETCH(QString, dir);
        const std::string path = rlhf::test::dataPath(dir.toStdString());
        QCOMPARE(modelShapeOf(path).parameters, storedParameters(path));
    }

    // Each stage's parts follow from P and the sizes: 4 bytes a weight, 4 a gradient, 8 of AdamW state, 2
    // a bf16 copy; DPO keeps a reference and twice the sequences; PPO trains two models and freezes two;
    // generation's cache is 2·L·K·D values a token.
    void stageParts() {
        ModelShape m{"llama", 1000, 64, 4, 4, 2, 16, 128, 512, 1e6};
        const auto sft = estimateStageMemory(m, {"sft", 2, 0, 100, 0, false});
        QCOMPARE(sft.weights, 4e6);
        QCOMPARE(sft.gradients, 4e6);
        QCOMPARE(sft.optimizer, 8e6);
        QCOMPARE(sft.autocast, 0.0);
        const double perToken = 4 * (6 * 64 + 2 * 6 * 16 + 3 * 128 + 2 * 4 * 100);  // a layer's values at 4 bytes
        QCOMPARE(sft.activations, 2 * 100 * 4 * perToken + 3.0 * 2 * 100 * 1000 * 4);
        const auto rm = estimateStageMemory(m, {"rm", 2, 0, 100, 0, false});
        QCOMPARE(rm.activations, 2 * 100 * 4 * perToken);  // no logits: a score head
        const auto dpo = estimateStageMemory(m, {"dpo", 1, 0, 100, 0, true});
        QCOMPARE(dpo.frozen, 0.0);  // the reference's log-probs come from the policy before its first update
        QCOMPARE(dpo.autocast, 2e6);
        QVERIFY(dpo.activations < sft.activations);  // bf16 values of 2 × 1 sequences against fp32 of 2
        const auto chat = estimateStageMemory(m, {"chat", 1, 0, 30, 10, false});
        QCOMPARE(chat.cache, 2.0 * 4 * 2 * 16 * 40 * 4);
        QCOMPARE(chat.gradients + chat.optimizer + chat.frozen, 0.0);
        ModelShape reward = m;
        reward.parameters = 5e5;
        const auto ppo = estimateStageMemory(m, {"ppo", 8, 2, 30, 10, false}, &reward);
        QCOMPARE(ppo.weights, 4e6 + 2e6);
        QCOMPARE(ppo.frozen, 4e6 + 2e6);
        QCOMPARE(ppo.cache, 2.0 * 4 * 2 * 16 * 8 * 40 * 4);
        const auto ppoWide = estimateStageMemory(m, {"ppo", 8, 8, 30, 10, false}, &reward);
        QCOMPARE(ppoWide.activations, 4 * ppo.activations);  // activations follow the update's batch
        ModelShape wideVocab = m;  // 100,000 tokens: scoring 8 rollouts' logits at once outweighs an update of 2
        wideVocab.vocab = 100000;
        const auto scoring = estimateStageMemory(wideVocab, {"ppo", 8, 2, 30, 10, false}, &reward);
        QCOMPARE(scoring.activations, 8.0 * 40 * (6 * 64 + 2 * 6 * 16 + 3 * 128 + 2 * 4 * 40 + 2 * 100000) * 4);
        QVERIFY_EXCEPTION_THROWN(estimateStageMemory(m, {"ppo", 8, 2, 30, 10, false}), std::invalid_argument);
        QVERIFY_EXCEPTION_THROWN(estimateStageMemory(m, {"dance", 1, 0, 1, 0, false}), std::invalid_argument);
    }

    void availableMemoryIsRead() {
        QVERIFY(availableMemoryBytes() > 0);
        QCOMPARE(gibibytes(1.5 * 1024 * 1024 * 1024), std::string("1.50 GiB"));
        QCOMPARE(gibibytes(1024.0 * 1024 * 1024), std::string("1.00 GiB"));
        QCOMPARE(gibibytes(93.5 * 1024 * 1024), std::string("93.5 MiB"));  // small models' sizes, not "0.09 GiB"
        QCOMPARE(gibibytes(12 * 1024), std::string("12.0 KiB"));
        QCOMPARE(gibibytes(0), std::string("0.00 GiB"));
    }
};

QTEST_APPLESS_MAIN(MemoryEstimateTest)
#include "MemoryEstimateTest.moc"
