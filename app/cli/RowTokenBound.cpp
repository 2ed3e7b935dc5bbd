#include "RowTokenBound.h"

#include <algorithm>

namespace rlhf::cli {

namespace {

int64_t bound(size_t longestBytes) { return static_cast<int64_t>(longestBytes) + kTemplateTokens; }

}  // namespace

int64_t rowTokenBound(const std::vector<data::Demonstration>& rows) {
    size_t longest = 0;
    for (const auto& r : rows) longest = std::max(longest, r.prompt.size() + r.response.size());
    return bound(longest);
}

int64_t rowTokenBound(const std::vector<data::PreferencePair>& rows) {
    size_t longest = 0;
    for (const auto& r : rows) longest = std::max(longest, r.prompt.size() + std::max(r.chosen.size(), r.rejected.size()));
    return bound(longest);
}

int64_t rowTokenBound(const std::vector<data::PreferenceGroup>& rows) {
    size_t longest = 0;
    for (const auto& g : rows)
        for (const auto& response : g.responses) longest = std::max(longest, g.prompt.size() + response.size());
    return bound(longest);
}

int64_t rowTokenBound(const std::vector<std::string>& prompts) {
    size_t longest = 0;
    for (const auto& p : prompts) longest = std::max(longest, p.size());
    return bound(longest);
}

}  // namespace rlhf::cli
