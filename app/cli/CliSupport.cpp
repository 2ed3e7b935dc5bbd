#include "CliSupport.h"

#include <algorithm>
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
    } catch (const UsageError& e) {
        std::cerr << "rlhf: " << e.what() << "\nRun with --help for more information.\n";
        return kUsageError;
    } catch (const std::exception& e) {  // UserError and every core error: bad files, fields, values
        std::cerr << "rlhf: " << e.what() << '\n';
        return kUserError;
    }
    return kSuccess;
}

namespace {

// A number above zero (or, with `orZero`, at least zero); the help shows "> 0" or ">= 0".
CLI::Validator numberAboveZero(bool orZero) {
    const std::string rule = orZero ? "0 or more" : "greater than 0";
    return CLI::Validator(
        [=](std::string& text) -> std::string {
            double value = 0;
            size_t used = 0;
            try {
                value = std::stod(text, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used != text.size() || used == 0) return "must be a number, found '" + text + "'";
            if (orZero ? value >= 0 : value > 0) return {};
            return "must be " + rule + ", found " + text;
        },
        orZero ? ">= 0" : "> 0");
}

}  // namespace

namespace {

std::string scalarText(const nlohmann::ordered_json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_float()) {
        std::ostringstream out;
        out << v.get<double>();
        return out.str();
    }
    return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void printText(const nlohmann::ordered_json& value, const std::string& indent) {
    for (const auto& [key, v] : value.items()) {
        if (v.is_object()) {
            std::cout << indent << key << ":\n";
            printText(v, indent + "  ");
        } else if (v.is_array()) {
            std::cout << indent << key << ":";
            // Numbers and words on one line; sentences (a warning) and objects one to a line.
            const bool flat = std::all_of(v.begin(), v.end(), [](const auto& e) {
                return e.is_primitive() && !(e.is_string() && e.template get<std::string>().find(' ') != std::string::npos);
            });
            for (const auto& e : v) {
                if (flat) std::cout << ' ' << scalarText(e);
                else if (e.is_primitive()) std::cout << '\n' << indent << "  - " << scalarText(e);
                else std::cout << '\n' << indent << "  - " << e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            }
            std::cout << '\n';
        } else {
            std::cout << indent << key << ": " << scalarText(v) << '\n';
        }
    }
}

}  // namespace

void printResult(const nlohmann::ordered_json& value, bool json, const std::string& indent) {
    if (json || !value.is_object()) {
        std::cout << value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n' << std::flush;
        return;
    }
    printText(value, indent);
    std::cout << std::flush;
}

CLI::Validator greaterThanZero() { return numberAboveZero(false); }
CLI::Validator zeroOrMore() { return numberAboveZero(true); }

std::string readFileOrThrow(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UserError(path + ": cannot open: " + std::strerror(errno));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw UserError(path + ": read failed: " + std::strerror(errno));
    return buffer.str();
}

std::vector<std::string> commaList(const std::string& text) {
    std::vector<std::string> items;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty()) items.push_back(item);
    return items;
}

std::string counted(int64_t n, const std::string& noun, const std::string& plural) {
    return std::to_string(n) + " " + (n == 1 ? noun : plural.empty() ? noun + "s" : plural);
}

}  // namespace rlhf::cli
