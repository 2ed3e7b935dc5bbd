#include "chat/ArenaView.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include "chat/ChatColumnsArea.h"
#include "chat/ChatModelChoices.h"
#include "chat/ElizaChatColumn.h"
#include "chat/GptChatColumn.h"
#include "data/ArenaFile.h"
#include "data/ProjectStore.h"
#include "main/AppSettings.h"

namespace rlhf::widgets {

namespace {

const QString kEliza = QStringLiteral("eliza");

nlohmann::json conversationOf(const ChatColumn* column) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& t : column->turns())
        list.push_back({{"role", t.role == chat::ChatTurn::Role::User ? "user" : "assistant"}, {"content", t.text}});
    return list;
}

}  // namespace

ArenaView::ArenaView(QWidget* parent) : QWidget(parent) {
    area_ = new ChatColumnsArea(this);
    newBattle_ = new QPushButton(tr("New battle"), this);
    newBattle_->setToolTip(tr("Two contestants drawn at random, on random sides"));
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->setTextFormat(Qt::RichText);
    const std::pair<QString, QString> choices[] = {{tr("A is better"), QStringLiteral("model_a")}, {tr("B is better"), QStringLiteral("model_b")},
                                                   {tr("Tie"), QStringLiteral("tie")}, {tr("Both are bad"), QStringLiteral("tie (bothbad)")}};
    // The buttons on one row, the status under them at the full width: beside the buttons it made the
    // panel wider than a small screen.
    auto* voteRow = new QHBoxLayout;
    voteRow->addWidget(newBattle_);
    voteRow->addStretch(1);
    for (const auto& [text, winner] : choices) {
        auto* button = new QPushButton(text, this);
        connect(button, &QPushButton::clicked, this, [this, winner = winner] { vote(winner); });
        voteRow->addWidget(button);
        votes_.append(button);
    }
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(voteRow);
    layout->addWidget(status_);
    layout->addWidget(area_, 1);
    connect(newBattle_, &QPushButton::clicked, this, &ArenaView::newBattle);
    connect(area_, &ChatColumnsArea::exchangeFinished, this, [this] {
        ++exchanges_;
        updateVoting();
    });
    connect(area_, &ChatColumnsArea::busyChanged, this, &ArenaView::updateVoting);
    connect(area_, &ChatColumnsArea::conversationsReset, this, [this] {
        exchanges_ = 0;
        updateVoting();
    });
    showWelcome();
    updateVoting();
    setFocusProxy(area_);
}

void ArenaView::showWelcome() {
    status_->setText(tr("<b>Blind battles.</b> New battle draws two of ELIZA and this project's models; they answer as Model A "
                        "and Model B. Chat with both, vote, and only then see who they were. The Leaderboard ranks them."));
}

void ArenaView::setProject(std::shared_ptr<data::ProjectStore> project) {
    project_ = std::move(project);
    area_->removeColumns();
    showWelcome();
    voted_ = true;
    exchanges_ = 0;
    updateVoting();
}

QStringList ArenaView::pool() const {
    QStringList keys{kEliza};
    if (project_)
        for (const auto& c : chatModelChoices(project_->database())) keys << c.model;
    return keys;
}

void ArenaView::newBattle() {
    const QStringList keys = pool();
    if (keys.size() < 2) {
        status_->setText(tr("The arena needs two contestants: train a model first (or open the demo project), and it meets ELIZA."));
        return;
    }
    auto* random = QRandomGenerator::global();
    const int first = static_cast<int>(random->bounded(keys.size()));
    int second = static_cast<int>(random->bounded(keys.size() - 1));
    if (second >= first) ++second;  // two different contestants, each pair and each side equally likely
    startBattle(keys[first], keys[second]);
}

// A model is named as its engine will name it ("sft-3", a directory's name) even if it never loads.
ChatColumn* ArenaView::createContestant(const QString& key) {
    if (key == kEliza) return new ElizaChatColumn;
    QString name = QFileInfo(key).fileName();
    if (project_)
        for (const auto& c : chatModelChoices(project_->database()))
            if (c.model == key) name = c.name;
    return new GptChatColumn(project_ ? QString::fromStdString(project_->path()) : QString(), key, name);
}

void ArenaView::startBattle(const QString& first, const QString& second) {
    area_->removeColumns();
    for (const QString& key : {first, second}) {
        ChatColumn* column = createContestant(key);
        column->setAlias(area_->columns().isEmpty() ? tr("Model A") : tr("Model B"));
        area_->addColumn(column, false);
    }
    voted_ = false;
    exchanges_ = 0;
    status_->setText(tr("Chat with both, then vote. Who is who is shown after the vote."));
    updateVoting();
    area_->input()->setFocus();
}

// A vote needs both to have answered the latest message: a model that failed to load or to reply is no
// contestant.
void ArenaView::updateVoting() {
    const bool bothAnswered = area_->columns().size() == 2 && area_->answeredColumns().size() == 2;  // the latest message
    const bool canVote = !voted_ && exchanges_ > 0 && !area_->busy() && bothAnswered;
    for (QPushButton* b : votes_) b->setEnabled(canVote);
    area_->setInputEnabled(!voted_);
}

void ArenaView::vote(const QString& winner) {
    if (voted_ || area_->columns().size() != 2 || !project_) return;
    ChatColumn* a = area_->columns()[0];
    ChatColumn* b = area_->columns()[1];
    nlohmann::json record = {{"model_a", a->contestant().toStdString()}, {"model_b", b->contestant().toStdString()},
                             {"winner", winner.toStdString()}, {"tstamp", QDateTime::currentMSecsSinceEpoch() / 1000.0},
                             {"conversation_a", conversationOf(a)}, {"conversation_b", conversationOf(b)}};
    const QString judge = AppSettings::labeller();  // the Ranking panel's labeller, when one is set
    if (!judge.isEmpty()) record["judge"] = judge.toStdString();
    try {
        data::recordArenaBattle(project_->database(), record);
    } catch (const std::exception& e) {
        status_->setText(tr("The vote could not be stored: %1").arg(QString::fromUtf8(e.what()).toHtmlEscaped()));
        return;
    }
    voted_ = true;
    a->setAlias({});
    b->setAlias({});
    status_->setText(tr("Vote stored. <b>Model A</b> was <b>%1</b>, <b>Model B</b> was <b>%2</b>.")
                         .arg(a->contestant().toHtmlEscaped(), b->contestant().toHtmlEscaped()));
    updateVoting();
    emit battleRecorded();
    emit statusMessage(tr("Arena vote stored: %1 vs %2").arg(a->contestant(), b->contestant()));
}

}  // namespace rlhf::widgets
