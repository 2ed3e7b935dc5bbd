#include "common/EngineVersion.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace rlhf::widgets {

QString enginePath() {
    if (const QString chosen = qEnvironmentVariable("RLHF_ENGINE"); !chosen.isEmpty()) return chosen;
    const QDir here(QCoreApplication::applicationDirPath());
    const QString beside = here.filePath(QStringLiteral("rlhf-engine"));
    if (QFileInfo(beside).isExecutable()) return beside;
    return QDir::cleanPath(here.filePath(QStringLiteral("../cli/rlhf-engine")));
}

void askEngineVersion(QObject* context, std::function<void(const QString& line)> done) {
    auto* process = new QProcess(context);
    const QString path = enginePath();
    QObject::connect(process, &QProcess::finished, context, [process, done, path](int code, QProcess::ExitStatus status) {
        const QJsonObject v = QJsonDocument::fromJson(process->readAllStandardOutput()).object();
        if (status != QProcess::NormalExit || code != 0 || !v.contains(QStringLiteral("libtorch")))
            done(QCoreApplication::translate("EngineVersion", "LibTorch: %1 did not answer").arg(path));
        else
            done(QCoreApplication::translate("EngineVersion", "LibTorch %1 (CPU kernels: %2)")
                     .arg(v.value(QStringLiteral("libtorch")).toString(), v.value(QStringLiteral("cpu_vectors")).toString()));
        process->deleteLater();
    });
    QObject::connect(process, &QProcess::errorOccurred, context, [process, done, path](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart) return;  // other errors end in `finished`
        done(QCoreApplication::translate("EngineVersion", "LibTorch: %1 could not be started").arg(path));
        process->deleteLater();
    });
    process->start(path, {QStringLiteral("--version"), QStringLiteral("--json")});
}

QString engineErrorMessage(const QByteArray& standardError) {
    QList<QByteArray> lines = standardError.trimmed().split('\n');
    while (lines.size() > 1 && lines.last().trimmed().startsWith("Run with --help")) lines.removeLast();
    QString message = lines.isEmpty() ? QString() : QString::fromUtf8(lines.last()).trimmed();
    if (message.startsWith(QLatin1String("rlhf: "))) message = message.mid(6);
    return message;
}

}  // namespace rlhf::widgets
