#include "model/HfCheckpoint.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "model/Safetensors.h"
#include "util/FileSync.h"

namespace rlhf::model {

namespace fs = std::filesystem;

namespace {

bool isConv1dWeight(const std::string& name) {
    return name.ends_with("attn.c_attn.weight") || name.ends_with("attn.c_proj.weight") ||
           name.ends_with("mlp.c_fc.weight") || name.ends_with("mlp.c_proj.weight");
}

bool isIgnoredKey(const std::string& name) {
    return name.ends_with(".attn.bias") || name.ends_with(".attn.masked_bias") || name == "lm_head.weight";
}

std::string shapeText(c10::IntArrayRef shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? "," : "") + std::to_string(shape[i]);
    return s + "]";
}

// Copies every tensor of `file` into `model` (and `score`), checking names and shapes.
void loadWeights(const SafetensorsFile& file, Gpt2Model& model, torch::Tensor& score) {
    auto params = model->named_parameters();
    std::set<std::string> seen;
    torch::NoGradGuard noGrad;
    for (const auto& [key, info] : file.tensors()) {
        const std::string name = key.starts_with("transformer.") ? key.substr(12) : key;
        if (isIgnoredKey(name)) continue;
        if (info.dtype != "F32" && info.dtype != "F16" && info.dtype != "BF16" && info.dtype != "F64")
            throw std::invalid_argument(file.path() + ": tensor '" + key + "' has dtype " + info.dtype +
                                        " (expected F32, F16 or BF16)");
        torch::Tensor t = file.load(key).to(torch::kFloat32);
        if (name == "score.weight") {
            score = t;
            continue;
        }
        torch::Tensor* target = params.find(name);
        if (!target) throw std::invalid_argument(file.path() + ": unexpected tensor '" + key + "' for a GPT-2 model");
        if (isConv1dWeight(name) && t.dim() == 2) t = t.t();
        if (t.sizes() != target->sizes())
            throw std::invalid_argument(file.path() + ": tensor '" + key + "' has shape " + shapeText(t.sizes()) +
                                        " but config.json implies " +
                                        shapeText(isConv1dWeight(name) ? target->t().sizes() : target->sizes()));
        target->copy_(t);
        seen.insert(name);
    }
    for (const auto& p : params)
        if (!seen.count(p.key())) throw std::invalid_argument(file.path() + ": missing tensor '" + p.key() + "'");
}

}  // namespace

LoadedModel loadCheckpoint(const std::string& dir, const torch::Device& device, bool requireTokenizer) {
    if (!fs::is_directory(dir)) throw std::invalid_argument(dir + ": not a model directory");
    const Gpt2Config config = Gpt2Config::fromFile((fs::path(dir) / "config.json").string());
    LoadedModel loaded;
    loaded.model = Gpt2Model(config);
    loadWeights(SafetensorsFile((fs::path(dir) / "model.safetensors").string()), loaded.model, loaded.score);
    if (loaded.score.defined() && (loaded.score.dim() != 2 || loaded.score.size(1) != config.nEmbd))
        throw std::invalid_argument(dir + "/model.safetensors: score.weight must be [num_labels, n_embd]");
    const bool hasTokenizer = fs::exists(fs::path(dir) / "tokenizer.json") || fs::exists(fs::path(dir) / "vocab.json");
    if (hasTokenizer || requireTokenizer) {
        loaded.tokenizer.emplace(text::ByteLevelBpe::fromDirectory(dir));
        if (loaded.tokenizer->vocabSize() > config.vocabSize)
            throw std::invalid_argument(dir + ": the tokenizer has " + std::to_string(loaded.tokenizer->vocabSize()) +
                                        " tokens but config.json vocab_size is " + std::to_string(config.vocabSize));
    }
    loaded.model->to(device);
    if (loaded.score.defined()) loaded.score = loaded.score.to(device);
    loaded.model->eval();
    return loaded;
}

void saveCheckpoint(const std::string& dir, Gpt2Model& model, const text::ByteLevelBpe* tokenizer,
                    const torch::Tensor& score) {
    const fs::path target = fs::absolute(dir);
    const fs::path tmp = target.parent_path() / (target.filename().string() + ".tmp-" + std::to_string(std::random_device{}()));
    fs::create_directories(tmp);
    const Gpt2Config& c = model->config();
    std::map<std::string, torch::Tensor> tensors;
    for (const auto& p : model->named_parameters()) {
        torch::Tensor t = p.value().detach().to(torch::kCPU, torch::kFloat32);
        tensors["transformer." + p.key()] = isConv1dWeight(p.key()) ? t.t().contiguous() : t;
    }
    if (score.defined()) tensors["score.weight"] = score.detach().to(torch::kCPU, torch::kFloat32);
    saveSafetensors((tmp / "model.safetensors").string(), tensors, {{"format", "pt"}});
    const std::string arch = score.defined() ? "GPT2ForSequenceClassification" : "GPT2LMHeadModel";
    std::ofstream(tmp / "config.json") << c.toJson(arch).dump(2) << '\n';
    std::ofstream(tmp / "generation_config.json")
        << nlohmann::json{{"bos_token_id", c.bosTokenId}, {"eos_token_id", c.eosTokenId}}.dump(2) << '\n';
    if (tokenizer) tokenizer->save(tmp.string());
    for (const auto& entry : fs::directory_iterator(tmp)) fsyncPath(entry.path().string());
    fsyncPath(tmp.string());
    if (fs::exists(target)) {
        const fs::path old = target.parent_path() / (target.filename().string() + ".old");
        fs::remove_all(old);
        fs::rename(target, old);
        fs::rename(tmp, target);
        fs::remove_all(old);
    } else {
        fs::rename(tmp, target);
    }
    fsyncPath(target.parent_path().string());
}

}  // namespace rlhf::model
