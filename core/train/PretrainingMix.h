#pragma once
// InstructGPT's PPO-ptx data (Ouyang et al. 2022, eq. 2: the objective gains γ E_{x~D_pretrain}[log π(x)]):
// the project's pretraining text (what `rlhf train pretrain PROJECT` reads, kept as RUN/ptx.txt) as one
// token stream, from which each PPO mini-batch update draws windows at positions seeded by its step and
// update, so that a resumed run draws the same windows.

#include <cstdint>
#include <string>
#include <vector>

#include <torch/types.h>

#include "text/Tokenizer.h"

namespace rlhf::train {

class PretrainingMix {
public:
    // The text of `path` in `tokenizer`'s tokens, windows of `length` tokens (+1 target); throws
    // std::invalid_argument naming the file when it is missing or shorter than one window.
    PretrainingMix(const std::string& path, const text::Tokenizer& tokenizer, int64_t length);
    // [batch, length + 1] token ids (int64, CPU): `batch` windows at positions drawn from `seed`.
    torch::Tensor windows(int64_t batch, uint64_t seed) const;
    int64_t length() const { return length_; }

private:
    std::vector<int64_t> tokens_;
    int64_t length_;
};

}  // namespace rlhf::train
