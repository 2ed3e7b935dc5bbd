#include "ChatReplies.h"

#include <torch/torch.h>

#include "CliSupport.h"
#include "DeviceOption.h"
#include "EvalReport.h"

namespace rlhf::cli {

namespace {

// The likeliest `count` tokens of a step's probabilities [V], with theirs.
std::vector<std::pair<std::string, double>> alternativesOf(const torch::Tensor& probs, int count, const text::ByteLevelBpe& tok) {
    std::vector<std::pair<std::string, double>> out;
    if (count <= 0) return out;
    const auto [values, ids] = probs.topk(count);
    for (int64_t i = 0; i < values.size(0); ++i)
        out.emplace_back(tok.decodeLossy({static_cast<int>(ids[i].item<int64_t>())}), values[i].item<double>());
    return out;
}

}  // namespace

ChatModel loadChatModel(const ChatOptions& o) {
    NamedModel named;
    if (o.project.empty()) named = {o.model, o.model, "", 0};
    else named = resolveModel(*data::ProjectStore::open(o.project, false), o.model, "--model");
    ChatModel m{shortNameOf(named), model::loadCheckpoint(named.dir, resolveDevice(o.device, o.threads))};
    if (!m.loaded.tokenizer) throw UserError(o.model + ": the model directory has no tokenizer files");
    return m;
}

ChatReply writeReply(ChatModel& m, const std::vector<chat::ChatTurn>& turns, const model::SamplingOptions& given,
                     const ChatOptions& o, const std::atomic<bool>& cancel, const TokenSink& sink) {
    const auto& tok = *m.loaded.tokenizer;
    const int64_t room = std::min<int64_t>(given.maxNewTokens, m.context() / 2);
    std::vector<int> promptIds;  // of the last prompt tried: the one that fits
    const auto prompt = chat::buildChatPrompt(turns, o.format, [&](const std::string& text) {
        promptIds = tok.encode(text);
        return static_cast<int64_t>(promptIds.size()) + room <= m.context();
    });
    model::SamplingOptions sampling = given;
    sampling.maxNewTokens = static_cast<int>(room);
    chat::ReplyStream stream(o.format.stopCues());
    torch::Tensor probs;  // [V] of the step being streamed
    ChatReply reply;
    reply.droppedTurns = prompt.droppedTurns;
    auto emit = [&](std::vector<chat::StreamedToken> ready) { for (const auto& t : ready) sink(t); };
    const auto completions = model::generate(
        m.loaded.model, {promptIds}, sampling,
        [&](size_t, int id) {
            ++reply.tokens;
            if (id == m.loaded.model->config().eosTokenId) return true;
            emit(stream.add({id, tok.decode({id}), probs[id].item<double>(), alternativesOf(probs, o.alternatives, tok)}));
            return !stream.stopped() && !cancel.load();
        },
        &cancel, [&](const torch::Tensor& last) { probs = last[0].to(torch::kCPU, torch::kFloat32).softmax(-1); });
    emit(stream.finish());
    reply.text = stream.text();
    const bool eos = !completions.empty() && completions[0].endedWithEos;
    reply.end = stream.stopped() ? "cue" : eos ? "eos" : cancel.load() ? "stopped" : "length";
    return reply;
}

std::string trimmedText(const std::string& s) {
    const size_t first = s.find_first_not_of(" \n\t");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \n\t") - first + 1);
}

}  // namespace rlhf::cli
