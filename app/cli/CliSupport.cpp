#include "CliSupport.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

namespace rlhf::cli {

int runCommandLine(CLI::App& app, int argc, char** argv) {
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kSuccess : kUsageError;
    } catch (const std::exception& e) {  // UserError and every core error: bad files, fields, values
        std::cerr << "rlhf: " << e.what() << '\n';
        return kUserError;
    }
    return kSuccess;
}

void printJsonLine(const nlohmann::json& value) {
    std::cout << value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n' << std::flush;
}

std::string readFileOrThrow(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UserError(path + ": cannot open: " + std::strerror(errno));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw UserError(path + ": read failed: " + std::strerror(errno));
    return buffer.str();
}

}  // namespace rlhf::cli
