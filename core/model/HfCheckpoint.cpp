#include "model/HfCheckpoint.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "model/LlamaConfig.h"
#include "model/MambaConfig.h"
#include "model/Scoring.h"
#include "model/Safetensors.h"
#include "model/WeightFiles.h"
#include "util/AtomicDirectory.h"

namespace rlhf::model {

namespace fs = std::filesystem;

namespace {

bool isConv1dWeight(const std::string& name) {
    return name.ends_with("attn.c_attn.weight") || name.ends_with("attn.c_proj.weight") ||
           name.ends_with("mlp.c_fc.weight") || name.ends_with("mlp.c_proj.weight");
}

bool isIgnoredKey(const std::string& name) {
    return name.ends_with(".attn.bias") || name.ends_with(".attn.masked_bias");
}

std::string shapeText(c10::IntArrayRef shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? "," : "") + std::to_string(shape[i]);
    return s + "]";
}

struct StoredTensor {
    const SafetensorsFile* file = nullptr;
    std::string key;  // as stored
};

// name without the "transformer." prefix -> where it is stored; a name stored twice is an error.
std::map<std::string, StoredTensor> indexTensors(const std::vector<std::unique_ptr<SafetensorsFile>>& files) {
    std::map<std::string, StoredTensor> byName;
    for (const auto& file : files)
        for (const auto& [key, info] : file->tensors()) {
            const std::string name = key.starts_with("transformer.") ? key.substr(12) : key;
            if (isIgnoredKey(name)) continue;
            if (info.dtype != "F32" && info.dtype != "F16" && info.dtype != "BF16" && info.dtype != "F64")
                throw std::invalid_argument(file->path() + ": tensor '" + key + "' has dtype " + info.dtype +
                                            " (expected F32, F16 or BF16)");
            const auto [it, added] = byName.emplace(name, StoredTensor{file.get(), key});
            if (!added)
                throw std::invalid_argument(file->path() + ": tensor '" + key + "' is also stored as '" + it->second.key +
                                            "' in " + it->second.file->path());
        }
    return byName;
}

// GPT-2 ties the output layer to the token embeddings. Hugging Face saves the pair once, usually as
// wte.weight; a file holding only lm_head.weight gives the embeddings through it, and one holding a
// different lm_head.weight contradicts the tie (Hugging Face would keep one of the two, depending on the
// loading order), so it is refused. With tie_word_embeddings false, lm_head.weight is a tensor of its own.
void resolveTiedHead(std::map<std::string, StoredTensor>& byName, const Gpt2Config& config) {
    const auto head = byName.find("lm_head.weight");
    if (head == byName.end() || !config.tieWordEmbeddings) return;
    const auto wte = byName.find("wte.weight");
    if (wte == byName.end()) {
        byName["wte.weight"] = head->second;
    } else {
        const auto a = head->second.file->load(head->second.key).to(torch::kFloat32);
        const auto b = wte->second.file->load(wte->second.key).to(torch::kFloat32);
        if (a.sizes() != b.sizes() || !torch::equal(a, b))
            throw std::invalid_argument(head->second.file->path() + ": tensor '" + head->second.key + "' differs from '" +
                                        wte->second.key + "': the output layer is not tied to the token embeddings, "
                                        "but config.json does not set tie_word_embeddings to false");
    }
    byName.erase("lm_head.weight");
}

// Copies every stored tensor (byName: indexTensors of `files`) into `model` (and `score`), checking names
// and shapes.
void loadWeights(const std::vector<std::unique_ptr<SafetensorsFile>>& files, std::map<std::string, StoredTensor> byName,
                 Gpt2Model& model, torch::Tensor& score) {
    resolveTiedHead(byName, model->config());
    auto params = model->named_parameters();
    torch::NoGradGuard noGrad;
    for (const auto& [name, stored] : byName) {
        torch::Tensor t = stored.file->load(stored.key).to(torch::kFloat32);
        if (name == "score.weight") {
            score = t;
            continue;
        }
        torch::Tensor* target = params.find(name);
        if (!target) throw std::invalid_argument(stored.file->path() + ": unexpected tensor '" + stored.key + "' for a GPT-2 model");
        if (isConv1dWeight(name) && t.dim() == 2) t = t.t();
        if (t.sizes() != target->sizes())
            throw std::invalid_argument(stored.file->path() + ": tensor '" + stored.key + "' has shape " + shapeText(t.sizes()) +
                                        " but config.json implies " +
                                        shapeText(isConv1dWeight(name) ? target->t().sizes() : target->sizes()));
        target->copy_(t);
    }
    const std::string where = files.size() == 1 ? files[0]->path() : files[0]->path() + " (and the other shards)";
    for (const auto& p : params)
        if (!byName.count(p.key())) throw std::invalid_argument(where + ": missing tensor '" + p.key() + "'");
}

// A config.json that describes a far bigger model than the weight files hold is refused before the model
// is allocated: a broken or mismatched config (n_layer 20000, say) would otherwise take all memory first.
// Near misses are left to loadWeights, which names the missing or misshapen tensor.
void checkWeightsCanHoldModel(const std::vector<std::unique_ptr<SafetensorsFile>>& files, const Gpt2Config& config,
                              const std::string& configPath) {
    double stored = 0;
    for (const auto& file : files)
        for (const auto& [key, info] : file->tensors()) {
            double n = 1;
            for (int64_t d : info.shape) n *= static_cast<double>(d);
            stored += n;
        }
    auto whole = [](double n) {
        char text[64];
        std::snprintf(text, sizeof text, "%.0f", n);
        return std::string(text);
    };
    if (config.parameterCount() > 2 * stored + 1e6)
        throw std::invalid_argument(configPath + ": describes a model of " + whole(config.parameterCount()) +
                                    " parameters, far more than the " + whole(stored) + " values its weight files hold");
}

}  // namespace

LoadedModel loadCheckpoint(const std::string& dir, const torch::Device& device, bool requireTokenizer) {
    if (!fs::is_directory(dir)) throw std::invalid_argument(dir + ": not a model directory");
    if (isMamba(modelTypeOf(dir)))
        throw std::invalid_argument(dir + ": a Mamba; this takes GPT-2 checkpoints (a Mamba pretrains, fine-tunes (SFT, DPO), "
                                          "scores, generates and chats; not yet reward models or PPO)");
    Gpt2Config config = Gpt2Config::fromFile((fs::path(dir) / "config.json").string());
    auto files = openWeightFiles(dir);
    // A sequence classifier (GPT2ForSequenceClassification) has no output layer to tie or untie.
    auto stored = indexTensors(files);
    if (!config.tieWordEmbeddings && stored.count("score.weight") && !stored.count("lm_head.weight"))
        config.tieWordEmbeddings = true;
    checkWeightsCanHoldModel(files, config, (fs::path(dir) / "config.json").string());
    LoadedModel loaded;
    loaded.model = Gpt2Model(config);
    loadWeights(files, std::move(stored), loaded.model, loaded.score);
    if (loaded.score.defined() && (loaded.score.dim() != 2 || loaded.score.size(1) != config.nEmbd))
        throw std::invalid_argument(dir + ": score.weight must be [num_labels, n_embd]");
    const bool hasTokenizer = text::Tokenizer::existsIn(dir);
    if (hasTokenizer || requireTokenizer) {
        loaded.tokenizer.emplace(text::Tokenizer::fromDirectory(dir));
        if (loaded.tokenizer->vocabSize() > config.vocabSize)
            throw std::invalid_argument(dir + ": the tokenizer has " + std::to_string(loaded.tokenizer->vocabSize()) +
                                        " tokens but config.json vocab_size is " + std::to_string(config.vocabSize));
    }
    loaded.model->to(device);
    if (loaded.score.defined()) loaded.score = loaded.score.to(device);
    loaded.model->eval();
    return loaded;
}

namespace {

// The pad id of a classifier whose scored rows end with `endId`: the config's own unless it is that id
// (TRL's setup_chat_format pads with <|im_end|>), else EOS, else BOS, else 0 or 1.
int classifierPadOf(const Gpt2Config& c, int endId) {
    return endId < 0 || c.padTokenId != endId ? c.padTokenId : padIdOtherThan(endId, {c.eosTokenId, c.bosTokenId});
}

}  // namespace

void saveCheckpoint(const std::string& dir, Gpt2Model& model, const text::Tokenizer* tokenizer,
                    const torch::Tensor& score, int scoredEndId) {
    Gpt2Config c = model->config();
    if (score.defined()) c.padTokenId = classifierPadOf(c, scoredEndId);
    std::map<std::string, torch::Tensor> tensors;
    for (const auto& p : model->named_parameters()) {
        torch::Tensor t = p.value().detach().to(torch::kCPU, torch::kFloat32);
        // As GPT2LMHeadModel names them: the body under transformer., an untied output layer beside it.
        const std::string key = p.key().starts_with("lm_head.") ? p.key() : "transformer." + p.key();
        tensors[key] = isConv1dWeight(p.key()) ? t.t().contiguous() : t;
    }
    if (score.defined()) tensors["score.weight"] = score.detach().to(torch::kCPU, torch::kFloat32);
    writeDirectoryAtomically(dir, [&](const std::string& tmpDir) {
        const fs::path tmp(tmpDir);
        saveSafetensors((tmp / "model.safetensors").string(), tensors, {{"format", "pt"}});
        const std::string arch = score.defined() ? "GPT2ForSequenceClassification" : "GPT2LMHeadModel";
        std::ofstream(tmp / "config.json") << c.toJson(arch).dump(2) << '\n';
        std::ofstream(tmp / "generation_config.json")
            << nlohmann::json{{"bos_token_id", c.bosTokenId}, {"eos_token_id", c.eosTokenId}}.dump(2) << '\n';
        if (tokenizer) tokenizer->save(tmp.string());
    });
}

}  // namespace rlhf::model
