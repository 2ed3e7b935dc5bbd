#pragma once
// The main window only wires panels: navigation on the left, the current panel on the right, the
// project menu (New, Open, Recent, Save a copy), Edit (undo/redo of the dataset), a status bar every
// panel can write to, Help → About. Only panels that work are listed.

#include <memory>

#include <QMainWindow>

class QListWidget;
class QMenu;
class QStackedWidget;

namespace rlhf::data { class ProjectStore; }

namespace rlhf::widgets {

class DatasetPanel;
class PipelinePanel;
class PresentationZoom;
class RankingPanel;
class ChatPanel;
class RunsPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens (or with `create`, creates) a project; false after telling the user why not.
    bool openProject(const QString& path, bool create);
    // Opens the demo project at `path`, generating it first (off the UI thread, a few seconds) when it
    // does not exist; shows the Pipeline board.
    void openDemoProject(const QString& path);
    DatasetPanel* datasetPanel() const { return dataset_; }
    RunsPanel* runsPanel() const { return runs_; }
    PipelinePanel* pipelinePanel() const { return pipeline_; }
    RankingPanel* rankingPanel() const { return ranking_; }
    ChatPanel* chatPanel() const { return chat_; }
    PresentationZoom* zoom() const { return zoom_; }
    // The panels `--panel` and links name: dataset, ranking, runs, chat, pipeline.
    static const QStringList& panelNames();
    // Shows the panel `name` (one of panelNames()); false when that panel does not exist yet (the status
    // bar says so and the current panel stays).
    bool showPanel(const QString& name);

signals:
    void demoProjectReady(const QString& path);  // generated and opened (tests wait for it)

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void fitNavigationWidth();
    void addPanel(QWidget* panel, const QString& title, const QString& name);
    void createMenus();
    void fillRecentMenu();
    void newProject();
    void chooseProject();
    void saveCopy();
    void mergePackage();
    void showLabellingOnly(bool only);
    void showAbout();

    std::shared_ptr<data::ProjectStore> project_;
    QListWidget* navigation_ = nullptr;
    QStackedWidget* panels_ = nullptr;
    DatasetPanel* dataset_ = nullptr;
    RunsPanel* runs_ = nullptr;
    PipelinePanel* pipeline_ = nullptr;
    RankingPanel* ranking_ = nullptr;
    ChatPanel* chat_ = nullptr;
    bool labellingOnly_ = false;  // a labelling package is open
    PresentationZoom* zoom_ = nullptr;
    bool makingDemo_ = false;
    QStringList panelKeys_;  // panelNames() entry of each navigation row
    QMenu* recentMenu_ = nullptr;
};

}  // namespace rlhf::widgets
