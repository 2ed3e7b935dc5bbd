#pragma once
// The Pipeline board: InstructGPT's figure 2 as a live board. Pretraining, then Step 1 demonstrations →
// SFT, Step 2 comparisons → reward model, Step 3 PPO, with DPO as the shortcut beside them; per step its
// data, its newest run and key metric, and an action that opens the Runs panel's New-run dialog filled in
// (a demo project's steps with the demo's settings). "Run the rest" chains the steps still to do
// (PipelineChain). Below, the newest evaluation (`rlhf eval`, `rlhf demo run`) as a table.
// Threading: reads the project off the UI thread (queryProject) every 3 s while visible.

#include <map>

#include <QTimer>
#include <QWidget>

#include "pipeline/PipelineSnapshot.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace rlhf::widgets {

class PipelineChain;
class RunsPanel;
class StepCard;

class PipelinePanel : public QWidget {
    Q_OBJECT
public:
    PipelinePanel(RunsPanel* runs, QWidget* parent = nullptr);
    void setProject(const QString& projectPath);
    void refresh();

    StepCard* card(const QString& kind) const { return cards_.at(kind); }
    QTableWidget* evaluationTable() const { return evaluation_; }
    QPushButton* runTheRestButton() const { return runRest_; }
    PipelineChain* chain() const { return chain_; }
    // The steps "Run the rest" would start, in order.
    std::vector<QString> remainingSteps() const;
    // A setting the board adds over the step's own (a demo's) when it starts or opens a step (tests keep
    // the steps tiny this way).
    void overrideStepSetting(const QString& kind, const QString& key, const QString& value) { overrides_[kind][key] = value; }

signals:
    void statusMessage(const QString& text);
    void panelRequested(const QString& panel);
    void refreshed();  // a snapshot was applied (tests wait for it)

protected:
    void showEvent(QShowEvent* event) override;

private:
    void buildCards(QWidget* board);
    void apply(PipelineSnapshot& snapshot);
    void fillCard(const QString& kind);
    void fillEvaluation();
    void fitTableSize();
    void openStep(const QString& kind);
    void runTheRest();
    void updateChainLine();
    std::map<QString, QString> stepSettingsOf(const QString& kind) const;

    RunsPanel* runs_;
    PipelineChain* chain_;
    QString projectPath_;
    PipelineSnapshot snapshot_;
    bool loaded_ = false, refreshing_ = false;
    int generation_ = 0;  // of setProject: reads of an earlier project are dropped
    std::map<QString, StepCard*> cards_;
    std::map<QString, std::map<QString, QString>> overrides_;
    QPushButton* runRest_ = nullptr;
    QLabel* chainLine_ = nullptr;
    QLabel* evaluationLine_ = nullptr;
    QTableWidget* evaluation_ = nullptr;
    QTimer refreshTimer_;
};

}  // namespace rlhf::widgets
