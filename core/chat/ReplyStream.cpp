#include "chat/ReplyStream.h"

#include <algorithm>

#include "text/Utf8.h"

namespace rlhf::chat {

namespace {

// Whole characters as they are; an unfinished one at the end (the reply ended inside it) is one U+FFFD.
std::string lossyText(const std::string& bytes) {
    const size_t whole = text::completeUtf8Prefix(bytes);
    std::string out = text::encodeUtf8(text::decodeUtf8(bytes.substr(0, whole)));
    return whole < bytes.size() ? out + "\xEF\xBF\xBD" : out;
}

}  // namespace

ReplyStream::ReplyStream(std::vector<std::string> stopCues) : cues_(std::move(stopCues)) {}

std::vector<StreamedToken> ReplyStream::add(StreamedToken token) {
    if (stopped_) return {};
    pendingBytes_ += token.text;
    pending_.push_back(std::move(token));
    size_t cue = std::string::npos;
    for (const auto& c : cues_) cue = std::min(cue, pendingBytes_.find(c));
    if (cue != std::string::npos) {
        stopped_ = true;
        return release(cue, true);
    }
    const size_t safe = pendingBytes_.size() - heldForCue();
    return release(std::min(safe, text::completeUtf8Prefix(pendingBytes_)), false);
}

std::vector<StreamedToken> ReplyStream::finish() {
    if (stopped_) return {};
    return release(pendingBytes_.size(), true);
}

size_t ReplyStream::heldForCue() const {
    size_t held = 0;
    for (const auto& cue : cues_)
        for (size_t k = std::min(cue.size() - 1, pendingBytes_.size()); k > held; --k)
            if (pendingBytes_.compare(pendingBytes_.size() - k, k, cue, 0, k) == 0) {
                held = k;
                break;
            }
    return held;
}

// Releases the pending tokens that end at or before byte `upTo` of pendingBytes_; with `lossy` (the end of
// the reply) also the token that straddles it, cut there, and every incomplete character as U+FFFD.
std::vector<StreamedToken> ReplyStream::release(size_t upTo, bool lossy) {
    std::vector<StreamedToken> out;
    size_t offset = 0, taken = 0;
    for (; taken < pending_.size(); ++taken) {
        StreamedToken& t = pending_[taken];
        const size_t end = offset + t.text.size();
        if (end > upTo && !(lossy && offset < upTo)) break;
        std::string bytes = carry_ + t.text.substr(0, std::min(end, upTo) - offset);
        const bool last = std::min(end, upTo) >= upTo;  // only the reply's last bytes may end inside a character
        const size_t whole = lossy && last ? bytes.size() : text::completeUtf8Prefix(bytes);
        carry_ = bytes.substr(whole);
        t.text = lossyText(bytes.substr(0, whole));
        released_ += t.text;
        out.push_back(std::move(t));
        offset = end;
        if (end >= upTo) {
            ++taken;
            break;
        }
    }
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(taken));
    pendingBytes_.erase(0, std::min(offset, pendingBytes_.size()));
    if (lossy) {
        pending_.clear();
        pendingBytes_.clear();
    }
    return out;
}

}  // namespace rlhf::chat
