#include "JobModelCheck.h"

#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "CliSupport.h"
#include "chat/InstructFormat.h"
#include "model/CheckpointTokenizer.h"
#include "model/MemoryEstimate.h"
#include "model/WeightFiles.h"

namespace rlhf::cli {

std::optional<JobModel> inspectJobModel(const std::string& dir, const std::string& key, std::vector<std::string>& warnings) {
    if (!std::filesystem::exists(dir)) {
        warnings.push_back(key + " " + dir + " is not on this machine: the job names it as given (it must be there on the cluster), "
                           "and its data is written as plain text (no chat template to check for)");
        std::cerr << "rlhf: warning: " << warnings.back() << '\n';
        return std::nullopt;
    }
    JobModel m;
    try {
        const model::ModelShape shape = model::modelShapeOf(dir);  // config.json names a known architecture
        for (const auto& file : model::openWeightFiles(dir)) m.scoreHead = m.scoreHead || file->contains("score.weight");
        model::loadCheckpointTokenizer(dir, static_cast<int>(shape.vocab));
        m.chatTemplate = !chat::chatTemplateOfModel(dir).empty();
    } catch (const std::exception& e) {  // invalid_argument, SafetensorsError, TokenizerError: each names its file
        throw UserError(key + ": " + e.what());
    }
    return m;
}

}  // namespace rlhf::cli
