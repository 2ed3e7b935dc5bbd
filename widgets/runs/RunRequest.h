#pragma once
// What the New-run dialog asks for: a stage, its settings as typed (key → JSON text), where it runs, or a
// run to resume; and optionally the run it waits for (it then starts from that run's final checkpoint).

#include <cstdint>
#include <map>

#include <QString>
#include <QStringList>

namespace rlhf::widgets {

struct RunRequest {
    QString kind;                      // pretrain, sft, rm, dpo, ppo
    std::map<QString, QString> sets;   // --set key=value, only what differs from the stage's defaults
    QString device = QStringLiteral("cpu");
    int64_t resumeRunId = 0;           // > 0: --resume this run
    int64_t afterRunId = 0;            // > 0: queued until this run has finished
    int niceness = 10;                 // the engine's priority below the window's (the latency benchmark compares 0)
    QString afterRunSetting = QStringLiteral("model");  // the setting its final checkpoint fills (PPO after a reward model: reward_model)
    QString origin;                    // who asked: "pipeline" for the Pipeline board's chain, else empty

    // rlhf-engine's arguments for `projectPath`.
    QStringList engineArguments(const QString& projectPath) const {
        QStringList args = {QStringLiteral("train"), kind, projectPath, QStringLiteral("--json"), QStringLiteral("--control"),
                            QStringLiteral("stdin"), QStringLiteral("--device"), device};
        if (resumeRunId > 0) args << QStringLiteral("--resume") << QString::number(resumeRunId);
        for (const auto& [key, value] : sets) args << QStringLiteral("--set") << key + QLatin1Char('=') + value;
        return args;
    }
};

}  // namespace rlhf::widgets
