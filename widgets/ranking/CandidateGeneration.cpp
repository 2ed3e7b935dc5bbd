#include "ranking/CandidateGeneration.h"

#include <QJsonDocument>
#include <QJsonObject>

#include "common/EngineVersion.h"

namespace rlhf::widgets {

CandidateGeneration::CandidateGeneration(QObject* parent) : QObject(parent) {
    connect(&process_, &QProcess::readyReadStandardOutput, this, &CandidateGeneration::readLines);
    connect(&process_, &QProcess::readyReadStandardError, this, [this] { errors_ += process_.readAllStandardError(); });
    connect(&process_, &QProcess::finished, this, &CandidateGeneration::onFinished);
    connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) emit failed(tr("%1 could not be started: %2").arg(enginePath(), process_.errorString()));
    });
}

CandidateGeneration::~CandidateGeneration() {
    if (running()) {  // the items made so far are committed; the rest are not wanted any more
        process_.kill();
        process_.waitForFinished(3000);
    }
}

void CandidateGeneration::start(const QString& projectPath, const QStringList& arguments) {
    pending_.clear();
    errors_.clear();
    summary_.clear();
    process_.start(enginePath(), QStringList{QStringLiteral("candidates"), projectPath, QStringLiteral("--json")} + arguments);
}

void CandidateGeneration::cancel() {
    if (running()) process_.kill();
}

void CandidateGeneration::readLines() {
    pending_ += process_.readAllStandardOutput();
    for (qsizetype end = pending_.indexOf('\n'); end >= 0; end = pending_.indexOf('\n')) {
        const QJsonObject line = QJsonDocument::fromJson(pending_.left(end)).object();
        pending_.remove(0, end + 1);
        if (line.contains(QStringLiteral("item"))) {
            emit itemMade(line.value(QStringLiteral("prompt")).toInt(), line.value(QStringLiteral("prompts")).toInt());
        } else if (line.contains(QStringLiteral("items"))) {
            const QString round = line.value(QStringLiteral("round")).toString();
            summary_ = round.isEmpty() ? tr("%1 new items to rank from %2 prompts (%3 without two different answers).")
                                             .arg(line.value(QStringLiteral("items")).toInt())
                                             .arg(line.value(QStringLiteral("prompts")).toInt())
                                             .arg(line.value(QStringLiteral("skipped")).toInt())
                                       : tr("Evaluation round %1: %2 items from %3 held-out prompts. Rank them; Rounds… shows the win rates.")
                                             .arg(round)
                                             .arg(line.value(QStringLiteral("items")).toInt())
                                             .arg(line.value(QStringLiteral("prompts")).toInt());
        }
    }
}

void CandidateGeneration::onFinished(int exitCode, QProcess::ExitStatus status) {
    readLines();
    if (status == QProcess::NormalExit && exitCode == 0) {
        emit finished(summary_);
        return;
    }
    const QString why = QString::fromUtf8(errors_).trimmed().section(QLatin1Char('\n'), -1);
    emit failed(status == QProcess::CrashExit ? tr("Candidate generation stopped; the items made so far are kept.")
                                              : tr("Candidate generation failed: %1").arg(why.isEmpty() ? tr("exit code %1").arg(exitCode) : why));
}

}  // namespace rlhf::widgets
