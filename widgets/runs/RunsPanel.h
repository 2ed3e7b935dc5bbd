#pragma once
// The Runs panel: start, watch, compare and control training runs of every stage. Composition only:
// the runs list (RunListModel, a tree by lineage) and the selected run's details (RunDetailsView) on the
// left, live curves and the stages' own views (RunStageViews) on the right, the child processes and the
// queue in RunLauncher.
// Threading: the project is read on worker threads (queryProject), every two seconds while the panel is
// shown or a run trains; training runs in child rlhf-engine processes; the UI thread only draws.

#include <memory>
#include <optional>
#include <vector>

#include <QTimer>
#include <QWidget>

#include "runs/RunSnapshot.h"

class QAction;
class QTreeView;

namespace rlhf::widgets {

class ImportRunDialog;
class NewRunDialog;
class RunCurvesView;
class RunDetailsView;
class RunLauncher;
class RunListModel;
class RunStageViews;

class RunsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunsPanel(QWidget* parent = nullptr);
    ~RunsPanel() override;
    void setProject(const QString& projectPath);
    // Asks before closing the window while runs train; stops them (each writes a checkpoint) when allowed.
    bool confirmClose();

    NewRunDialog* newRun(const QString& kind = {}, const QString& checkpoint = {});  // opens the dialog (not modal-blocking)
    ImportRunDialog* importRun();  // opens the Import run dialog; the imported run is selected
    void refresh();
    RunListModel* model() const { return model_; }
    RunCurvesView* curves() const { return curves_; }
    RunLauncher* launcher() const { return launcher_; }
    void selectRun(int64_t runId);

signals:
    void statusMessage(const QString& text);
    void panelRequested(const QString& panel);
    void showPromptRequested(qint64 promptId);  // a reward model's wrong pair, to be shown in the Dataset panel
    // A run this window trained has ended and its row was read: its final checkpoint, empty unless it finished.
    void runEndedWithCheckpoint(qint64 runId, const QString& finalCheckpoint);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void createActions();
    void applySnapshot(std::vector<RunEntry>& runs);
    void fitRunColumn();
    std::vector<int64_t> selectedRunIds() const;
    void selectionChanged();
    void loadCurves(const std::vector<int64_t>& runIds, bool onlyNew);
    void updateActions();
    void resumeSelected();
    void deleteSelectedRun();
    void deleteCheckpoint(qint64 checkpointId, const QString& path);
    void keepCheckpoints(qint64 runId, int keepLast);
    void onRunEnded(qint64 runId, bool ok, const QString& message);
    std::optional<QString> finalCheckpointOf(int64_t runId) const;
    QString dependentsWarning(const std::vector<std::string>& paths) const;  // a finished run's, from the last snapshot

    QString projectPath_;
    RunListModel* model_ = nullptr;
    QTreeView* view_ = nullptr;
    RunDetailsView* details_ = nullptr;
    RunStageViews* stageViews_ = nullptr;
    RunCurvesView* curves_ = nullptr;  // stageViews_'s
    RunLauncher* launcher_ = nullptr;
    QAction* newRun_ = nullptr;
    QAction* importRun_ = nullptr;
    QAction* pause_ = nullptr;
    QAction* resume_ = nullptr;
    QAction* stop_ = nullptr;
    QAction* delete_ = nullptr;
    QTimer refreshTimer_;
    bool refreshing_ = false;
    bool runColumnDragged_ = false;   // the user sized the title column: fitRunColumn leaves it
    bool fittingRunColumn_ = false;   // fitRunColumn is resizing it (not the user)
    int64_t selectAfterRefresh_ = 0;
};

}  // namespace rlhf::widgets
