#include "runs/RunDetailsView.h"

#include <filesystem>

#include <QDateTime>
#include <QGridLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "common/FileDialogs.h"
#include "common/OffThread.h"
#include "runs/RunListModel.h"
#include "runs/SettingsDifference.h"

namespace rlhf::widgets {

QString nextStageAfter(const QString& kind) {
    if (kind == QLatin1String("pretrain")) return QStringLiteral("sft");
    if (kind == QLatin1String("sft")) return QStringLiteral("rm");
    return QStringLiteral("ppo");
}

RunDetailsView::RunDetailsView(QWidget* parent) : QWidget(parent) {
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    table_ = new QTableWidget(this);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    nextStage_ = new QPushButton(tr("Start next stage from it…"), this);
    copy_ = new QPushButton(tr("Copy as Hugging Face directory…"), this);
    delete_ = new QPushButton(tr("Delete checkpoint"), this);
    retain_ = new QPushButton(tr("Keep last N and best…"), this);
    retain_->setToolTip(tr("Delete the other checkpoints; the best is judged by val_loss (PPO: val_objective/scores)"));
    auto* buttons = new QGridLayout;  // two rows: the panel stays usable in a narrow window
    buttons->addWidget(nextStage_, 0, 0);
    buttons->addWidget(copy_, 0, 1);
    buttons->addWidget(delete_, 1, 0);
    buttons->addWidget(retain_, 1, 1);
    buttons->setColumnStretch(2, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(summary_);
    layout->addWidget(table_, 1);
    layout->addLayout(buttons);
    connect(nextStage_, &QPushButton::clicked, this, [this] { emit nextStageRequested(nextStageAfter(kind_), selectedCheckpoint()); });
    connect(copy_, &QPushButton::clicked, this, &RunDetailsView::copyCheckpoint);
    connect(delete_, &QPushButton::clicked, this, [this] {
        const int row = table_->currentRow();
        if (row < 0) return;
        emit deleteCheckpointRequested(table_->item(row, 0)->data(Qt::UserRole).toLongLong(), selectedCheckpoint());
    });
    connect(retain_, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const int n = QInputDialog::getInt(this, tr("Keep checkpoints"), tr("Keep the last N checkpoints (and the best):"), 2, 1, 1000, 1, &ok);
        if (ok) emit retentionRequested(runId_, n);
    });
    connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
        const bool one = !selectedCheckpoint().isEmpty();
        nextStage_->setEnabled(one);
        copy_->setEnabled(one);
        delete_->setEnabled(one && !live_);
    });
    showRuns({});
}

void RunDetailsView::showRuns(const std::vector<const RunEntry*>& runs) {
    // Shown again every refresh: the checkpoint the user selected stays selected.
    const int row = table_->currentRow();
    const int64_t kept = row >= 0 && table_->columnCount() == 3 && table_->item(row, 0) ? table_->item(row, 0)->data(Qt::UserRole).toLongLong() : 0;
    table_->clear();
    table_->setRowCount(0);
    for (QPushButton* b : {nextStage_, copy_, delete_, retain_}) b->setEnabled(false);
    const bool one = runs.size() == 1;
    for (QPushButton* b : {nextStage_, copy_, delete_, retain_}) b->setVisible(one);
    if (runs.empty()) {
        summary_->setText(tr("No run selected."));
        table_->setColumnCount(0);
        return;
    }
    if (one) showOne(*runs.front(), kept);
    else showDifferences(runs);
}

void RunDetailsView::showOne(const RunEntry& run, int64_t keptCheckpoint) {
    kind_ = QString::fromStdString(run.row.kind);
    live_ = run.status == "running" || run.status == "paused";
    runId_ = run.row.id;
    retain_->setEnabled(!live_ && run.checkpoints.size() > 1);
    const QLocale locale;
    QString text = tr("Run #%1 · %2 · %3 on disk · %4").arg(run.row.id).arg(runStatusName(run.status))
                       .arg(locale.formattedDataSize(run.diskBytes), QString::fromStdString(run.directory));
    if (!run.row.message.empty()) text += QLatin1Char('\n') + QString::fromStdString(run.row.message);
    summary_->setText(text);
    table_->setColumnCount(3);
    table_->setHorizontalHeaderLabels({tr("Checkpoint step"), tr("Written"), tr("Directory")});
    table_->setRowCount(static_cast<int>(run.checkpoints.size()));
    for (size_t i = 0; i < run.checkpoints.size(); ++i) {
        const auto& c = run.checkpoints[i];
        auto* step = new QTableWidgetItem(locale.toString(qint64(c.step)));
        step->setData(Qt::UserRole, qint64(c.id));
        table_->setItem(static_cast<int>(i), 0, step);
        table_->setItem(static_cast<int>(i), 1, new QTableWidgetItem(locale.toString(
                                                   QDateTime::fromSecsSinceEpoch(static_cast<qint64>(c.createdAt)), QLocale::ShortFormat)));
        table_->setItem(static_cast<int>(i), 2, new QTableWidgetItem(QString::fromStdString(c.path)));
    }
    table_->resizeColumnsToContents();
    int selected = static_cast<int>(run.checkpoints.size()) - 1;  // the newest, unless one of them was selected
    for (size_t i = 0; i < run.checkpoints.size(); ++i)
        if (run.checkpoints[i].id == keptCheckpoint) selected = static_cast<int>(i);
    if (selected >= 0) table_->selectRow(selected);
}

void RunDetailsView::showDifferences(const std::vector<const RunEntry*>& runs) {
    std::vector<nlohmann::json> configs;
    QStringList headers = {tr("Setting")};
    for (const RunEntry* r : runs) {
        configs.push_back(r->config);
        headers << runLabel(r->row.id, r->row.kind);
    }
    const auto differing = differingSettings(configs);
    summary_->setText(differing.empty() ? tr("These runs have the same settings.") : tr("Settings that differ between the selected runs:"));
    table_->setColumnCount(static_cast<int>(headers.size()));
    table_->setHorizontalHeaderLabels(headers);
    table_->setRowCount(static_cast<int>(differing.size()));
    for (size_t i = 0; i < differing.size(); ++i) {
        table_->setItem(static_cast<int>(i), 0, new QTableWidgetItem(QString::fromStdString(differing[i].key)));
        for (size_t k = 0; k < differing[i].values.size(); ++k)
            table_->setItem(static_cast<int>(i), static_cast<int>(k + 1), new QTableWidgetItem(QString::fromStdString(differing[i].values[k])));
    }
    table_->resizeColumnsToContents();
}

QString RunDetailsView::selectedCheckpoint() const {
    const int row = table_->currentRow();
    if (row < 0 || table_->columnCount() != 3 || !table_->item(row, 2)) return {};
    return table_->item(row, 2)->text();
}

// A checkpoint is a Hugging Face directory already (config.json, model.safetensors, tokenizer files):
// copying it out gives a model other tools load. The copy (hundreds of MB for a real model) runs off the
// UI thread.
void RunDetailsView::copyCheckpoint() {
    const QString from = selectedCheckpoint();
    const QString to = chooseExistingDirectory(this, tr("Copy the checkpoint into a new folder inside…"));
    if (from.isEmpty() || to.isEmpty()) return;
    const std::filesystem::path target = std::filesystem::path(to.toStdString()) / std::filesystem::path(from.toStdString()).filename();
    copy_->setEnabled(false);
    runOffThread<std::error_code>(
        this,
        [source = from.toStdString(), target] {
            std::error_code ec;
            if (std::filesystem::exists(target)) ec = std::make_error_code(std::errc::file_exists);
            else std::filesystem::copy(source, target, std::filesystem::copy_options::recursive, ec);
            return ec;
        },
        [this, target](std::error_code& ec) {
            copy_->setEnabled(!selectedCheckpoint().isEmpty());
            const QString shown = QString::fromStdString(target.string());
            if (ec) QMessageBox::warning(this, tr("Copy checkpoint"), tr("Could not copy to %1: %2").arg(shown, QString::fromStdString(ec.message())));
            else QMessageBox::information(this, tr("Copy checkpoint"), tr("Copied to %1.").arg(shown));
        });
}

}  // namespace rlhf::widgets
