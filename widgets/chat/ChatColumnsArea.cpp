#include "chat/ChatColumnsArea.h"

#include <algorithm>

#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "chat/ChatColumn.h"

namespace rlhf::widgets {

namespace {
constexpr int kColumnMinimumWidth = 260;  // more columns than fit the window scroll sideways
}

ChatColumnsArea::ChatColumnsArea(QWidget* parent) : QWidget(parent) {
    splitter_ = new QSplitter(Qt::Horizontal);
    splitter_->setChildrenCollapsible(false);
    scroll_ = new QScrollArea(this);
    scroll_->setWidget(splitter_);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    input_ = new QLineEdit(this);
    input_->setPlaceholderText(tr("Type a message for every conversation and press Enter"));
    send_ = new QPushButton(tr("Send"), this);
    send_->setDefault(true);
    stop_ = new QPushButton(tr("Stop"), this);
    stop_->setToolTip(tr("End the replies being written"));
    stop_->setEnabled(false);
    reset_ = new QPushButton(tr("Reset"), this);
    reset_->setToolTip(tr("Start every conversation afresh"));
    auto* inputRow = new QHBoxLayout;
    inputRow->addWidget(input_, 1);
    inputRow->addWidget(send_);
    inputRow->addWidget(stop_);
    inputRow->addWidget(reset_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll_, 1);
    layout->addLayout(inputRow);
    connect(input_, &QLineEdit::returnPressed, this, &ChatColumnsArea::sendInput);
    connect(send_, &QPushButton::clicked, this, &ChatColumnsArea::sendInput);
    connect(stop_, &QPushButton::clicked, this, &ChatColumnsArea::stopReplies);
    connect(reset_, &QPushButton::clicked, this, &ChatColumnsArea::resetConversations);
    connect(this, &ChatColumnsArea::busyChanged, this, [this](bool busy) {
        stop_->setEnabled(busy);
        send_->setEnabled(!busy && input_->isEnabled());
    });
    setFocusProxy(input_);
}

void ChatColumnsArea::addColumn(ChatColumn* column, bool closable) {
    auto* frame = new QWidget(splitter_);
    frame->setMinimumWidth(kColumnMinimumWidth);
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(4, 0, 4, 0);
    column->setParent(frame);
    layout->addWidget(column, 1);
    if (closable) {
        auto* close = new QToolButton(column);
        close->setText(QStringLiteral("×"));
        close->setToolTip(tr("Close this conversation"));
        close->setAutoRaise(true);
        column->addHeaderWidget(close);
        connect(close, &QToolButton::clicked, this, [this, column] { removeColumn(column); });
    }
    Q_ASSERT(column->header());  // every column makes its header (ChatColumn::createHeader)
    column->header()->installEventFilter(this);
    splitter_->addWidget(frame);
    // A column added past the window's right edge is scrolled to, once the layout has placed it.
    QTimer::singleShot(0, this, [this, frame = QPointer<QWidget>(frame)] {
        if (frame) scroll_->ensureWidgetVisible(frame, 0, 0);
    });
    columns_.append(column);
    connect(column, &ChatColumn::replyFinished, this, &ChatColumnsArea::onReplyFinished);
    emit columnsChanged();
}

void ChatColumnsArea::removeColumn(ChatColumn* column) {
    const bool endsTheExchange = column->busy() && waiting_ == 1;
    if (column->busy()) {
        column->disconnect(this);
        column->reset();  // its reply is not waited for
        --waiting_;
    }
    columns_.removeOne(column);
    column->header()->removeEventFilter(this);
    column->parentWidget()->deleteLater();  // its frame, and the column with it
    scheduleHeaderAlignment();
    if (endsTheExchange) {  // the others have answered: their replies are the exchange, in its conversation
        emit busyChanged(false);
        emit exchangeFinished(message_);
    }
    emit columnsChanged();
}

// Everything goes, an exchange under way with it: nothing is recorded of it.
void ChatColumnsArea::removeColumns() {
    const bool wasBusy = busy();
    waiting_ = 0;
    for (ChatColumn* c : QList<ChatColumn*>(columns_)) {
        c->disconnect(this);
        c->header()->removeEventFilter(this);
        c->reset();
        c->parentWidget()->deleteLater();
    }
    columns_.clear();
    if (wasBusy) emit busyChanged(false);
    emit columnsChanged();
}

QList<ChatColumn*> ChatColumnsArea::answeredColumns() const {
    QList<ChatColumn*> answered;
    for (ChatColumn* c : columns_)
        if (c->repliesWritten() > repliesBefore_.value(c, c->repliesWritten())) answered.append(c);
    return answered;
}

void ChatColumnsArea::setInputEnabled(bool enabled) {
    input_->setEnabled(enabled);
    send_->setEnabled(enabled && !busy());
    reset_->setEnabled(enabled);  // the arena before a battle and after its vote: nothing to restart
}

void ChatColumnsArea::sendInput() {
    const QString text = input_->text().trimmed();
    if (text.isEmpty() || busy() || columns_.isEmpty() || !input_->isEnabled()) return;
    input_->clear();
    message_ = text;
    waiting_ = static_cast<int>(columns_.size());
    repliesBefore_.clear();
    for (ChatColumn* c : columns_) repliesBefore_.insert(c, c->repliesWritten());
    emit busyChanged(true);
    for (ChatColumn* c : QList<ChatColumn*>(columns_)) c->send(text);  // ELIZA answers inside send()
}

void ChatColumnsArea::onReplyFinished() {
    if (waiting_ == 0) return;
    if (--waiting_ > 0) return;
    emit busyChanged(false);
    emit exchangeFinished(message_);
}

void ChatColumnsArea::stopReplies() {
    for (ChatColumn* c : columns_) c->stop();
}

bool ChatColumnsArea::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest) scheduleHeaderAlignment();
    return QWidget::eventFilter(watched, event);
}

void ChatColumnsArea::scheduleHeaderAlignment() {
    if (alignmentScheduled_) return;
    alignmentScheduled_ = true;
    QTimer::singleShot(0, this, &ChatColumnsArea::alignHeaders);
}

// Every title row as high as the highest (a long title wraps), so the transcripts start level.
void ChatColumnsArea::alignHeaders() {
    alignmentScheduled_ = false;
    int tallest = 0;
    for (const ChatColumn* c : columns_) {
        const QWidget* h = c->header();
        tallest = std::max(tallest, h->hasHeightForWidth() ? h->heightForWidth(h->width()) : h->sizeHint().height());
    }
    for (ChatColumn* c : columns_) c->header()->setMinimumHeight(tallest);
}

void ChatColumnsArea::resetConversations() {
    const bool wasBusy = busy();
    waiting_ = 0;
    for (ChatColumn* c : columns_) c->reset();
    if (wasBusy) emit busyChanged(false);
    emit conversationsReset();
}

}  // namespace rlhf::widgets
