#include "chat/ChatPanel.h"

#include <QTabWidget>
#include <QVBoxLayout>

#include "chat/ArenaView.h"
#include "chat/ChatView.h"
#include "chat/LeaderboardView.h"
#include "data/ProjectStore.h"

namespace rlhf::widgets {

ChatPanel::ChatPanel(QWidget* parent) : QWidget(parent) {
    tabs_ = new QTabWidget(this);
    chat_ = new ChatView(this);
    arena_ = new ArenaView(this);
    leaderboard_ = new LeaderboardView(this);
    tabs_->addTab(chat_, tr("Chat"));
    tabs_->addTab(arena_, tr("Arena"));
    tabs_->addTab(leaderboard_, tr("Leaderboard"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs_);
    connect(chat_, &ChatView::statusMessage, this, &ChatPanel::statusMessage);
    connect(arena_, &ArenaView::statusMessage, this, &ChatPanel::statusMessage);
    connect(leaderboard_, &LeaderboardView::statusMessage, this, &ChatPanel::statusMessage);
    setFocusProxy(chat_);
}

void ChatPanel::setProject(std::shared_ptr<data::ProjectStore> project) {
    leaderboard_->setProject(project ? QString::fromStdString(project->path()) : QString());
    chat_->setProject(project);
    arena_->setProject(std::move(project));
}

}  // namespace rlhf::widgets
