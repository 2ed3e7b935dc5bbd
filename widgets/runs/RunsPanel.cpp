#include "runs/RunsPanel.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include <QAction>
#include <QHeaderView>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSplitter>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include "common/ProjectQuery.h"
#include "data/ProjectStore.h"
#include "runs/CheckpointRetention.h"
#include "runs/ImportRunDialog.h"
#include "runs/NewRunDialog.h"
#include "runs/RunCompareView.h"
#include "runs/RunCurvesView.h"
#include "runs/RunDetailsView.h"
#include "runs/RunLauncher.h"
#include "runs/RunListModel.h"
#include "runs/RunStageViews.h"

namespace rlhf::widgets {

RunsPanel::RunsPanel(QWidget* parent) : QWidget(parent) {
    model_ = new RunListModel(this);
    view_ = new QTreeView(this);
    view_->setModel(model_);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setAllColumnsShowFocus(true);
    view_->setUniformRowHeights(true);
    view_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The run's title holds a name of any length: its column fits the titles up to a limit (fitRunColumn)
    // until the user drags it, and a longer name is elided (whole in its tooltip) rather than pushing status
    // and steps out of view.
    view_->header()->setSectionResizeMode(RunListModel::RunColumn, QHeaderView::Interactive);
    connect(view_->header(), &QHeaderView::sectionResized, this, [this](int section) {
        runColumnDragged_ = runColumnDragged_ || (section == RunListModel::RunColumn && !fittingRunColumn_);
    });
    fitRunColumn();
    details_ = new RunDetailsView(this);
    stageViews_ = new RunStageViews(this);
    curves_ = stageViews_->curves();
    connect(stageViews_, &RunStageViews::showPromptRequested, this, &RunsPanel::showPromptRequested);
    launcher_ = new RunLauncher(this);

    auto* left = new QSplitter(Qt::Vertical, this);
    left->addWidget(view_);
    left->addWidget(details_);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);
    auto* split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(stageViews_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({600, 600});
    auto* toolbar = new QToolBar(this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(toolbar);
    layout->addWidget(split, 1);
    createActions();
    for (QAction* a : {newRun_, importRun_, pause_, resume_, stop_, delete_}) toolbar->addAction(a);

    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsPanel::selectionChanged);
    connect(launcher_, &RunLauncher::runStarted, this, [this](qint64 runId) {
        selectAfterRefresh_ = runId;
        refresh();
    });
    connect(launcher_, &RunLauncher::stepped, curves_, &RunCurvesView::addStep);
    connect(launcher_, &RunLauncher::runChanged, this, [this] { refresh(); });
    connect(launcher_, &RunLauncher::runEnded, this, &RunsPanel::onRunEnded);
    connect(launcher_, &RunLauncher::queueChanged, this, [this] { refresh(); });
    connect(launcher_, &RunLauncher::message, this, &RunsPanel::statusMessage);
    connect(details_, &RunDetailsView::nextStageRequested, this, [this](const QString& kind, const QString& checkpoint) { newRun(kind, checkpoint); });
    connect(details_, &RunDetailsView::deleteCheckpointRequested, this, &RunsPanel::deleteCheckpoint);
    connect(details_, &RunDetailsView::retentionRequested, this, &RunsPanel::keepCheckpoints);
    refreshTimer_.setInterval(2000);
    connect(&refreshTimer_, &QTimer::timeout, this, [this] {
        if (isVisible() || launcher_->liveCount() > 0) refresh();
    });
    updateActions();
}

RunsPanel::~RunsPanel() = default;

void RunsPanel::createActions() {
    newRun_ = new QAction(tr("New run…"), this);
    newRun_->setToolTip(tr("Train a stage: pretraining, SFT, reward model, DPO or PPO"));
    pause_ = new QAction(tr("Pause"), this);
    pause_->setToolTip(tr("Stop stepping after the current step; the run keeps its process and memory"));
    resume_ = new QAction(tr("Resume"), this);
    resume_->setToolTip(tr("Continue a paused run, or a stopped or interrupted one from its last checkpoint"));
    stop_ = new QAction(tr("Stop"), this);
    stop_->setToolTip(tr("Write a checkpoint after the current step and end the run (it can be resumed)"));
    importRun_ = new QAction(tr("Import run…"), this);
    importRun_->setToolTip(tr("Bring in a run trained elsewhere (TRL, OpenRLHF): its checkpoint and curves"));
    delete_ = new QAction(tr("Delete run…"), this);
    delete_->setToolTip(tr("Delete the run's rows, metrics and checkpoints from the project and the disk"));
    connect(newRun_, &QAction::triggered, this, [this] { newRun(); });
    connect(importRun_, &QAction::triggered, this, [this] { importRun(); });
    connect(pause_, &QAction::triggered, this, [this] {
        for (int64_t id : selectedRunIds()) launcher_->pause(id);
    });
    connect(resume_, &QAction::triggered, this, &RunsPanel::resumeSelected);
    connect(stop_, &QAction::triggered, this, [this] {
        for (int64_t id : selectedRunIds()) launcher_->stop(id);
        emit statusMessage(tr("Stopping after the current step (a checkpoint is written)…"));
    });
    connect(delete_, &QAction::triggered, this, &RunsPanel::deleteSelectedRun);
}

void RunsPanel::setProject(const QString& projectPath) {
    projectPath_ = projectPath;
    launcher_->setProject(projectPath);
    std::vector<RunEntry> none;
    model_->setRuns(none, {});
    curves_->showRuns({}, {});
    refreshTimer_.start();
    refresh();
}

void RunsPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
}

void RunsPanel::refresh() {
    if (projectPath_.isEmpty() || refreshing_) return;
    refreshing_ = true;
    queryProject<std::vector<RunEntry>>(
        this, projectPath_, [](data::ProjectStore& store) { return loadRunSnapshot(store); },
        [this, path = projectPath_](std::vector<RunEntry>& runs) {
            refreshing_ = false;
            if (path == projectPath_) applySnapshot(runs);  // not a snapshot of the project open before
        },
        [this](const QString& error) {
            refreshing_ = false;
            emit statusMessage(error);
        });
}

// The title column as wide as its widest title (and its header), at most a long title's width
// ("#000 Pretraining · Mamba — imported name"), unless the user has sized it.
void RunsPanel::fitRunColumn() {
    if (runColumnDragged_) return;
    const int most = view_->fontMetrics().horizontalAdvance(QStringLiteral("#000 Pretraining · Mamba — imported name"));
    fittingRunColumn_ = true;
    view_->resizeColumnToContents(RunListModel::RunColumn);  // the titles and the header
    view_->header()->resizeSection(RunListModel::RunColumn, std::min(view_->header()->sectionSize(RunListModel::RunColumn), most));
    fittingRunColumn_ = false;
}

std::vector<int64_t> RunsPanel::selectedRunIds() const {
    std::vector<int64_t> ids;
    for (const QModelIndex& index : view_->selectionModel()->selectedRows())
        if (const qint64 id = index.data(RunListModel::RunIdRole).toLongLong(); id > 0) ids.push_back(id);
    return ids;
}

void RunsPanel::selectRun(int64_t runId) {
    const QModelIndex index = model_->indexOf(runId);
    if (!index.isValid()) return;
    view_->expandAll();
    view_->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view_->setCurrentIndex(index);
    view_->scrollTo(index);
}

void RunsPanel::applySnapshot(std::vector<RunEntry>& runs) {
    const std::vector<int64_t> selected = selectedRunIds();
    model_->setRuns(std::move(runs), launcher_->queuedDescriptions());
    view_->expandAll();
    fitRunColumn();
    if (selectAfterRefresh_ > 0 && model_->indexOf(selectAfterRefresh_).isValid()) {
        selectRun(selectAfterRefresh_);
        selectAfterRefresh_ = 0;
    } else if (selectedRunIds().empty() && !selected.empty()) {
        for (int64_t id : selected)
            if (const QModelIndex index = model_->indexOf(id); index.isValid())
                view_->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    } else if (selectedRunIds().empty() && !model_->runs().empty()) {
        selectRun(model_->runs().back().row.id);  // the newest run, so the panel opens on curves
    }
    std::vector<const RunEntry*> shown;
    std::vector<int64_t> trainedElsewhere;  // running, but not by this window: read their new points
    for (int64_t id : selectedRunIds())
        if (const RunEntry* e = model_->entry(id)) {
            shown.push_back(e);
            if (e->status == "running" && !launcher_->isLive(id)) trainedElsewhere.push_back(id);
        }
    details_->showRuns(shown);
    stageViews_->showRun(shown.size() == 1 ? shown.front() : nullptr, projectPath_);
    loadCurves(trainedElsewhere, true);
    updateActions();
}

void RunsPanel::selectionChanged() {
    std::vector<std::pair<int64_t, QString>> shown;
    std::vector<int64_t> toLoad;
    std::vector<const RunEntry*> entries;
    std::vector<CompareRequest> compared;
    for (int64_t id : selectedRunIds()) {
        const RunEntry* e = model_->entry(id);
        if (!e) continue;
        entries.push_back(e);
        shown.emplace_back(id, runLabel(id, e->row.kind));
        compared.push_back({id, shown.back().second, e->row.kind, e->row.lastCheckpoint.value_or(std::string())});
        if (!curves_->hasRun(id)) toLoad.push_back(id);
    }
    curves_->setRunsEnded(std::all_of(entries.begin(), entries.end(), [](const RunEntry* e) {
        return e->status != "running" && e->status != "paused" && e->status != "queued";
    }));
    curves_->showRuns(shown, entries.empty() ? std::string() : entries.front()->headlineName);
    details_->showRuns(entries);
    stageViews_->showRun(entries.size() == 1 ? entries.front() : nullptr, projectPath_);
    stageViews_->compare()->showRuns(compared, projectPath_);
    loadCurves(toLoad, false);
    // A run this window trains: the steps it printed before it was selected reach the project within a
    // batch (MetricsRecorder: 2 s); read them once more then, so its curve has no gap.
    std::vector<int64_t> live;
    for (int64_t id : toLoad)
        if (launcher_->isLive(id)) live.push_back(id);
    if (!live.empty()) QTimer::singleShot(2500, this, [this, live] { loadCurves(live, false); });
    updateActions();
}

// Merges each run's points from the project into the curves (after what they have, with onlyNew).
void RunsPanel::loadCurves(const std::vector<int64_t>& runIds, bool onlyNew) {
    for (int64_t id : runIds) {
        const int64_t after = onlyNew ? curves_->lastStep(id) : -1;
        queryProject<std::vector<data::MetricPoint>>(
            this, projectPath_, [id, after](data::ProjectStore& store) { return data::RunStore(store.database()).metrics(id, after); },
            [this, id](std::vector<data::MetricPoint>& points) {
                if (curves_->hasRun(id)) curves_->setPoints(id, points, false);
            });
    }
}

void RunsPanel::updateActions() {
    bool pausable = false, resumable = false, stoppable = false, deletable = false;
    for (int64_t id : selectedRunIds()) {
        const RunEntry* e = model_->entry(id);
        const bool live = launcher_->isLive(id);
        pausable |= live && !launcher_->isPaused(id);
        stoppable |= live;
        resumable |= (live && launcher_->isPaused(id)) ||
                     (!live && e && e->row.lastCheckpoint && (e->status == "stopped" || e->status == "interrupted" || e->status == "failed"));
        deletable |= !live && e && e->status != "running" && e->status != "paused";
    }
    newRun_->setEnabled(!projectPath_.isEmpty());
    importRun_->setEnabled(!projectPath_.isEmpty());
    pause_->setEnabled(pausable);
    resume_->setEnabled(resumable);
    stop_->setEnabled(stoppable);
    delete_->setEnabled(deletable);
}

ImportRunDialog* RunsPanel::importRun() {
    auto* dialog = new ImportRunDialog(projectPath_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportRunDialog::imported, this, [this](qint64 runId, const QString& summary) {
        selectAfterRefresh_ = runId;
        refresh();
        emit statusMessage(summary);
    });
    dialog->open();
    return dialog;
}

NewRunDialog* RunsPanel::newRun(const QString& kind, const QString& checkpoint) {
    std::vector<std::pair<int64_t, QString>> live;
    for (const RunEntry& e : model_->runs())
        if (launcher_->isLive(e.row.id)) live.emplace_back(e.row.id, runLabel(e.row.id, e.row.kind));
    auto* dialog = new NewRunDialog(projectPath_, model_->runs(), live, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!kind.isEmpty()) dialog->preset(kind, checkpoint);
    connect(dialog, &NewRunDialog::panelRequested, this, &RunsPanel::panelRequested);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        RunRequest r = dialog->request();
        if (r.afterRunId > 0 && !launcher_->isLive(r.afterRunId)) {  // it ended while the dialog was open
            const auto checkpoint = finalCheckpointOf(r.afterRunId);
            if (!checkpoint) {
                QMessageBox::warning(this, tr("New run"), tr("Run #%1 did not finish, so there is no final checkpoint to start from.").arg(r.afterRunId));
                return;
            }
            r.sets[r.afterRunSetting] = *checkpoint;
            r.afterRunId = 0;
        }
        launcher_->start(r);
        emit statusMessage(r.afterRunId > 0 ? tr("The %1 run starts when run #%2 has finished.").arg(r.kind.toUpper()).arg(r.afterRunId)
                                            : tr("Starting a %1 run…").arg(r.kind.toUpper()));
    });
    dialog->open();
    return dialog;
}

// A paused run of this window continues; a stopped, interrupted or failed one continues from its last
// checkpoint in a new process (its metrics after that checkpoint are replaced).
void RunsPanel::resumeSelected() {
    for (int64_t id : selectedRunIds()) {
        if (launcher_->isLive(id)) {
            launcher_->resume(id);
            continue;
        }
        const RunEntry* e = model_->entry(id);
        if (!e || !e->row.lastCheckpoint) continue;
        RunRequest r;
        r.kind = QString::fromStdString(e->row.kind);
        r.resumeRunId = id;
        launcher_->start(r);
        emit statusMessage(tr("Resuming run #%1 from its last checkpoint…").arg(id));
    }
}

void RunsPanel::onRunEnded(qint64 runId, bool ok, const QString& message) {
    updateActions();
    if (!ok)
        emit statusMessage(runId > 0 ? tr("Run #%1 failed: %2").arg(runId).arg(message) : tr("The run did not start: %1").arg(message));
    else
        emit statusMessage(tr("Run #%1 ended.").arg(runId));
    if (!ok && runId == 0) QMessageBox::warning(this, tr("New run"), tr("The run did not start:\n%1").arg(message));
    // What waits for the run starts from its final checkpoint, read from the project's row once it is final.
    queryProject<std::vector<RunEntry>>(
        this, projectPath_, [](data::ProjectStore& store) { return loadRunSnapshot(store); },
        [this, runId, path = projectPath_](std::vector<RunEntry>& runs) {
            if (path != projectPath_) return;
            applySnapshot(runs);
            if (runId <= 0) return;
            const auto checkpoint = finalCheckpointOf(runId);
            launcher_->startQueuedAfter(runId, checkpoint);
            emit runEndedWithCheckpoint(runId, checkpoint.value_or(QString()));
        });
}

std::optional<QString> RunsPanel::finalCheckpointOf(int64_t runId) const {
    const RunEntry* e = model_->entry(runId);
    if (!e || e->row.status != "finished" || !e->row.lastCheckpoint) return std::nullopt;
    return QString::fromStdString(*e->row.lastCheckpoint);
}

void RunsPanel::deleteSelectedRun() {
    const std::vector<int64_t> ids = selectedRunIds();
    if (ids.empty()) return;
    QStringList names;
    std::vector<std::string> paths;
    for (int64_t id : ids) {
        names << QStringLiteral("#%1").arg(id);
        if (const RunEntry* e = model_->entry(id))
            for (const auto& c : e->checkpoints) paths.push_back(c.path);
    }
    if (QMessageBox::question(this, tr("Delete runs"), tr("Delete %1 with their metrics and checkpoints? This cannot be undone.")
                                                           .arg(names.join(QStringLiteral(", "))) + dependentsWarning(paths)) != QMessageBox::Yes)
        return;
    queryProject<int>(
        this, projectPath_,
        [ids](data::ProjectStore& store) {
            data::RunStore runs(store.database());
            for (int64_t id : ids)
                if (const auto row = runs.run(id)) {
                    runs.deleteRun(id);  // the row first: a directory without a row is only disk, not a broken run
                    std::error_code ignored;
                    std::filesystem::remove_all(data::RunStore::directoryOf(store.checkpointsDirectory(), id, row->kind), ignored);
                }
            return 0;
        },
        [this](int&) { refresh(); }, [this](const QString& error) { QMessageBox::warning(this, tr("Delete runs"), error); });
}

void RunsPanel::deleteCheckpoint(qint64 checkpointId, const QString& path) {
    if (QMessageBox::question(this, tr("Delete checkpoint"), tr("Delete the checkpoint %1?").arg(path) + dependentsWarning({path.toStdString()})) !=
        QMessageBox::Yes)
        return;
    queryProject<int>(
        this, projectPath_,
        [checkpointId, dir = path.toStdString()](data::ProjectStore& store) {
            data::RunStore(store.database()).deleteCheckpoint(checkpointId);
            std::error_code ignored;
            std::filesystem::remove_all(dir, ignored);
            return 0;
        },
        [this](int&) { refresh(); }, [this](const QString& error) { QMessageBox::warning(this, tr("Delete checkpoint"), error); });
}

// Deletes the checkpoints (rows, then folders) that the last `keepLast` and the best by validation leave.
void RunsPanel::keepCheckpoints(qint64 runId, int keepLast) {
    const RunEntry* e = model_->entry(runId);
    if (!e) return;
    const RetentionRule rule = retentionRuleFor(e->row.kind, keepLast);
    queryProject<int>(
        this, projectPath_,
        [runId, rule, inUse = checkpointsInUse(model_->runs())](data::ProjectStore& store) {
            data::RunStore runs(store.database());
            const auto checkpoints = runs.checkpoints(runId);
            const auto doomed = checkpointsToDelete(checkpoints, runs.metric(runId, rule.metric), rule, inUse);
            for (const auto& c : checkpoints)
                if (std::find(doomed.begin(), doomed.end(), c.id) != doomed.end()) {
                    runs.deleteCheckpoint(c.id);
                    std::error_code ignored;
                    std::filesystem::remove_all(c.path, ignored);
                }
            return static_cast<int>(doomed.size());
        },
        [this, runId](int& deleted) {
            emit statusMessage(tr("Run #%1: %n checkpoint(s) deleted.", nullptr, deleted).arg(runId));
            refresh();
        },
        [this](const QString& error) { QMessageBox::warning(this, tr("Keep checkpoints"), error); });
}

// "\n\nRuns #5, #6 start from …" when other runs name one of `paths` as their model or reward model.
QString RunsPanel::dependentsWarning(const std::vector<std::string>& paths) const {
    std::set<int64_t> users;
    for (const auto& p : paths)
        for (int64_t id : runsUsing(model_->runs(), p)) users.insert(id);
    if (users.empty()) return {};
    QStringList names;
    for (int64_t id : users) names << QStringLiteral("#%1").arg(id);
    return QStringLiteral("\n\n") + tr("Runs %1 use it as their model or reward model: they keep their own checkpoints, "
                                        "but can no longer be resumed or retraced without it.").arg(names.join(QStringLiteral(", ")));
}

bool RunsPanel::confirmClose() {
    const int live = launcher_->liveCount();
    if (live == 0) return true;
    const auto answer = QMessageBox::question(
        this, tr("Runs are training"),
        tr("%n run(s) are training. Stop them and quit? Each writes a checkpoint and can be resumed later.", nullptr, live),
        QMessageBox::Yes | QMessageBox::Cancel);
    if (answer != QMessageBox::Yes) return false;
    launcher_->stopAll();
    // Until each has written its checkpoint (a long step can take a while); Cancel leaves them interrupted.
    QProgressDialog waiting(tr("Stopping: each run finishes its step and writes a checkpoint…"), tr("Quit without waiting"), 0, 0, this);
    waiting.setWindowModality(Qt::WindowModal);
    waiting.setMinimumDuration(300);
    connect(launcher_, &RunLauncher::runEnded, &waiting, [this, &waiting] {
        if (launcher_->liveCount() == 0) waiting.reset();
    });
    if (launcher_->liveCount() > 0) waiting.exec();
    return true;
}

}  // namespace rlhf::widgets
