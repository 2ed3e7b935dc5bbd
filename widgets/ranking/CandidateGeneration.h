#pragma once
// `rlhf-engine candidates … --json` in a child process (the window links no LibTorch): models write
// candidates for the Ranking panel in the background while the labeller ranks. The child commits each
// item as it makes it and prints a JSON line; this reports progress per item and the result at the end.

#include <QObject>
#include <QProcess>
#include <QStringList>

namespace rlhf::widgets {

class CandidateGeneration : public QObject {
    Q_OBJECT
public:
    explicit CandidateGeneration(QObject* parent = nullptr);
    ~CandidateGeneration() override;

    // `arguments` after "candidates PROJECT" (--models …, --k …).
    void start(const QString& projectPath, const QStringList& arguments);
    bool running() const { return process_.state() != QProcess::NotRunning; }
    void cancel();

signals:
    void itemMade(int prompt, int prompts);
    void finished(const QString& summary);
    void failed(const QString& message);

private:
    void readLines();
    void onFinished(int exitCode, QProcess::ExitStatus status);

    QProcess process_;
    QByteArray pending_, errors_;
    QString summary_;
};

}  // namespace rlhf::widgets
