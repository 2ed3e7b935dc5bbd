#include "model/LlamaStaticDecoder.h"

#include <stdexcept>
#include <string>

#include <torch/torch.h>

namespace rlhf::model {

LlamaStaticDecoder::LlamaStaticDecoder(const LlamaModel& model, const LlamaModel::KvCache& prefilled, int64_t capacity,
                                       const std::vector<int64_t>& firstReal, bool capture)
    : model_(model), inputs_(static_cast<int64_t>(firstReal.size()), capacity, model.device()), capacity_(capacity),
      length_(prefilled.length) {
    const auto B = static_cast<int64_t>(firstReal.size());
    if (capacity_ <= length_ || prefilled.keys.size() != model.weights().layers.size() || (length_ > 0 && prefilled.keys[0].size(0) != B))
        throw std::invalid_argument("LlamaStaticDecoder: a cache of " + std::to_string(length_) + " positions for a capacity of " +
                                    std::to_string(capacity_) + " and " + std::to_string(B) + " rows");
    if (capture && !capturable(model))
        throw std::invalid_argument("LlamaStaticDecoder: a CUDA graph needs a model on a GPU and a build with CUDA graphs");
    for (size_t l = 0; l < prefilled.keys.size(); ++l)
        for (auto [from, to] : {std::pair{&prefilled.keys[l], &cache_.keys}, std::pair{&prefilled.values[l], &cache_.values}}) {
            auto sizes = from->sizes().vec();  // [B,K,S,D] → [B,K,capacity,D]
            sizes[2] = capacity_;
            to->push_back(torch::zeros(sizes, from->options()));
            to->back().narrow(2, 0, length_).copy_(*from);
        }
    cache_.length = length_;
    inputs_.reset(length_, firstReal);
    if (capture) captured_ = std::make_unique<CapturedDecodeStep>([this] { return decode(); }, inputs_);
}

bool LlamaStaticDecoder::capturable(const LlamaModel& model) { return model.device().is_cuda() && CapturedDecodeStep::available(); }

torch::Tensor LlamaStaticDecoder::decode() {
    return model_.decodeStatic(inputs_.tokens, inputs_.positions, inputs_.writeIndex, inputs_.bias, cache_);
}

torch::Tensor LlamaStaticDecoder::step(const torch::Tensor& tokens) {
    if (length_ >= capacity_) throw std::invalid_argument("LlamaStaticDecoder: its " + std::to_string(capacity_) + " positions are full");
    inputs_.tokens.copy_(tokens.view({-1, 1}));
    torch::Tensor logits;
    if (captured_) {
        logits = captured_->replay();
    } else {
        logits = decode();
        inputs_.advance();
    }
    ++length_;
    return logits;
}

}  // namespace rlhf::model
