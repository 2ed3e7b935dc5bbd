#pragma once
// log p(ids[i] | ids[0..i-1]) for i = 1 … n−1 (n − 1 values, none for n < 2) from any causal model:
// `logitsOf` maps input ids [1,n] (int64, on `device`) to logits [1,n,V], the last row unused: the whole
// sequence in one call, as transformers' model(ids).logits[:-1] (a Llama with dynamic NTK scaling past
// max_position_embeddings rotates by the call's length). Runs without gradients.

#include <functional>
#include <vector>

#include <torch/types.h>

namespace rlhf::model {

std::vector<double> sequenceLogProbs(const std::function<torch::Tensor(const torch::Tensor& ids)>& logitsOf,
                                     const std::vector<int>& ids, const torch::Device& device);

}  // namespace rlhf::model
