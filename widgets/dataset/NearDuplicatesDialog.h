#pragma once
// Curation: clusters of near-duplicate prompts (MinHash) at a similarity threshold the user sets,
// computed on a worker thread, listed with a preview of each prompt. Double-clicking a prompt asks the
// Dataset panel to show it; "Keep this one, delete the others" and "Merge the others into this one" ask
// it to delete the rest of that prompt's cluster, or to move their responses, comparisons and tags to it
// first (one undoable step there), then the search runs again.

#include <QDialog>

#include <cstdint>
#include <utility>
#include <vector>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace rlhf::widgets {

// One cluster as the dialog lists it.
struct ClusterView {
    double similarity = 1;
    std::vector<std::pair<int64_t, QString>> prompts;  // id, preview
};

class NearDuplicatesDialog : public QDialog {
    Q_OBJECT
public:
    NearDuplicatesDialog(const QString& projectPath, double threshold, QWidget* parent = nullptr);
    int clusterCount() const;
    void search(double threshold);  // lists the clusters anew (on a worker)
    void selectPrompt(qint64 promptId);
    void keepSelectedDeleteOthers();
    void mergeOthersIntoSelected();

signals:
    void promptActivated(qint64 promptId);
    void deleteRequested(const QList<qint64>& promptIds);  // the Dataset panel deletes them, undoably
    void mergeRequested(qint64 keep, const QList<qint64>& others);  // the Dataset panel merges them, undoably
    void searched();  // the clusters are listed (or the search failed)

private:
    void showClusters(const std::vector<ClusterView>& clusters);
    QList<qint64> othersInSelectedCluster() const;  // empty unless a prompt is selected

    QString projectPath_;
    QTreeWidget* tree_ = nullptr;
    QLabel* status_ = nullptr;
    QDoubleSpinBox* threshold_ = nullptr;
    QPushButton* keep_ = nullptr;
    QPushButton* merge_ = nullptr;
};

}  // namespace rlhf::widgets
