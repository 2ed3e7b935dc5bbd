#pragma once
// New run: the stage; the checkpoint it starts from (a run of this project, or a Hugging Face directory on
// disk) and PPO's reward model; a summary of the data it will read per split; the memory the run needs
// before its activations against what is free (RunMemoryLine); every setting with its default and what it
// does (tooltips); device, precision and seed; and whether it starts now or after a run that is training
// (then from that run's final checkpoint). What is missing is said before Start, with a way to get it.
// The settings are checked with the engine's own rules before the dialog closes.

#include <optional>
#include <vector>

#include <QDialog>

#include "data/TrainingDataSummary.h"
#include "runs/RunRequest.h"
#include "runs/RunSnapshot.h"

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace rlhf::widgets {

class NewRunDialog : public QDialog {
    Q_OBJECT
public:
    // `runs`: the project's runs (their checkpoints are the choices); `live`: runs a new one may wait for.
    NewRunDialog(const QString& projectPath, const std::vector<RunEntry>& runs, const std::vector<std::pair<int64_t, QString>>& live,
                 QWidget* parent = nullptr);
    void preset(const QString& kind, const QString& checkpoint);  // "start the next stage from this checkpoint"
    RunRequest request() const { return request_; }
    void setSetting(const QString& key, const QString& value);    // tests type into the form this way too
    bool canStart() const;
    void accept() override;  // checks the settings with the engine's rules; stays open with the error when wrong

signals:
    void panelRequested(const QString& panel);  // a missing prerequisite's link

private:
    void kindChanged();
    void fillModelChoices();
    void chooseDirectory(QComboBox* combo);
    void updateProblems();
    void updateMemory();
    QString queuedSetting() const;

    QString projectPath_;
    std::vector<RunEntry> runs_;
    std::optional<data::TrainingDataSummary> data_;  // once counted
    QComboBox* kind_ = nullptr;
    QComboBox* model_ = nullptr;
    QComboBox* rewardModel_ = nullptr;
    QComboBox* when_ = nullptr;
    QComboBox* device_ = nullptr;
    QComboBox* precision_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QLabel* dataSummary_ = nullptr;
    QLabel* memory_ = nullptr;
    QLabel* problems_ = nullptr;
    QLabel* error_ = nullptr;
    QFormLayout* settingsForm_ = nullptr;
    std::vector<std::pair<QString, QLineEdit*>> settingEdits_;
    QDialogButtonBox* buttons_ = nullptr;
    RunRequest request_;
};

}  // namespace rlhf::widgets
