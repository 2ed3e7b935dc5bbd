#include "dataset/NearDuplicatesDialog.h"

#include <memory>

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QPushButton>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "common/ProjectTask.h"
#include "data/DatasetQueries.h"
#include "data/NearDuplicates.h"
#include "data/ProjectStore.h"

namespace rlhf::widgets {

NearDuplicatesDialog::NearDuplicatesDialog(const QString& projectPath, double threshold, QWidget* parent)
    : QDialog(parent), projectPath_(projectPath) {
    setWindowTitle(tr("Near-duplicate prompts"));
    status_ = new QLabel(this);
    threshold_ = new QDoubleSpinBox(this);
    threshold_->setRange(0.3, 1.0);
    threshold_->setSingleStep(0.05);
    threshold_->setDecimals(2);
    threshold_->setValue(threshold);
    threshold_->setToolTip(tr("Estimated Jaccard similarity of the prompts' word 3-grams"));
    auto* searchButton = new QPushButton(tr("Search"), this);
    tree_ = new QTreeWidget(this);
    tree_->setHeaderLabels({tr("Cluster / prompt"), tr("Text")});
    tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    keep_ = new QPushButton(tr("Keep this one, delete the others"), this);
    keep_->setToolTip(tr("Deletes the other prompts of the selected prompt's cluster (Edit → Undo brings them back)"));
    keep_->setEnabled(false);
    merge_ = new QPushButton(tr("Merge the others into this one"), this);
    merge_->setToolTip(tr("Moves the other prompts' responses, comparisons and tags to the selected prompt, then deletes them "
                          "(Edit → Undo separates them again)"));
    merge_->setEnabled(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(merge_, QDialogButtonBox::ActionRole);
    buttons->addButton(keep_, QDialogButtonBox::ActionRole);
    auto* top = new QHBoxLayout;
    top->addWidget(status_, 1);
    top->addWidget(new QLabel(tr("Similarity ≥"), this));
    top->addWidget(threshold_);
    top->addWidget(searchButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(tree_, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(searchButton, &QPushButton::clicked, this, [this] { search(threshold_->value()); });
    connect(keep_, &QPushButton::clicked, this, &NearDuplicatesDialog::keepSelectedDeleteOthers);
    connect(merge_, &QPushButton::clicked, this, &NearDuplicatesDialog::mergeOthersIntoSelected);
    connect(tree_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        keep_->setEnabled(item && item->parent());
        merge_->setEnabled(item && item->parent());
    });
    connect(tree_, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        if (item->parent()) emit promptActivated(item->data(0, Qt::UserRole).toLongLong());
    });
    resize(900, 560);
    search(threshold);
}

void NearDuplicatesDialog::search(double threshold) {
    tree_->clear();
    keep_->setEnabled(false);
    merge_->setEnabled(false);
    status_->setText(tr("Comparing prompts (MinHash, similarity ≥ %1)…").arg(threshold));
    // Filled on the worker, read here only after `finished` arrives (queued), so never concurrently.
    auto result = std::make_shared<std::vector<ClusterView>>();
    auto* task = ProjectTask::start(projectPath_, [result, threshold](data::ProjectStore& store, const auto&, const auto& cancel) {
        data::DatasetQueries queries(store.database());
        for (const auto& c : data::findNearDuplicatePrompts(store.database(), {threshold, 64, 16}, &cancel)) {
            ClusterView view{c.minSimilarity, {}};
            for (int64_t id : c.promptIds)
                view.prompts.emplace_back(id, QString::fromStdString(queries.detail(id)->text).simplified().left(160));
            result->push_back(std::move(view));
        }
        return QString();
    });
    connect(task, &ProjectTask::finished, this, [this, result] { showClusters(*result); });
    connect(task, &ProjectTask::failed, this, [this](const QString& m) {
        status_->setText(m);
        emit searched();
    });
    connect(this, &QDialog::finished, task, &ProjectTask::cancel);
}

void NearDuplicatesDialog::showClusters(const std::vector<ClusterView>& clusters) {
    tree_->clear();
    for (size_t i = 0; i < clusters.size(); ++i) {
        const auto& c = clusters[i];
        auto* top = new QTreeWidgetItem(tree_, {tr("Cluster %1").arg(i + 1), tr("%n prompt(s), similarity ≥ %1", nullptr, static_cast<int>(c.prompts.size())).arg(c.similarity, 0, 'f', 2)});
        for (const auto& [id, preview] : c.prompts) {
            auto* item = new QTreeWidgetItem(top, {tr("Prompt %1").arg(id), preview});
            item->setData(0, Qt::UserRole, QVariant::fromValue<qlonglong>(id));
        }
    }
    tree_->expandAll();
    status_->setText(clusters.empty() ? tr("No near-duplicate prompts.")
                                      : tr("%n cluster(s) of near-duplicate prompts — double-click a prompt to show it", nullptr, static_cast<int>(clusters.size())));
    emit searched();
}

void NearDuplicatesDialog::selectPrompt(qint64 promptId) {
    for (int i = 0; i < tree_->topLevelItemCount(); ++i)
        for (int j = 0; j < tree_->topLevelItem(i)->childCount(); ++j)
            if (auto* item = tree_->topLevelItem(i)->child(j); item->data(0, Qt::UserRole).toLongLong() == promptId)
                tree_->setCurrentItem(item);
}

QList<qint64> NearDuplicatesDialog::othersInSelectedCluster() const {
    QList<qint64> others;
    const QTreeWidgetItem* kept = tree_->currentItem();
    if (!kept || !kept->parent()) return others;
    for (int j = 0; j < kept->parent()->childCount(); ++j)
        if (kept->parent()->child(j) != kept) others << kept->parent()->child(j)->data(0, Qt::UserRole).toLongLong();
    return others;
}

void NearDuplicatesDialog::keepSelectedDeleteOthers() {
    const QList<qint64> others = othersInSelectedCluster();
    if (others.isEmpty()) return;
    emit deleteRequested(others);
    search(threshold_->value());
}

void NearDuplicatesDialog::mergeOthersIntoSelected() {
    const QList<qint64> others = othersInSelectedCluster();
    if (others.isEmpty()) return;
    emit mergeRequested(tree_->currentItem()->data(0, Qt::UserRole).toLongLong(), others);
    search(threshold_->value());
}

int NearDuplicatesDialog::clusterCount() const { return tree_->topLevelItemCount(); }

}  // namespace rlhf::widgets
