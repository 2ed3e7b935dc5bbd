#include "train/PretrainingMix.h"

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include <torch/torch.h>

namespace rlhf::train {

PretrainingMix::PretrainingMix(const std::string& path, const text::Tokenizer& tokenizer, int64_t length) : length_(length) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::invalid_argument(path + ": no pretraining text for ptx_coef (the project's train split as text)");
    std::ostringstream text;
    text << in.rdbuf();
    for (int id : tokenizer.encode(text.str())) tokens_.push_back(id);
    if (static_cast<int64_t>(tokens_.size()) < length_ + 1)
        throw std::invalid_argument(path + ": " + std::to_string(tokens_.size()) + " tokens of pretraining text, fewer than one window of " +
                                    std::to_string(length_ + 1) + " for ptx_coef");
}

torch::Tensor PretrainingMix::windows(int64_t batch, uint64_t seed) const {
    std::mt19937_64 generator(seed);
    std::uniform_int_distribution<int64_t> start(0, static_cast<int64_t>(tokens_.size()) - length_ - 1);
    auto out = torch::empty({batch, length_ + 1}, torch::kLong);
    auto* ids = out.data_ptr<int64_t>();
    for (int64_t b = 0; b < batch; ++b) {
        const int64_t at = start(generator);
        std::copy(tokens_.begin() + at, tokens_.begin() + at + length_ + 1, ids + b * (length_ + 1));
    }
    return out;
}

}  // namespace rlhf::train
