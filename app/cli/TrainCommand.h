#pragma once
namespace CLI { class App; }
namespace rlhf::cli {
// rlhf train pretrain --text FILE | --resume RUN  [--config F] [--set k=v]... [--device D] [--out DIR]
void addTrainCommand(CLI::App& app);
}  // namespace rlhf::cli
