#pragma once
// The Pipeline board's "Run the rest": the steps still to do, one after another, each started by the
// Runs panel's launcher from the checkpoints of the steps before it (SFT from the pretrained or chosen
// base model, the reward model and DPO from SFT, PPO from SFT against the reward model). A step that
// fails or is stopped ends the chain (said in message()). Threading: UI thread only.

#include <map>
#include <vector>

#include <QObject>
#include <QString>

#include "runs/RunRequest.h"

namespace rlhf::widgets {

class RunLauncher;

class PipelineChain : public QObject {
    Q_OBJECT
public:
    PipelineChain(RunLauncher* launcher, QObject* parent = nullptr);

    // `kinds` in order; `checkpoints`: the final checkpoints already there (kind -> path; "base" for the
    // model SFT starts from); `settings`: per kind, the --set values beyond the start models.
    void start(const std::vector<QString>& kinds, const std::map<QString, QString>& checkpoints,
               const std::map<QString, std::map<QString, QString>>& settings);
    bool isRunning() const { return !remaining_.empty() || currentRun_ > 0 || waitingForStart_; }
    QString currentKind() const { return currentKind_; }
    // The run with this id ended with this final checkpoint (empty when it did not finish).
    void runEnded(int64_t runId, const QString& finalCheckpoint);
    void cancel();

signals:
    void message(const QString& text);
    void changed();

private:
    void launchNext();
    RunRequest requestFor(const QString& kind) const;

    RunLauncher* launcher_;
    std::vector<QString> remaining_;
    std::map<QString, QString> checkpoints_;
    std::map<QString, std::map<QString, QString>> settings_;
    QString currentKind_;
    int64_t currentRun_ = 0;
    bool waitingForStart_ = false;
};

}  // namespace rlhf::widgets
