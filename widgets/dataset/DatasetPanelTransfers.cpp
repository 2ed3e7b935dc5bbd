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
    const auto skipped = static_cast<qint64>(r.skipped.size());
    if (r.format == data::Format::Arena) {
        const int battles = static_cast<int>(r.battles);
        return QCoreApplication::translate("DatasetPanel", "Imported %n arena battle(s); duplicates: %1, lines skipped: %2. The Chat "
                                                           "panel's Leaderboard tab ranks the models.", nullptr, battles)
            .arg(r.duplicates).arg(skipped);
    }
    if (r.format == data::Format::Rankings) {
        const int judgements = static_cast<int>(r.judgements);
        return QCoreApplication::translate("DatasetPanel", "Imported %n judgement(s) (%1 replacing a labeller's earlier one); new "
                                                           "items to rank: %2, new prompts: %3; duplicates: %4, lines skipped: %5.",
                                           nullptr, judgements)
            .arg(r.replaced).arg(r.newItems).arg(r.newPrompts).arg(r.duplicates).arg(skipped);
    }
    const int records = static_cast<int>(r.records);
    QString s = QCoreApplication::translate("DatasetPanel", "Imported %n record(s) as %1 (pairs: %2, demonstrations: %3, new prompts: "
                                                            "%4); exact duplicates: %5, lines skipped: %6.", nullptr, records)
                    .arg(QString::fromStdString(data::formatName(r.format)))
                    .arg(r.pairs).arg(r.demonstrations).arg(r.newPrompts).arg(r.duplicates).arg(skipped);
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
        const int records = static_cast<int>(r.records);
        return QCoreApplication::translate("DatasetPanel", "Exported %n record(s) to %1", nullptr, records).arg(path);
    });
    attachProgress(task, tr("Exporting to %1…").arg(path), this);
    connect(task, &ProjectTask::finished, this, &DatasetPanel::statusMessage);
    connect(task, &ProjectTask::failed, this, [this](const QString& m) { QMessageBox::warning(this, tr("Export"), m); });
}

}  // namespace rlhf::widgets
