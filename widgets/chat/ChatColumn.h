#pragma once
// One conversation of the Chat panel: ELIZA or a model. The panel owns the input line and sends every
// message to each column; a column answers at once (ELIZA) or streams its reply (a model) and says when it
// is done. In the arena a column is anonymous ("Model A") until the vote.

#include <vector>

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <QString>
#include <QWidget>

#include "chat/ChatPrompt.h"

namespace rlhf::widgets {

class ChatColumn : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    virtual QString contestant() const = 0;  // the name votes and transcripts record ("eliza-doctor-1966", "sft-3")
    virtual void send(const QString& message) = 0;
    virtual void reset() = 0;  // a fresh conversation
    virtual void stop() {}     // ends a reply being written
    virtual bool busy() const { return false; }
    virtual QString transcriptText() const = 0;
    // The conversation so far; the last reply (the one just finished) ends it.
    const std::vector<chat::ChatTurn>& turns() const { return turns_; }
    // Hides the name behind `alias` (the arena) or shows it again (empty alias).
    virtual void setAlias(const QString& alias) = 0;
    // Replies written so far (never reset): a column answered a message when this grew after send().
    int repliesWritten() const { return repliesWritten_; }
    // A button at the end of the title row (the area's ×).
    void addHeaderWidget(QWidget* widget) { headerRow_->addWidget(widget, 0, Qt::AlignTop); }
    // The title row (and what the column puts under it), whose height the area evens out across the
    // columns so that their transcripts start level.
    QWidget* header() const { return header_; }

signals:
    void replyFinished();  // after send(): the reply is whole (or stopped, or failed)
    void conversationRestarted();  // by the column itself (ELIZA's script changed): a new transcript
    void statusMessage(const QString& message);

protected:
    // The column's header: its title, stretching, then the buttons added to it; `below` under that row. Any
    // height the area adds goes below both.
    QWidget* createHeader(QLabel* title, QWidget* below = nullptr) {
        header_ = new QWidget(this);
        auto* rows = new QVBoxLayout(header_);
        rows->setContentsMargins(0, 0, 0, 0);
        headerRow_ = new QHBoxLayout;
        headerRow_->addWidget(title, 1, Qt::AlignTop);
        rows->addLayout(headerRow_);
        if (below) rows->addWidget(below);
        rows->addStretch(1);
        return header_;
    }

    void countReply() { ++repliesWritten_; }

    std::vector<chat::ChatTurn> turns_;

private:
    QWidget* header_ = nullptr;
    QHBoxLayout* headerRow_ = nullptr;
    int repliesWritten_ = 0;
};

}  // namespace rlhf::widgets
