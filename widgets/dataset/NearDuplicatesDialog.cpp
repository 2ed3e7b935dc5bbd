#include "dataset/NearDuplicatesDialog.h"

#include <memory>

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "common/ProjectTask.h"
#include "data/DatasetQueries.h"
#include "data/NearDuplicates.h"
#include "data/ProjectStore.h"

namespace rlhf::widgets {

namespace {
struct ClusterView {
    double similarity = 1;
    std::vector<std::pair<int64_t, QString>> prompts;  // id, preview
};
}  // namespace

NearDuplicatesDialog::NearDuplicatesDialog(const QString& projectPath, double threshold, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Near-duplicate prompts"));
    status_ = new QLabel(tr("Comparing prompts (MinHash, similarity ≥ %1)…").arg(threshold), this);
    tree_ = new QTreeWidget(this);
    tree_->setHeaderLabels({tr("Cluster / prompt"), tr("Text")});
    tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(status_);
    layout->addWidget(tree_, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(tree_, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        if (item->parent()) emit promptActivated(item->data(0, Qt::UserRole).toLongLong());
    });
    resize(900, 560);

    // Filled on the worker, read here only after `finished` arrives (queued), so never concurrently.
    auto result = std::make_shared<std::vector<ClusterView>>();
    auto* task = ProjectTask::start(projectPath, [result, threshold](data::ProjectStore& store, const auto&, const auto& cancel) {
        data::DatasetQueries queries(store.database());
        for (const auto& c : data::findNearDuplicatePrompts(store.database(), {threshold, 64, 16}, &cancel)) {
            ClusterView view{c.minSimilarity, {}};
            for (int64_t id : c.promptIds)
                view.prompts.emplace_back(id, QString::fromStdString(queries.detail(id)->text).simplified().left(160));
            result->push_back(std::move(view));
        }
        return QString();
    });
    connect(task, &ProjectTask::finished, this, [this, result] {
        for (size_t i = 0; i < result->size(); ++i) {
            const auto& c = (*result)[i];
            auto* top = new QTreeWidgetItem(tree_, {tr("Cluster %1").arg(i + 1), tr("%n prompt(s), similarity ≥ %1", nullptr, static_cast<int>(c.prompts.size())).arg(c.similarity, 0, 'f', 2)});
            for (const auto& [id, preview] : c.prompts) {
                auto* item = new QTreeWidgetItem(top, {tr("Prompt %1").arg(id), preview});
                item->setData(0, Qt::UserRole, QVariant::fromValue<qlonglong>(id));
            }
        }
        tree_->expandAll();
        status_->setText(result->empty() ? tr("No near-duplicate prompts.")
                                         : tr("%n cluster(s) of near-duplicate prompts — double-click a prompt to show it", nullptr, static_cast<int>(result->size())));
        emit searched();
    });
    connect(task, &ProjectTask::failed, this, [this](const QString& m) {
        status_->setText(m);
        emit searched();
    });
    connect(this, &QDialog::finished, task, &ProjectTask::cancel);
}

int NearDuplicatesDialog::clusterCount() const { return tree_->topLevelItemCount(); }

}  // namespace rlhf::widgets
