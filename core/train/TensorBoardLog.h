#pragma once
// The curves of a run logged to TensorBoard (OpenRLHF's --logger.tensorboard_dir, through torch's
// SummaryWriter), read without TensorFlow or protobuf:
//   file:   events.out.tfevents.* files, TFRecord-framed: uint64 length, masked CRC-32C of those 8 bytes,
//           the record, masked CRC-32C of the record (all little-endian);
//   record: an Event proto {wall_time = 1, step = 2, summary = 5}; Summary {value = 1 (repeated)};
//           Value {tag = 1, simple_value = 2 (float), tensor = 8}; a scalar written with
//           add_scalar(new_style=True) is a TensorProto {dtype = 1 (DT_FLOAT 1, DT_DOUBLE 2),
//           tensor_content = 4, float_val = 5, double_val = 6} of one value.
// Other values (text, histograms, images) are skipped. A record whose checksum does not match is an
// error naming the file and the byte offset; a last record cut short (a writer killed mid-write) ends
// the file, as TensorBoard reads it.
// Tag names become the workbench's (openRlhfMetricName) and the result is a TrainerStateLog, so an
// imported run shows its curves beside local ones.

#include <cstdint>
#include <string>
#include <vector>

#include "train/TrainerStateLog.h"

namespace rlhf::train {

struct TensorBoardScalar {
    int64_t step = 0;
    std::string tag;
    double value = 0;
};

// One event file's scalars in file order. Throws std::invalid_argument naming the file and offset.
std::vector<TensorBoardScalar> readTensorBoardScalars(const std::string& file);

// The event files at `path`: the file itself, or those named events.out.tfevents.* under the directory
// (searched recursively), in path order (their names begin with the time they were opened).
std::vector<std::string> tensorBoardEventFiles(const std::string& path);

// Every scalar of the event files at `path` by step, a later value of a step and name replacing an
// earlier one (a resumed writer); globalStep is the last step. Throws std::invalid_argument when there
// is no event file or no scalar, or when the files are in more than one folder (OpenRLHF writes each
// launch into tensorboard_dir/run_name/: the error lists them, to choose one).
TrainerStateLog readTensorBoardLog(const std::string& path);

// The workbench's name for an OpenRLHF tag where both mean the same quantity: train/reward →
// objective/scores (the mean reward-model score), train/policy_loss → loss/policy_avg, train/critic_loss
// → loss/value_avg, train/ppo_clip_ratio → policy/clipfrac_avg, train/response_length, train/actor_lr and
// train/lr → lr, train/loss_mean → loss and train/acc_mean → rewards/accuracies (the means over gradient
// accumulation, as TRL logs them), train/chosen_reward → rewards/chosen, train/reject_reward →
// rewards/rejected, train/grad_norm and train/actor_grad_norm → grad_norm. Tags that differ keep their
// names: train/kl is a mean per token (objective/kl sums over the response), train/return is the summed
// reward after clipping and any group baseline (not score − β·KL under GRPO or RLOO), train/ppo_kl is the
// k1 estimator (policy/approxkl_avg is k2), train/loss and train/acc are the last micro-batch's.
std::string openRlhfMetricName(const std::string& tag);

}  // namespace rlhf::train
