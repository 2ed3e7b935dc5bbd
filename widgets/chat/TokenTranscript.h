#pragma once
// A model's side of a conversation, each token of its replies kept with the model's probability of it and
// the likeliest alternatives of that step: unlikely tokens are shaded, and hovering any token shows the
// numbers — the weights' view of why the reply came out (ELIZA's column shows its rules instead).

#include <vector>

#include <QTextBrowser>
#include <QTextCharFormat>

#include "chat/ChatEngine.h"

namespace rlhf::widgets {

class TokenTranscript : public QTextBrowser {
    Q_OBJECT
public:
    explicit TokenTranscript(QWidget* parent = nullptr);

    void addMessage(const QString& who, const QString& text, const QString& color);
    void beginReply(const QString& who, const QString& color);
    void addToken(const QString& text, double probability, const QList<TokenAlternative>& alternatives);
    void addNote(const QString& text);  // a grey line: a truncated context, a stopped reply, an error
    void clearConversation();

    int tokenCount() const { return static_cast<int>(tokens_.size()); }
    QString tokenTip(int index) const;  // what hovering token `index` shows

protected:
    bool viewportEvent(QEvent* event) override;  // tooltips over tokens

private:
    struct Token {
        QString text;
        double probability = 0;
        QList<TokenAlternative> alternatives;
    };
    void appendToken(const QString& text, const QTextCharFormat& format);

    std::vector<Token> tokens_;
};

}  // namespace rlhf::widgets
