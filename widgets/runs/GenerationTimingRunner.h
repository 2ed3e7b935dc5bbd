#pragma once
// Measures generation time per token against context length for several checkpoints, one after another,
// each in a child `rlhf-engine bench generation` (the window never runs a model). Results arrive as
// signals on the UI thread; cancel() kills the child in flight and drops the rest.

#include <cstdint>
#include <utility>
#include <vector>

#include <QObject>
#include <QProcess>
#include <QString>

namespace rlhf::widgets {

struct ContextTimingPoint {
    int64_t context = 0;
    double msPerToken = 0;
    bool beyondContext = false;  // past the positions the model learned (a GPT-2 timed on the same shape)
};

class GenerationTimingRunner : public QObject {
    Q_OBJECT
public:
    explicit GenerationTimingRunner(QObject* parent = nullptr);
    ~GenerationTimingRunner() override;

    // (run id, checkpoint directory) to measure at `contexts` ("64,256,1024,4096").
    void start(const std::vector<std::pair<int64_t, QString>>& checkpoints, const QString& contexts);
    void cancel();
    bool running() const { return process_.state() != QProcess::NotRunning; }

    // The points of the engine's JSON line; an empty list when it has none.
    static std::vector<ContextTimingPoint> parsePoints(const QByteArray& json);

signals:
    void started(qint64 runId, int index, int total);
    void measured(qint64 runId, const QString& checkpoint, const std::vector<rlhf::widgets::ContextTimingPoint>& points);
    void failed(qint64 runId, const QString& message);
    void finished();

private:
    void startNext();
    void onFinished(int exitCode, QProcess::ExitStatus status);

    QProcess process_;
    std::vector<std::pair<int64_t, QString>> queue_;
    QString contexts_;
    size_t next_ = 0;
    bool cancelling_ = false;
};

}  // namespace rlhf::widgets
