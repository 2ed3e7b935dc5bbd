#include "train/GradientPass.h"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include <torch/torch.h>

#include "train/AdamW.h"
#include "util/EngineSwitches.h"

#ifdef RLHF_CUDA_GRAPHS
#include <ATen/autocast_mode.h>
#include <ATen/cuda/CUDAEvent.h>
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

namespace rlhf::train {

#ifdef RLHF_CUDA_GRAPHS

struct GradientPass::CapturedStep {
    std::vector<torch::Tensor> inputs, targets;  // static micro-batches: each replay reads these buffers
    torch::Tensor meanLoss;                       // written by each replay
    at::cuda::CUDAGraph graph;
};

namespace {

// Autocast caches the bf16 casts of the weights within a forward; under capture that cache would hold
// casts recorded once, so it is off while capturing (torch.cuda.graphs does the same).
class AutocastCacheOff {
public:
    AutocastCacheOff() : was_(at::autocast::is_autocast_cache_enabled()) { at::autocast::set_autocast_cache_enabled(false); }
    ~AutocastCacheOff() { at::autocast::set_autocast_cache_enabled(was_); }
    AutocastCacheOff(const AutocastCacheOff&) = delete;
    AutocastCacheOff& operator=(const AutocastCacheOff&) = delete;

private:
    bool was_;
};

bool sameShapes(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].sizes() != b[i].sizes() || a[i].scalar_type() != b[i].scalar_type()) return false;
    return true;
}

}  // namespace

bool GradientPass::cudaGraphWanted(const torch::Device& device) {
    return device.is_cuda() && !switchedOff(EngineSwitch::CudaGraphTraining);
}

torch::Tensor GradientPass::runUnderGraph(const std::vector<torch::Tensor>& inputs, const std::vector<torch::Tensor>& targets) {
    if (!captured_) {
        try {
            capture(inputs, targets);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "warning: training without a CUDA graph (RLHF_NO_CUDA_GRAPH_TRAINING=1 skips the "
                                 "attempt): capturing the step failed: %s\n", e.what());
            useGraph_ = false;
            setGradsToNone(parameters_);
            return accumulate(inputs, targets);
        }
    } else if (!sameShapes(inputs, captured_->inputs) || !sameShapes(targets, captured_->targets)) {
        // Eagerly, into the graph's .grad buffers: zeroed in place, backward adds into them in place.
        for (auto& p : parameters_)
            if (p.grad().defined()) p.mutable_grad().zero_();
        return accumulate(inputs, targets);
    }
    return replay(inputs, targets);
}

// Warms up and captures on a side stream (as torch.cuda.graph does): the warm-up creates cuBLAS handles
// and workspaces and fills the allocator outside the graph. The captured work has not run yet.
void GradientPass::capture(const std::vector<torch::Tensor>& inputs, const std::vector<torch::Tensor>& targets) {
    auto step = std::make_unique<CapturedStep>();
    for (size_t m = 0; m < inputs.size(); ++m) {
        step->inputs.push_back(inputs[m].contiguous().clone());
        step->targets.push_back(targets[m].contiguous().clone());
    }
    const c10::cuda::CUDAGuard deviceGuard(parameters_.front().device());
    auto current = c10::cuda::getCurrentCUDAStream();
    auto side = c10::cuda::getStreamFromPool();
    at::cuda::CUDAEvent ready, done;
    ready.record(current);
    ready.block(side);
    {
        const AutocastCacheOff cacheOff;
        const c10::cuda::CUDAStreamGuard onSide(side);
        for (int i = 0; i < 3; ++i) {
            setGradsToNone(parameters_);
            accumulate(step->inputs, step->targets);
        }
        setGradsToNone(parameters_);  // the captured backward allocates the grads from the graph's pool: they stay its outputs
        step->graph.capture_begin();
        try {
            step->meanLoss = accumulate(step->inputs, step->targets);
            step->graph.capture_end();
        } catch (...) {
            try {
                step->graph.capture_end();  // ends the stream's capture mode; fails itself on an invalid capture
            } catch (...) {
            }
            try {
                side.synchronize();  // the warm-ups' memory may go to an eager step on another stream
            } catch (...) {
            }
            throw;
        }
    }
    done.record(side);
    done.block(current);
    captured_ = std::move(step);
}

torch::Tensor GradientPass::replay(const std::vector<torch::Tensor>& inputs, const std::vector<torch::Tensor>& targets) {
    for (size_t m = 0; m < inputs.size(); ++m) {
        captured_->inputs[m].copy_(inputs[m]);
        captured_->targets[m].copy_(targets[m]);
    }
    captured_->graph.replay();
    return captured_->meanLoss;
}

#else

struct GradientPass::CapturedStep {};
bool GradientPass::cudaGraphWanted(const torch::Device&) { return false; }
torch::Tensor GradientPass::runUnderGraph(const std::vector<torch::Tensor>&, const std::vector<torch::Tensor>&) {
    throw std::logic_error("this build has no CUDA graphs");
}

#endif

GradientPass::GradientPass(std::vector<torch::Tensor> parameters, MicroLoss loss, const torch::Device& device, Combine combine,
                           bool allowCudaGraph)
    : parameters_(std::move(parameters)), loss_(std::move(loss)), combine_(combine),
      useGraph_(allowCudaGraph && cudaGraphWanted(device)) {
    if (parameters_.empty()) throw std::invalid_argument("a gradient pass needs parameters");
}

GradientPass::~GradientPass() = default;

torch::Tensor GradientPass::run(const std::vector<torch::Tensor>& inputs, const std::vector<torch::Tensor>& targets) {
    if (inputs.empty() || inputs.size() != targets.size())
        throw std::invalid_argument("a gradient pass needs as many targets as inputs, and at least one of each");
    if (useGraph_) return runUnderGraph(inputs, targets);
    setGradsToNone(parameters_);
    return accumulate(inputs, targets);
}

torch::Tensor GradientPass::accumulate(const std::vector<torch::Tensor>& inputs, const std::vector<torch::Tensor>& targets) {
    const auto count = static_cast<double>(inputs.size());
    torch::Tensor total;
    for (size_t m = 0; m < inputs.size(); ++m) {
        auto loss = loss_(inputs[m], targets[m]);
        if (combine_ == Combine::Mean && inputs.size() > 1) loss = loss / count;  // the grads add up to the mean
        loss.backward();
        total = total.defined() ? total + loss.detach() : loss.detach();
    }
    return total;
}

}  // namespace rlhf::train
