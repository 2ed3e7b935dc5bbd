#pragma once
// The settings of the DPO family of losses (DpoLoss.h), apart from the loss so that the settings of a DPO
// run (DpoConfig) can be read without LibTorch (the workbench's New-run dialog checks them).

namespace rlhf::train {

enum class DpoLossType { Sigmoid, Ipo };

struct DpoOptions {
    double beta = 0.1;            // strength of the implicit KL to the reference
    double labelSmoothing = 0.0;  // cDPO: assumed probability that a preference label is flipped (sigmoid only)
    DpoLossType type = DpoLossType::Sigmoid;
};

}  // namespace rlhf::train
