#include "model/LlamaModule.h"

#include <filesystem>
#include <fstream>

#include <torch/torch.h>

#include "model/ConfigFields.h"
#include "model/LlamaCheckpoint.h"
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

}  // namespace

LlamaModuleImpl::LlamaModuleImpl(LlamaModel model, nlohmann::json configJson, nlohmann::json generationJson)
    : model_(std::move(model)), configJson_(std::move(configJson)), generationJson_(std::move(generationJson)) {
    for (const auto& slot : llamaTensorSlots(model_.config(), model_.weights())) registerAt(*this, slot.name, *slot.tensor);
}

torch::Tensor LlamaModuleImpl::targetLogProbs(const torch::Tensor& ids, const torch::Tensor& targets, double temperature) {
    const auto logits = model_.forward(ids);  // [B,T,V]
    return tokenLogProbs(logits.reshape({-1, logits.size(-1)}), targets.reshape({-1}), temperature).view(targets.sizes());
}

void LlamaModuleImpl::save(const std::string& dir, const text::ByteLevelBpe* tokenizer) {
    std::map<std::string, torch::Tensor> tensors;
    for (const auto& p : named_parameters()) tensors[p.key()] = p.value().detach().to(torch::kCPU, torch::kFloat32).contiguous();
    nlohmann::json config = configJson_;
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

LlamaModule loadLlamaModule(const std::string& dir, const torch::Device& device) {
    const fs::path generation = fs::path(dir) / "generation_config.json";
    return LlamaModule(loadLlamaModel(dir, device), readConfigJson((fs::path(dir) / "config.json").string()),
                       fs::exists(generation) ? readConfigJson(generation.string()) : nlohmann::json());
}

}  // namespace rlhf::model
