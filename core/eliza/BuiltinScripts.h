#pragma once
// The ELIZA scripts shipped with the workbench (resources/eliza, attribution in ATTRIBUTION.md there).

#include <string>
#include <string_view>
#include <vector>

#include "eliza/ElizaScript.h"

namespace rlhf::eliza {

struct BuiltinScript {
    std::string name;         // "doctor-1966", "tape100-1965"
    std::string title;
    std::string attribution;
    std::string_view text;
};

const std::vector<BuiltinScript>& builtinScripts();
const BuiltinScript& defaultScript();  // DOCTOR 1966
// Throws std::invalid_argument naming the known scripts when `name` is not one of them.
const BuiltinScript& builtinScript(const std::string& name);
Script parseBuiltinScript(const std::string& name);

}  // namespace rlhf::eliza
