#pragma once
namespace CLI { class App; }
namespace rlhf::cli {
// rlhf train sft PROJECT --set model=DIR | --resume RUN  [--config F] [--set k=v]... [--device D]
void addSftCommand(CLI::App& train);
}  // namespace rlhf::cli
