#pragma once
// The Chat panel's Arena tab: a blind A/B battle between two contestants drawn at random from ELIZA and
// the project's models, on random sides. The voter chats with both as "Model A" and "Model B", votes
// (A, B, tie, both bad), and only then sees who was who. The vote is committed to the project's
// arena_battles with what an imported record holds — both names, the winner, the time, the voter as
// judge, both conversations — before the names are revealed (data/ArenaFile recordArenaBattle).

#include <memory>

#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;

namespace rlhf::data {
class ProjectStore;
}

namespace rlhf::widgets {

class ChatColumnsArea;
class ChatColumn;

class ArenaView : public QWidget {
    Q_OBJECT
public:
    explicit ArenaView(QWidget* parent = nullptr);

    void setProject(std::shared_ptr<data::ProjectStore> project);
    ChatColumnsArea* area() const { return area_; }
    // The contestants to draw from (ELIZA first, then the project's models as `rlhf chat --model` takes them).
    QStringList pool() const;

public slots:
    void newBattle();
    // Starts a battle between these two, `first` on the left (A); for tests and for "Rematch".
    void startBattle(const QString& first, const QString& second);
    void vote(const QString& winner);  // "model_a", "model_b", "tie", "tie (bothbad)"

signals:
    void statusMessage(const QString& message);
    void battleRecorded();

private:
    ChatColumn* createContestant(const QString& key);
    void showWelcome();
    void updateVoting();

    std::shared_ptr<data::ProjectStore> project_;
    ChatColumnsArea* area_ = nullptr;
    QLabel* status_ = nullptr;
    QList<QPushButton*> votes_;
    QPushButton* newBattle_ = nullptr;
    bool voted_ = true;  // no battle under way until New battle
    int exchanges_ = 0;
};

}  // namespace rlhf::widgets
