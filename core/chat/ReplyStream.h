#pragma once
// A reply as the model writes it, token by token, made ready to show: each token's text is released once
// it is whole characters (a character split across tokens waits for its last byte) and cannot be the start
// of a stop cue (a model trained on dialogues goes on with "\n\nHuman:" — that and what follows is not
// shown, and the reply ends there). Pure bookkeeping: the engine feeds it, the Chat panel gets its output.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace rlhf::chat {

struct StreamedToken {
    int id = -1;
    std::string text;        // fed: the token's bytes; released: whole characters
    double probability = 0;  // the model's probability of this token
    std::vector<std::pair<std::string, double>> alternatives;  // the likeliest tokens of that step, with theirs
};

class ReplyStream {
public:
    explicit ReplyStream(std::vector<std::string> stopCues);

    // The tokens ready to show after this one (possibly none, possibly earlier ones held back until now).
    std::vector<StreamedToken> add(StreamedToken token);
    // The end of generation: releases what was held back (a character never completed as one U+FFFD).
    std::vector<StreamedToken> finish();

    bool stopped() const { return stopped_; }  // a stop cue came: the reply ended before it
    const std::string& text() const { return released_; }

private:
    size_t heldForCue() const;  // bytes at the end of pending_ that could begin a stop cue
    std::vector<StreamedToken> release(size_t upTo, bool lossy);

    std::vector<std::string> cues_;
    std::vector<StreamedToken> pending_;  // not shown yet, in order; their bytes concatenated are pendingBytes_
    std::string pendingBytes_;
    std::string carry_;  // bytes of a character begun in a token already released
    std::string released_;
    bool stopped_ = false;
};

}  // namespace rlhf::chat
