#pragma once
// A model's column of the Chat panel: a checkpoint of the project's runs or a model directory, loaded
// once in its own ChatEngine child and kept for the conversation. Replies stream token by token
// (TokenTranscript: hover a token for its probability); sampling settings are the column's own. The
// conversation goes to the engine whole each time; the engine drops the oldest turns that no longer fit
// the model's context and the column says so.

#include <QJsonObject>

#include "chat/ChatColumn.h"

class QLabel;
class QToolButton;

namespace rlhf::widgets {

class ChatEngine;
class SamplingSettings;
class TokenTranscript;

class GptChatColumn : public ChatColumn {
    Q_OBJECT
public:
    // `model`: a run id of `projectPath` or a directory; `label` names it until the engine has loaded it.
    GptChatColumn(const QString& projectPath, const QString& model, const QString& label, QWidget* parent = nullptr);
    ~GptChatColumn() override;

    QString contestant() const override { return name_; }
    void send(const QString& message) override;
    void reset() override;
    void stop() override;
    bool busy() const override { return request_ != 0 || waitingForLoad_; }
    QString transcriptText() const override;
    void setAlias(const QString& alias) override;

    QJsonObject sampling() const;  // the settings the next reply is written with
    void setSampling(double temperature, double topP, int maxNewTokens, bool greedy);
    TokenTranscript* transcript() const { return transcript_; }

private:
    void requestReply();
    void onLoaded(const QString& name, int context, const QString& device);
    void onReplied(int id, const QString& text, const QString& end, int droppedTurns);
    void onFailed(const QString& message);
    void finishReply();
    void showTitle();
    void showPlaceholder();  // in the empty transcript: what appears there, or (arena) only who answers
    QString speaker() const;

    ChatEngine* engine_ = nullptr;
    TokenTranscript* transcript_ = nullptr;
    QLabel* title_ = nullptr;
    SamplingSettings* settings_ = nullptr;  // shown by settingsToggle_
    QToolButton* settingsToggle_ = nullptr;
    QString name_, alias_, state_, tip_;
    int request_ = 0;  // the reply being written (0: none)
    bool waitingForLoad_ = false;  // a message came before the model was loaded
    bool failed_ = false;
};

}  // namespace rlhf::widgets
