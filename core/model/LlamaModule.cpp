#include "model/LlamaModule.h"

#include <filesystem>
#include <fstream>

#include <torch/torch.h>

#include "model/ConfigFields.h"
#include "model/LlamaCheckpoint.h"
#include "model/Scoring.h"
#include "model/Safetensors.h"
#include "model/TokenLogProbs.h"
#include "util/AtomicDirectory.h"

namespace rlhf::model {

namespace fs = std::filesystem;

namespace {

torch::nn::Module& childNamed(torch::nn::Module& parent, const std::string& name) {
    for (const auto& child : parent.named_children())
        if (child.key() == name) return *child.value();
    return *parent.register_module(name, std::make_shared<torch::nn::Module>());
}

// Registers `tensor` under a dotted checkpoint name, one child module per prefix (a module's own
// parameter names cannot hold dots), so named_parameters() gives the checkpoint names back.
void registerAt(torch::nn::Module& root, const std::string& name, const torch::Tensor& tensor) {
    torch::nn::Module* module = &root;
    size_t start = 0;
    for (size_t dot; (dot = name.find('.', start)) != std::string::npos; start = dot + 1)
        module = &childNamed(*module, name.substr(start, dot - start));
    module->register_parameter(name.substr(start), tensor);
}

// The family's class name: architectures' first entry up to "For" (LlamaForCausalLM -> Llama), else by
// model_type.
std::string familyName(const nlohmann::json& config) {
    const auto& named = config.contains("architectures") ? config["architectures"] : nlohmann::json();
    if (named.is_array() && !named.empty() && named[0].is_string()) {
        const std::string name = named[0].get<std::string>();
        if (const size_t at = name.find("For"); at != std::string::npos && at > 0) return name.substr(0, at);
    }
    return config.value("model_type", std::string()) == "qwen2" ? "Qwen2" : "Llama";
}

// transformers pools a batch at each row's last token that is not padding, so the pad id must not be
// the id a scored row ends with (`endId`, -1 when rows end in response text): the source's pad_token_id
// when it is another, else its first EOS id that is (TRL pads with EOS), else its BOS, else 0 or 1.
int classifierPadId(const nlohmann::json& config, int endId) {
    std::vector<int> candidates;  // eos and bos were checked when the config loaded; a pad of -1 means none
    if (const auto pad = config.value("pad_token_id", nlohmann::json()); pad.is_number_integer() && pad.get<int>() >= 0)
        candidates.push_back(pad.get<int>());
    for (const char* key : {"eos_token_id", "bos_token_id"})
        for (int id : idList(config, key, "config.json")) candidates.push_back(id);
    return padIdOtherThan(endId, candidates);
}

// config.json of the family's sequence classifier with `labels` labels (as save_pretrained writes
// LlamaForSequenceClassification's: architectures, id2label "0": "LABEL_0", label2id, pad_token_id).
void markAsClassifier(nlohmann::json& config, int64_t labels, int endId) {
    config["architectures"] = {familyName(config) + "ForSequenceClassification"};
    config["id2label"] = nlohmann::json::object();
    config["label2id"] = nlohmann::json::object();
    for (int64_t i = 0; i < labels; ++i) {
        const std::string label = "LABEL_" + std::to_string(i);
        config["id2label"][std::to_string(i)] = label;
        config["label2id"][label] = i;
    }
    config["pad_token_id"] = classifierPadId(config, endId);
}

}  // namespace

LlamaModuleImpl::LlamaModuleImpl(LlamaModel model, nlohmann::json configJson, nlohmann::json generationJson)
    : model_(std::move(model)), configJson_(std::move(configJson)), generationJson_(std::move(generationJson)) {
    for (const auto& slot : llamaTensorSlots(model_.config(), model_.weights())) registerAt(*this, slot.name, *slot.tensor);
}

torch::Tensor LlamaModuleImpl::targetLogProbs(const torch::Tensor& ids, const torch::Tensor& targets, double temperature) {
    const auto logits = model_.forward(ids);  // [B,T,V]
    return tokenLogProbs(logits.reshape({-1, logits.size(-1)}), targets.reshape({-1}), temperature).view(targets.sizes());
}

void LlamaModuleImpl::save(const std::string& dir, const text::Tokenizer* tokenizer, const torch::Tensor& score, int scoredEndId) {
    std::map<std::string, torch::Tensor> tensors;
    const auto stored = [](const torch::Tensor& t) { return t.detach().to(torch::kCPU, torch::kFloat32).contiguous(); };
    for (const auto& p : named_parameters())
        if (!score.defined() || p.key() != "lm_head.weight") tensors[p.key()] = stored(p.value());
    nlohmann::json config = configJson_;
    if (score.defined()) {
        tensors["score.weight"] = stored(score);
        markAsClassifier(config, score.size(0), scoredEndId);
    }
    config["torch_dtype"] = "float32";
    if (config.contains("dtype")) config["dtype"] = "float32";  // newer transformers' name for it
    writeDirectoryAtomically(dir, [&](const std::string& tmpDir) {
        const fs::path tmp(tmpDir);
        saveSafetensors((tmp / "model.safetensors").string(), tensors, {{"format", "pt"}});
        std::ofstream(tmp / "config.json") << config.dump(2) << '\n';
        if (!generationJson_.is_null()) std::ofstream(tmp / "generation_config.json") << generationJson_.dump(2) << '\n';
        if (tokenizer) tokenizer->save(tmp.string());
    });
}

LlamaModule loadLlamaModule(const std::string& dir, const torch::Device& device, torch::Tensor* score) {
    const fs::path generation = fs::path(dir) / "generation_config.json";
    return LlamaModule(loadLlamaModel(dir, device, score), readConfigJson((fs::path(dir) / "config.json").string()),
                       fs::exists(generation) ? readConfigJson(generation.string()) : nlohmann::json());
}

}  // namespace rlhf::model
