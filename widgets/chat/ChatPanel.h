#pragma once
// The Chat panel: the comparison the recipe leads to. Three tabs — Chat (ELIZA and the project's models
// side by side, transcripts kept), Arena (blind A/B votes) and Leaderboard (the arena's ratings and
// win-rate matrix). Models run in rlhf-engine children (ChatEngine); the UI thread never waits for them.

#include <memory>

#include <QWidget>

class QTabWidget;

namespace rlhf::data {
class ProjectStore;
}

namespace rlhf::widgets {

class ArenaView;
class ChatView;
class LeaderboardView;

class ChatPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChatPanel(QWidget* parent = nullptr);

    void setProject(std::shared_ptr<data::ProjectStore> project);
    ChatView* chatView() const { return chat_; }
    ArenaView* arenaView() const { return arena_; }
    LeaderboardView* leaderboardView() const { return leaderboard_; }
    QTabWidget* tabs() const { return tabs_; }

signals:
    void statusMessage(const QString& message);

private:
    QTabWidget* tabs_ = nullptr;
    ChatView* chat_ = nullptr;
    ArenaView* arena_ = nullptr;
    LeaderboardView* leaderboard_ = nullptr;
};

}  // namespace rlhf::widgets
