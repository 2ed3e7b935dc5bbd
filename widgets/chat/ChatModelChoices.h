#pragma once
// What the Chat panel can talk to besides ELIZA: the project's policy checkpoints (pretrained, SFT, PPO,
// DPO runs with a checkpoint; reward models do not chat), and the lineage "Compare stages" shows — the
// newest RLHF run and the runs it started from.

#include <vector>

#include <QString>

namespace rlhf::data {
class Database;
}

namespace rlhf::widgets {

struct ChatModelChoice {
    QString model;  // what `rlhf chat --model` takes: the run id
    QString name;   // the contestant's name, as the engine reports it: "sft-3"
    QString label;  // for people: "SFT · run 3 (finished)"
};

// Newest first. Reads the runs table: a handful of rows, cheap on the UI thread.
std::vector<ChatModelChoice> chatModelChoices(data::Database& db);

// The lineage of the newest PPO or DPO run: the pretrained and SFT runs it started from, then the newest
// PPO and the newest DPO run from that SFT model, in that order; empty when there is no RLHF run with a
// checkpoint.
std::vector<ChatModelChoice> stageLineage(data::Database& db);

}  // namespace rlhf::widgets
