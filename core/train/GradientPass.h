#pragma once
// The gradient of one optimiser step: the mean (or sum) of the step's micro-batch losses, and in each
// parameter's .grad the mean (or sum) of their gradients. Eager on the CPU; on CUDA a CUDA graph
// (RLHF_NO_CUDA_GRAPH_TRAINING=1: eager there too): the forward, loss and backward passes of all the
// micro-batches are captured at the first step and replayed at every later one, so the ~850 kernel
// launches of a GPT-2 micro-batch become one graph launch and the host does not bound the step
// (docs/benchmarks.md compares the two).
//
// Under a graph: each .grad is a buffer the graph writes (the optimiser updates the parameters in place
// and nothing may set the grads to none or move the parameters), and the loss must not read device values
// on the host (no .item()). A step whose micro-batches differ in shape from the first step's runs eagerly,
// into the same .grad buffers. If capturing fails, a warning says why and every step runs eagerly.

#include <functional>
#include <memory>
#include <vector>

#include <torch/types.h>

namespace rlhf::train {

class GradientPass {
public:
    // One micro-batch's loss, a scalar; it chooses its own autocast.
    using MicroLoss = std::function<torch::Tensor(const torch::Tensor& input, const torch::Tensor& target)>;

    // How the micro-batches' losses combine: their mean (each a mean over micro-batches of one size), or
    // their sum (each a sum that the caller divides, as SFT divides by the step's learned tokens).
    enum class Combine { Mean, Sum };

    // allowCudaGraph false: always eager (for micro-batches whose shapes change from step to step, where a
    // graph would seldom replay and would hold its own activation memory beside the eager steps').
    GradientPass(std::vector<torch::Tensor> parameters, MicroLoss loss, const torch::Device& device,
                 Combine combine = Combine::Mean, bool allowCudaGraph = true);
    ~GradientPass();

    // inputs[m], targets[m]: the step's micro-batches (at least one). Returns the combined loss, a scalar
    // on the device (under a graph, a buffer that the next call rewrites).
    torch::Tensor run(const std::vector<torch::Tensor>& inputs, const std::vector<torch::Tensor>& targets);

    bool usesCudaGraph() const { return useGraph_; }
    // This build has CUDA graphs, `device` is a GPU and RLHF_NO_CUDA_GRAPH_TRAINING is unset.
    static bool cudaGraphWanted(const torch::Device& device);

private:
    // Forward, loss and backward of each micro-batch; the grads must be none (or zero) on entry.
    torch::Tensor accumulate(const std::vector<torch::Tensor>& inputs, const std::vector<torch::Tensor>& targets);
    torch::Tensor runUnderGraph(const std::vector<torch::Tensor>& inputs, const std::vector<torch::Tensor>& targets);
    void capture(const std::vector<torch::Tensor>& inputs, const std::vector<torch::Tensor>& targets);
    torch::Tensor replay(const std::vector<torch::Tensor>& inputs, const std::vector<torch::Tensor>& targets);

    struct CapturedStep;  // the graph and its static input buffers (CUDA builds)
    std::vector<torch::Tensor> parameters_;
    MicroLoss loss_;
    Combine combine_;
    bool useGraph_;
    std::unique_ptr<CapturedStep> captured_;
};

}  // namespace rlhf::train
