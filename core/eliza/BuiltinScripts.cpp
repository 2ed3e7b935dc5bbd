#include "eliza/BuiltinScripts.h"

#include <stdexcept>

#include "eliza/ElizaScriptParser.h"

#include "EmbeddedElizaScripts.inc"

namespace rlhf::eliza {

const std::vector<BuiltinScript>& builtinScripts() {
    static const std::vector<BuiltinScript> scripts = {
        {"doctor-1966", "DOCTOR (CACM, January 1966)",
         "The DOCTOR script printed in the appendix of J. Weizenbaum, \"ELIZA - A Computer Program For the "
         "Study of Natural Language Communication Between Man and Machine\", Communications of the ACM "
         "9(1):36-45, January 1966, as transcribed by Anthony Hay (CC0; github anthay/ELIZA).",
         kScript_doctor_1966},
        {"tape100-1965", "DOCTOR .TAPE. 100 (March 1965)",
         "The .TAPE. 100 DOCTOR script from Weizenbaum's 1965 MAD-SLIP listing in his MIT archive "
         "(released CC0 by Weizenbaum's estate; transcription by Anthony Hay).",
         kScript_tape100_1965},
    };
    return scripts;
}

const BuiltinScript& defaultScript() { return builtinScripts().front(); }

const BuiltinScript& builtinScript(const std::string& name) {
    std::string known;
    for (const auto& s : builtinScripts()) {
        if (s.name == name) return s;
        known += (known.empty() ? "" : ", ") + s.name;
    }
    throw std::invalid_argument("unknown built-in ELIZA script '" + name + "' (known: " + known + ")");
}

Script parseBuiltinScript(const std::string& name) {
    const BuiltinScript& s = builtinScript(name);
    return parseScript(s.text, s.name);
}

}  // namespace rlhf::eliza
