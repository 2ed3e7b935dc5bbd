#pragma once
// Conversations side by side under one input line: a message goes to every column, and the exchange is
// over when every column has replied (then exchangeFinished, which the owner records). Send waits while a
// column is still writing; Stop ends the replies being written; Reset starts every conversation afresh.
// Shared by the Chat tab and the Arena tab.

#include <QHash>
#include <QList>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QScrollArea;
class QSplitter;

namespace rlhf::widgets {

class ChatColumn;

class ChatColumnsArea : public QWidget {
    Q_OBJECT
public:
    explicit ChatColumnsArea(QWidget* parent = nullptr);

    // The area owns the column. A closable one gets a × button that removes it.
    void addColumn(ChatColumn* column, bool closable);
    void removeColumn(ChatColumn* column);  // a reply it is writing is not waited for
    void removeColumns();                   // an exchange under way is dropped, not recorded
    const QList<ChatColumn*>& columns() const { return columns_; }
    bool busy() const { return waiting_ > 0; }
    // The columns that replied to the latest message (a column that failed or was stopped early did not).
    QList<ChatColumn*> answeredColumns() const;
    QLineEdit* input() const { return input_; }
    void setInputEnabled(bool enabled);

public slots:
    void sendInput();
    void stopReplies();
    void resetConversations();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;  // a title row resized or relaid out

signals:
    void exchangeFinished(const QString& message);  // every column has answered `message`
    void columnsChanged();
    void busyChanged(bool busy);
    void conversationsReset();

private:
    void onReplyFinished();
    void scheduleHeaderAlignment();
    void alignHeaders();

    QSplitter* splitter_ = nullptr;
    QScrollArea* scroll_ = nullptr;  // around splitter_: more columns than fit scroll sideways
    QLineEdit* input_ = nullptr;
    QPushButton* send_ = nullptr;
    QPushButton* stop_ = nullptr;
    QPushButton* reset_ = nullptr;
    QList<ChatColumn*> columns_;
    QHash<ChatColumn*, int> repliesBefore_;  // each column's repliesWritten() when the latest message went out
    QString message_;  // of the exchange under way
    int waiting_ = 0;  // columns still writing their reply to it
    bool alignmentScheduled_ = false;
};

}  // namespace rlhf::widgets
