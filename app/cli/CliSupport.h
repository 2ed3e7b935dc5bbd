#pragma once
// What every `rlhf` command shares: exit codes, user errors, JSON output (architecture §7).

#include <cstdint>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace CLI {
class App;
class Validator;
}

namespace rlhf::cli {

enum ExitCode { kSuccess = 0, kUserError = 1, kUsageError = 2 };

// A problem with the user's input (a file, a field, a value): printed as one line on stderr, exit 1.
class UserError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A command line that cannot run as given, found after parsing: a required option missing, options that
// do not go together. Printed on stderr as "rlhf: " and the message, then the --help hint; exit 2 (as CLI11's own).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Parses and runs the chosen command; maps usage errors (CLI11's and UsageError) to 2 and every other exception (user errors,
// bad files, fields, values) to one "rlhf: ..." line on stderr and 1.
int runCommandLine(CLI::App& app, int argc, char** argv);

// Prints `value` compactly on one line of stdout and flushes. Inline: on a GPU server the engine's files
// can see another copy of nlohmann/json (LibTorch's include directory) than this library, whose
// versioned ABI namespace would not match across the two.
inline void printJsonLine(const nlohmann::json& value) {
    std::cout << value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n' << std::flush;
}

// A command's result: with json one JSON line (printJsonLine), else for people a "key: value" line per
// member of an object in its order (nested objects indented, arrays of numbers or strings on one line), each line
// starting with `indent`.
void printResult(const nlohmann::ordered_json& value, bool json, const std::string& indent = "");

// Option checks whose messages say the rule ("must be greater than 0, found 0") instead of CLI11's
// range up to the largest double.
CLI::Validator greaterThanZero();
CLI::Validator zeroOrMore();

// "a,b,,c" -> {"a", "b", "c"}: an option's comma-separated list, empty entries dropped.
std::vector<std::string> commaList(const std::string& text);

// "1 record", "2 records": a count and its noun, plural unless the count is one (`plural` for irregular nouns).
std::string counted(int64_t n, const std::string& noun, const std::string& plural = "");

// Reads a whole file; throws UserError naming the path and the system's reason.
std::string readFileOrThrow(const std::string& path);

}  // namespace rlhf::cli
