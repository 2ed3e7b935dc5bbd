#pragma once
// The runs of a project as a tree by lineage: a run that started from another run's checkpoint is its
// child (pretrain → SFT → reward model / DPO → PPO). Runs waiting in the queue are listed at the end as
// "queued". Columns: run, status, steps, headline metric, where it started from, started, duration.
// Refreshing with the same runs in the same places only changes data (selection and expansion stay);
// otherwise the model resets.

#include <map>
#include <vector>

#include <QAbstractItemModel>

#include "runs/RunSnapshot.h"

namespace rlhf::widgets {

class RunListModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { RunColumn, StatusColumn, StepsColumn, HeadlineColumn, FromColumn, StartedColumn, DurationColumn, ColumnCount };
    static constexpr int RunIdRole = Qt::UserRole + 1;  // int64 run id (0 for a queued run)

    explicit RunListModel(QObject* parent = nullptr) : QAbstractItemModel(parent) {}
    void setRuns(std::vector<RunEntry> runs, const QStringList& queued);
    const RunEntry* entry(int64_t runId) const;
    const RunEntry* entry(const QModelIndex& index) const;
    QModelIndex indexOf(int64_t runId) const;
    const std::vector<RunEntry>& runs() const { return runs_; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& = {}) const override { return ColumnCount; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // Node i: runs_[i] for i < runs_.size(), else queued_[i - runs_.size()]. internalId = node + 1.
    struct Node {
        int parent = -1;  // node index, -1 for a top-level row
        std::vector<int> children;
    };
    void buildTree();
    QVariant runData(const RunEntry& e, int column, int role) const;
    int rowInParent(int node) const;

    std::vector<RunEntry> runs_;
    QStringList queued_;
    std::vector<Node> nodes_;
    std::vector<int> roots_;
    std::map<int64_t, int> nodeOfRun_;
};

// A run as plots, tables and choices name it: "#3 SFT".
QString runLabel(int64_t runId, const std::string& kind);

// A run as the Runs list's first column names it: "#9 DPO · Llama — from the cluster" (the architecture
// unless GPT-2, the name when one was given).
QString runTitle(const RunEntry& e);

// A run status as people read it, translated ("interrupted" → "unterbrochen").
QString runStatusName(const std::string& status);

}  // namespace rlhf::widgets
