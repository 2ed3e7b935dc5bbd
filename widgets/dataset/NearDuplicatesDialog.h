#pragma once
// Curation: clusters of near-duplicate prompts (MinHash), computed on a worker thread, listed with a
// preview of each prompt. Double-clicking a prompt asks the Dataset panel to show it.

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace rlhf::widgets {

class NearDuplicatesDialog : public QDialog {
    Q_OBJECT
public:
    NearDuplicatesDialog(const QString& projectPath, double threshold, QWidget* parent = nullptr);
    int clusterCount() const;

signals:
    void promptActivated(qint64 promptId);
    void searched();  // the clusters are listed (or the search failed)

private:
    QTreeWidget* tree_ = nullptr;
    QLabel* status_ = nullptr;
};

}  // namespace rlhf::widgets
