// DatasetPanel: import and export, run as ProjectTasks on worker threads (split from DatasetPanel.cpp).
#include <QCoreApplication>
#include <QInputDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

#include "common/FileDialogs.h"
#include "common/ProjectTask.h"
#include "data/ProjectStore.h"
#include "dataset/DatasetPanel.h"
#include "dataset/ExportOptionsDialog.h"
#include "dataset/PromptTableModel.h"

namespace rlhf::widgets {

namespace {

QString importSummary(const data::ImportReport& r) {
    if (r.format == data::Format::Arena)
        return QCoreApplication::translate("DatasetPanel", "Imported %1 arena battles; %2 duplicates, %3 lines skipped. rlhf arena shows the leaderboard.")
            .arg(r.battles).arg(r.duplicates).arg(r.skipped.size());
    if (r.format == data::Format::Rankings)
        return QCoreApplication::translate("DatasetPanel", "Imported %1 judgements (%2 replacing a labeller's earlier one) and %3 new "
                                                           "items to rank, %4 new prompts; %5 duplicates, %6 lines skipped.")
            .arg(r.judgements).arg(r.replaced).arg(r.newItems).arg(r.newPrompts).arg(r.duplicates).arg(r.skipped.size());
    QString s = QCoreApplication::translate("DatasetPanel", "Imported %1 records (%2 pairs, %3 demonstrations, %4 new prompts) "
                                                            "as %5; %6 exact duplicates, %7.")
                    .arg(r.records).arg(r.pairs).arg(r.demonstrations).arg(r.newPrompts)
                    .arg(QString::fromStdString(data::formatName(r.format))).arg(r.duplicates)
                    .arg(r.skipped.size() == 1 ? QCoreApplication::translate("DatasetPanel", "1 line skipped")
                                               : QCoreApplication::translate("DatasetPanel", "%1 lines skipped").arg(r.skipped.size()));
    for (size_t i = 0; i < r.skipped.size() && i < 20; ++i)
        s += QStringLiteral("\nline %1: %2").arg(r.skipped[i].line).arg(QString::fromStdString(r.skipped[i].reason));
    return s;
}

// A progress dialog bound to a task: the bar follows progress, Cancel cancels, the dialog closes at the end.
void attachProgress(ProjectTask* task, const QString& label, QWidget* parent) {
    auto* progress = new QProgressDialog(label, QCoreApplication::translate("DatasetPanel", "Cancel"), 0, 1000, parent);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(task, &ProjectTask::progressed, progress, [progress](double f) { progress->setValue(static_cast<int>(f * 1000)); });
    QObject::connect(progress, &QProgressDialog::canceled, task, &ProjectTask::cancel);
    QObject::connect(task, &ProjectTask::finished, progress, &QProgressDialog::close);
    QObject::connect(task, &ProjectTask::failed, progress, &QProgressDialog::close);
}

void runImport(DatasetPanel* panel, const QString& projectPath, const QString& path, data::OnError onError);

// An import error: show it, and offer to import again skipping the bad lines.
void offerSkip(DatasetPanel* panel, const QString& projectPath, const QString& path, const QString& message) {
    auto* box = new QMessageBox(QMessageBox::Warning, QCoreApplication::translate("DatasetPanel", "Import"),
                                QCoreApplication::translate("DatasetPanel", "%1\n\nNothing was imported.").arg(message),
                                QMessageBox::Close, panel);
    QPushButton* skip = box->addButton(QCoreApplication::translate("DatasetPanel", "Import, skipping bad lines"), QMessageBox::AcceptRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::buttonClicked, panel, [=](QAbstractButton* b) {
        if (b == skip) runImport(panel, projectPath, path, data::OnError::Skip);
    });
    box->open();
}

void runImport(DatasetPanel* panel, const QString& projectPath, const QString& path, data::OnError onError) {
    auto* task = ProjectTask::start(projectPath, [path, onError](data::ProjectStore& store, const auto& progress, const auto& cancel) {
        data::ImportOptions options;
        options.onError = onError;
        options.cancel = &cancel;
        options.progress = [&](uint64_t done, uint64_t total) { progress(total ? double(done) / double(total) : 0.0); };
        return importSummary(store.importFile(path.toStdString(), options));
    });
    attachProgress(task, QCoreApplication::translate("DatasetPanel", "Importing %1…").arg(path), panel);
    QObject::connect(task, &ProjectTask::finished, panel, [panel](const QString& summary) {
        panel->refreshAfterImport();
        emit panel->statusMessage(summary.section(QLatin1Char('\n'), 0, 0));
        emit panel->importFinished(summary);
    });
    QObject::connect(task, &ProjectTask::failed, panel, [=](const QString& message) {
        emit panel->importFinished(message);
        if (onError == data::OnError::Abort && !message.contains(QStringLiteral("cancelled"))) offerSkip(panel, projectPath, path, message);
        else emit panel->statusMessage(message);
    });
}

}  // namespace

void DatasetPanel::importFile(const QString& chosen) {
    if (!project_) return;
    const QString path = chosen.isEmpty() ? chooseOpenFileName(this, tr("Import JSON lines"), QString(),
                                                                        tr("JSON lines (*.jsonl *.json);;All files (*)"))
                                          : chosen;
    if (path.isEmpty()) return;
    runImport(this, QString::fromStdString(project_->path()), path, data::OnError::Abort);
}

void DatasetPanel::exportFile(const QString& chosen, const QString& chosenFormat, const QString& chosenSplit) {
    if (!project_) return;
    QString format = chosenFormat, split = chosenSplit;
    if (format.isEmpty()) {
        ExportOptionsDialog options(this);
        if (options.exec() != QDialog::Accepted) return;
        format = options.format();
        split = options.split();
    }
    const QString path = chosen.isEmpty() ? chooseSaveFileName(this, tr("Export JSON lines"), QString(), tr("JSON lines (*.jsonl)"))
                                          : chosen;
    if (path.isEmpty()) return;
    const std::optional<std::string> onlySplit = split.isEmpty() ? std::nullopt : std::optional(split.toStdString());
    auto* task = ProjectTask::start(QString::fromStdString(project_->path()), [path, format, onlySplit](data::ProjectStore& store, const auto&, const auto&) {
        const auto r = store.exportFile(path.toStdString(), *data::formatFromName(format.toStdString()), onlySplit);
        return QCoreApplication::translate("DatasetPanel", "Exported %1 records to %2").arg(r.records).arg(path);
    });
    attachProgress(task, tr("Exporting to %1…").arg(path), this);
    connect(task, &ProjectTask::finished, this, &DatasetPanel::statusMessage);
    connect(task, &ProjectTask::failed, this, [this](const QString& m) { QMessageBox::warning(this, tr("Export"), m); });
}

}  // namespace rlhf::widgets
