#include "model/MambaCheckpoint.h"

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "model/CheckpointTensors.h"
#include "model/CheckpointTokenizer.h"
#include "util/AtomicDirectory.h"

namespace rlhf::model {

MambaModel loadMambaModel(const std::string& dir, const torch::Device& device) {
    const MambaConfig config = MambaConfig::fromDirectory(dir);
    CheckpointTensors stored(dir);
    MambaModel model(config);
    {
        torch::NoGradGuard noGrad;
        for (auto& p : model->named_parameters()) {
            const auto sizes = p.value().sizes();
            p.value().copy_(stored.take(p.key(), std::vector<int64_t>(sizes.begin(), sizes.end()), torch::kCPU));
        }
        if (config.tieWordEmbeddings && stored.has("lm_head.weight"))
            stored.take("lm_head.weight", {config.vocabSize, config.hiddenSize}, torch::kCPU);
    }
    stored.refuseLeftovers();
    model->to(device);
    model->eval();
    return model;
}

text::Tokenizer loadMambaTokenizer(const std::string& dir) {
    return loadCheckpointTokenizer(dir, MambaConfig::fromDirectory(dir).vocabSize);
}

namespace {

// transformers' AutoTokenizer takes a Mamba's tokenizer as GPTNeoXTokenizerFast, which reads only a
// tokenizer.json: a tokenizer saved in GPT-2's form (vocab.json, merges.txt) names its class, so that
// transformers (and a TRL job's trainer) reads it as GPT2Tokenizer does.
void nameGpt2TokenizerClass(const std::filesystem::path& dir) {
    if (std::filesystem::exists(dir / "tokenizer.json") || !std::filesystem::exists(dir / "vocab.json")) return;
    const auto file = dir / "tokenizer_config.json";
    nlohmann::ordered_json config = nlohmann::ordered_json::object();
    if (std::filesystem::exists(file)) config = nlohmann::ordered_json::parse(std::ifstream(file));
    config["tokenizer_class"] = "GPT2Tokenizer";
    std::ofstream(file, std::ios::binary) << config.dump();
}

}  // namespace

void saveMambaModel(const std::string& dir, MambaModel& model, const text::Tokenizer* tokenizer) {
    std::map<std::string, torch::Tensor> tensors;
    for (const auto& p : model->named_parameters()) tensors[p.key()] = p.value().detach().to(torch::kCPU, torch::kFloat32).contiguous();
    const MambaConfig& c = model->config();
    nlohmann::json generation = {{"eos_token_id", c.eosTokenIds.size() == 1 ? nlohmann::json(c.eosTokenIds[0]) : nlohmann::json(c.eosTokenIds)}};
    if (c.bosTokenId >= 0) generation["bos_token_id"] = c.bosTokenId;
    if (c.padTokenId >= 0) generation["pad_token_id"] = c.padTokenId;
    writeDirectoryAtomically(dir, [&](const std::string& tmpDir) {
        const std::filesystem::path tmp(tmpDir);
        saveSafetensors((tmp / "model.safetensors").string(), tensors, {{"format", "pt"}});
        std::ofstream(tmp / "config.json") << c.toJson().dump(2) << '\n';
        std::ofstream(tmp / "generation_config.json") << generation.dump(2) << '\n';
        if (!tokenizer) return;
        tokenizer->save(tmp.string());
        nameGpt2TokenizerClass(tmp);
    });
}

}  // namespace rlhf::model
