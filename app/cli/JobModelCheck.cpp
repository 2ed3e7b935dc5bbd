#include "JobModelCheck.h"

#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "CliSupport.h"
#include "chat/InstructFormat.h"
#include "model/CausalLm.h"
#include "model/CheckpointTokenizer.h"
#include "model/LlamaConfig.h"
#include "model/MambaConfig.h"
#include "model/MemoryEstimate.h"
#include "model/WeightFiles.h"
#include "train/ResponseEncoding.h"

namespace rlhf::cli {

namespace {

// Whether the directory's chat template is one rlhf train renders (chat/InstructFormat): then the rows go
// as message lists, which the trainers render in that template as the workbench trains the model. Another
// template is trained as plain text here, so the job gets plain text too (with a warning).
bool rendersChatTemplate(const std::string& dir, const std::string& key, std::vector<std::string>& warnings) {
    const std::string jinja = chat::chatTemplateOfModel(dir);
    if (jinja.empty()) return false;
    if (chat::detectInstructFormat(jinja)) return true;
    addJobWarning(warnings, key + " " + dir + " has a chat template of none of the formats rlhf train renders (" + chat::instructKindNames() +
                       "): its data is written as plain text, as rlhf train would train it");
    return false;
}

}  // namespace

void addJobWarning(std::vector<std::string>& warnings, std::string text) {
    std::cerr << "rlhf: warning: " << text << '\n';
    warnings.push_back(std::move(text));
}

std::optional<JobModel> inspectJobModel(const std::string& dir, const std::string& key, std::vector<std::string>& warnings) {
    if (!std::filesystem::exists(dir)) {
        addJobWarning(warnings, key + " " + dir + " is not on this machine: the job names it as given (it must be there on the cluster)" +
                           (key == "model" ? ", and its data is written as plain text (no chat template to check for)" : ""));
        return std::nullopt;
    }
    JobModel m;
    try {
        const std::string type = model::modelTypeOf(dir);
        if (!type.empty() && type != "gpt2" && !model::isLlamaFamily(type) && !model::isMamba(type)) {
            // The trainers read architectures this workbench does not: the job goes, unchecked.
            addJobWarning(warnings, key + " " + dir + ": model_type \"" + type + "\" is not one the workbench reads, so its weights and tokenizer "
                               "are not checked here");
        } else {
            const model::ModelShape shape = model::modelShapeOf(dir);
            m.dir = dir;
            m.vocab = shape.vocab;
            if (shape.family != "mamba") m.context = shape.context;
            m.tokenizer = std::make_shared<const text::Tokenizer>(model::loadCheckpointTokenizer(dir, static_cast<int>(shape.vocab)));  // the trainers need one
            try {
                for (const auto& file : model::openWeightFiles(dir)) m.scoreHead = m.scoreHead || file->contains("score.weight");
            } catch (const std::exception& e) {  // pytorch_model.bin only: the trainers read it, this workbench does not
                addJobWarning(warnings, key + ": " + e.what() + "; whether it is a reward model is not checked here");
            }
        }
        m.chatTemplate = key == "model" && rendersChatTemplate(dir, key, warnings);
    } catch (const std::exception& e) {  // invalid_argument, TokenizerError: each names its file
        throw UserError(key + ": " + e.what());
    }
    return m;
}

void checkRewardReads(const JobModel& policy, const JobModel& reward, const std::string& rewardDir) {
    if (!policy.tokenizer || !reward.tokenizer) return;
    const auto fail = [&](const std::string& why) { throw UserError("reward_model: " + rewardDir + ": " + why); };
    if (const auto mismatch = train::rewardVocabularyMismatch(policy.vocab, reward.vocab)) fail(*mismatch + ", and the trainer gives it the policy's ids");
    const auto encodingOf = [](const JobModel& m) { return train::responseEncodingFor(m.dir, *m.tokenizer, model::eosTokenIdOf(m.dir)); };
    try {
        if (const auto mismatch = train::rewardReadingMismatch(encodingOf(policy), *policy.tokenizer, encodingOf(reward), *reward.tokenizer)) fail(*mismatch);
    } catch (const std::invalid_argument& e) {  // a config whose EOS id the loaders refuse
        fail(e.what());
    }
}

}  // namespace rlhf::cli
