#pragma once
// glibc serves every allocation over 32 MB with its own mmap and unmaps it at free, so a training step
// that allocates the same large tensors each step (logits [B*T, V], their gradients, attention scores)
// page-faults and zeroes them in anew every step: 13% of a small-preset CPU step was kernel time.
// keepFreedMemoryForReuse() makes glibc keep freed memory in its heap for the next allocation instead
// (measured: fp32 training +11%, bf16 +35%). The process then holds on to its peak memory: call it
// in processes that train or generate (rlhf-engine), not everywhere. A no-op outside glibc.

namespace rlhf::util {

void keepFreedMemoryForReuse();

}  // namespace rlhf::util
