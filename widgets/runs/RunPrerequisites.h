#pragma once
// What a stage needs before it can start, said before Start is pressed, each with where to get it.

#include <QString>
#include <QStringList>

#include "data/TrainingDataSummary.h"

namespace rlhf::widgets {

struct MissingPrerequisite {
    QString text;   // one sentence for people
    QString panel;  // the panel that gives it ("dataset", "ranking", "runs"), empty when this dialog does
};

struct RunChoice {
    QString kind;
    bool hasModel = false;        // a start checkpoint or directory is chosen
    bool hasRewardModel = false;  // PPO
};

QList<MissingPrerequisite> missingPrerequisites(const RunChoice& choice, const data::TrainingDataSummary& data);

// One line per split of what `kind` would read, e.g. "train: 1,200 demonstrations · validation: 60".
QString dataSummaryText(const QString& kind, const data::TrainingDataSummary& data);

}  // namespace rlhf::widgets
