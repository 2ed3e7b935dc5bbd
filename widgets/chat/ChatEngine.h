#pragma once
// A model for the Chat panel, loaded once in a child `rlhf-engine chat --json` (the window links no
// LibTorch) and kept between messages. Requests and events are JSON lines (docs/chat.md); everything here
// runs on the UI thread and never waits: the process is started, written to and read asynchronously, and
// when the engine object goes the child is told to end (its stdin closed) and killed 2 s later if it has
// not — the QProcess outlives this object until then, nobody listening.

#include <vector>

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QStringList>

#include "chat/ChatPrompt.h"

namespace rlhf::widgets {

struct TokenAlternative {
    QString text;
    double probability = 0;
};

class ChatEngine : public QObject {
    Q_OBJECT
public:
    explicit ChatEngine(QObject* parent = nullptr);
    ~ChatEngine() override;

    // `model`: a run id of `projectPath` or a model directory; `extraArguments` e.g. --threads.
    void start(const QString& projectPath, const QString& model, const QStringList& extraArguments = {});
    bool ready() const { return ready_; }
    int context() const { return context_; }
    // The loaded model's chat format: "cues" (a GPT-2, prompted with the settings' user/assistant cues) or
    // a Llama-family model's own ("llama-3", "chatml", …), which the cues do not change.
    QString chatFormat() const { return chatFormat_; }
    // The type the loaded model's weights are computed in: "fp32", or "bf16" (a Llama-family model on a CPU
    // that multiplies bf16 natively, or on CUDA: the engine's --precision auto).
    QString precision() const { return precision_; }
    // Asks for the reply to `turns` (ending with the user's message) with these sampling settings
    // ({"temperature", "top_p", "top_k", "max_new_tokens", "greedy", "seed"}); returns the request's id.
    int requestReply(const std::vector<chat::ChatTurn>& turns, const QJsonObject& sampling);
    void stopReply(int id);

signals:
    void loaded(const QString& name, int context, const QString& device);
    void token(int id, const QString& text, double probability, const QList<TokenAlternative>& alternatives);
    void replied(int id, const QString& text, const QString& end, int droppedTurns);
    void requestFailed(int id, const QString& message);
    void failed(const QString& message);  // the engine did not start or ended

private:
    void readLines();
    void handle(const QJsonObject& event);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void write(const QJsonObject& line);

    QProcess* process_ = nullptr;  // no parent: it outlives this object while the child ends
    QByteArray pending_, errors_;
    bool ready_ = false;
    int context_ = 0, nextId_ = 1;
    QString chatFormat_;
    QString precision_;
};

}  // namespace rlhf::widgets
