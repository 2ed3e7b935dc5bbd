#include "VersionCommand.h"

#include <sqlite3.h>

#include <cstdio>
#include <string>

#include "EngineCommands.h"

namespace rlhf::cli {

bool isVersionRequest(int argc, char** argv, bool* json) {
    if (argc < 2 || argc > 3) return false;
    const std::string first = argv[1], second = argc == 3 ? argv[2] : "";
    const bool version = first == "--version" || second == "--version";
    *json = first == "--json" || second == "--json";
    return version && (argc == 2 || *json);
}

nlohmann::json versionOfWorkbench(char** argv) {
    nlohmann::json out = {{"version", RLHF_VERSION}, {"sqlite", sqlite3_libversion()}};
    const std::string command = "'" + enginePath(argv).string() + "' --version --json 2>/dev/null";
    std::string answer;
    if (FILE* engine = ::popen(command.c_str(), "r")) {
        char buffer[512];
        while (const size_t n = std::fread(buffer, 1, sizeof buffer, engine)) answer.append(buffer, n);
        ::pclose(engine);
    }
    const auto engine = nlohmann::json::parse(answer, nullptr, false);
    if (engine.is_object() && engine.contains("libtorch")) {
        out["libtorch"] = engine["libtorch"];
        out["cpu_vectors"] = engine.value("cpu_vectors", "");
    } else {
        out["libtorch"] = "unavailable (" + enginePath(argv).string() + " did not answer)";
    }
    return out;
}

}  // namespace rlhf::cli
