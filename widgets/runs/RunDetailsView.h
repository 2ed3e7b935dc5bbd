#pragma once
// Below the runs list: for one run, its message (why it failed or stopped), its directory and disk use,
// and its checkpoints with what can be done with them (start the next stage from one, copy it out as a
// Hugging Face directory, delete it, keep only the last N and the best by validation); for several runs, the settings that differ between them.

#include <vector>

#include <QWidget>

#include "runs/RunSnapshot.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace rlhf::widgets {

class RunDetailsView : public QWidget {
    Q_OBJECT
public:
    explicit RunDetailsView(QWidget* parent = nullptr);
    void showRuns(const std::vector<const RunEntry*>& runs);  // none, one, or several to compare

signals:
    void nextStageRequested(const QString& kind, const QString& checkpoint);
    void deleteCheckpointRequested(qint64 checkpointId, const QString& path);
    void retentionRequested(qint64 runId, int keepLast);  // keep the last N checkpoints and the best

private:
    void showOne(const RunEntry& run, int64_t keptCheckpoint);  // keptCheckpoint: selected before (checkpoint ids are unique)
    void showDifferences(const std::vector<const RunEntry*>& runs);
    QString selectedCheckpoint() const;
    void copyCheckpoint();

    QLabel* summary_ = nullptr;
    QTableWidget* table_ = nullptr;
    QPushButton* nextStage_ = nullptr;
    QPushButton* copy_ = nullptr;
    QPushButton* delete_ = nullptr;
    QPushButton* retain_ = nullptr;
    int64_t runId_ = 0;  // the run whose checkpoints are listed
    QString kind_;
    bool live_ = false;
};

// The stage that usually follows `kind`'s checkpoints (pretrain → SFT → reward model → PPO; DPO → PPO).
QString nextStageAfter(const QString& kind);

}  // namespace rlhf::widgets
