#pragma once
// The settings of each training stage as the New-run dialog edits them: the engine's own defaults (the
// config structs are LibTorch-free, in rlhf_base) and their validation, so a bad value is refused in the
// dialog with the engine's message instead of failing the run after it started.

#include <string>

#include <nlohmann/json.hpp>

namespace rlhf::widgets {

// Every setting of `kind` (pretrain, sft, rm, dpo, ppo) with its default, as `--set` names them.
nlohmann::json defaultStageSettings(const std::string& kind);

// Throws std::invalid_argument naming the setting when `settings` would not start a run of `kind`.
void validateStageSettings(const std::string& kind, const nlohmann::json& settings);

// Parses a value as typed in the dialog: JSON when it parses (numbers, true), else the text itself.
nlohmann::json settingValueOf(const std::string& text);

}  // namespace rlhf::widgets
