#pragma once
// The right side of the Runs panel: the curves of the selected runs, the selected runs side by side
// (RunCompareView), and what a stage shows beyond curves for one selected run: a reward model's evaluation (RewardEvaluationView) and a PPO run's
// rollouts and reward/KL trade-off (PpoSamplesView). Files and metrics are read on worker threads.

#include <QTabWidget>

#include "runs/RunSnapshot.h"

namespace rlhf::widgets {

class PpoSamplesView;
class RewardEvaluationView;
class RunCompareView;
class RunCurvesView;

class RunStageViews : public QTabWidget {
    Q_OBJECT
public:
    explicit RunStageViews(QWidget* parent = nullptr);
    RunCurvesView* curves() const { return curves_; }
    RunCompareView* compare() const { return compare_; }
    // The one selected run (nullptr: none, or several); read again while it trains.
    void showRun(const RunEntry* run, const QString& projectPath);

signals:
    void showPromptRequested(qint64 promptId);

private:
    void loadRewardEvaluation(const RunEntry& run);
    void loadPpoSamples(const RunEntry& run, const QString& projectPath);

    RunCurvesView* curves_ = nullptr;
    RunCompareView* compare_ = nullptr;
    RewardEvaluationView* reward_ = nullptr;
    PpoSamplesView* ppo_ = nullptr;
    int64_t shownRun_ = 0;
    int64_t loadedStep_ = -1;  // the shown run's step when its views were last read
};

}  // namespace rlhf::widgets
