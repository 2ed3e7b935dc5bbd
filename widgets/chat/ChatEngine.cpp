#include "chat/ChatEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include "common/EngineVersion.h"

namespace rlhf::widgets {

ChatEngine::ChatEngine(QObject* parent) : QObject(parent), process_(new QProcess) {
    connect(process_, &QProcess::readyReadStandardOutput, this, &ChatEngine::readLines);
    connect(process_, &QProcess::readyReadStandardError, this, [this] { errors_ += process_->readAllStandardError(); });
    connect(process_, &QProcess::finished, this, &ChatEngine::onFinished);
    connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) emit failed(tr("%1 could not be started: %2").arg(enginePath(), process_->errorString()));
    });
}

ChatEngine::~ChatEngine() {
    process_->disconnect(this);  // nothing reaches this object (or its column) any more
    if (process_->state() == QProcess::NotRunning) {
        delete process_;
        return;
    }
    QProcess* process = process_;
    connect(process, &QProcess::finished, process, &QObject::deleteLater);
    connect(process, &QProcess::errorOccurred, process, [process](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) process->deleteLater();  // no finished() will come
    });
    QTimer::singleShot(2000, process, [process] {  // a reply being written is not waited for
        if (process->state() == QProcess::NotRunning) process->deleteLater();
        else process->kill();
    });
    process->closeWriteChannel();  // the end of its input ends the engine
}

void ChatEngine::start(const QString& projectPath, const QString& model, const QStringList& extraArguments) {
    ready_ = false;
    pending_.clear();
    errors_.clear();
    QStringList arguments{QStringLiteral("chat")};
    if (!projectPath.isEmpty()) arguments << projectPath;
    arguments << QStringLiteral("--model") << model << QStringLiteral("--json") << extraArguments;
    process_->start(enginePath(), arguments);
}

int ChatEngine::requestReply(const std::vector<chat::ChatTurn>& turns, const QJsonObject& sampling) {
    QJsonArray list;
    for (const auto& t : turns)
        list.append(QJsonObject{{QStringLiteral("role"), t.role == chat::ChatTurn::Role::User ? QStringLiteral("user") : QStringLiteral("assistant")},
                                {QStringLiteral("text"), QString::fromStdString(t.text)}});
    QJsonObject request = sampling;
    const int id = nextId_++;
    request.insert(QStringLiteral("id"), id);
    request.insert(QStringLiteral("turns"), list);
    write(request);
    return id;
}

void ChatEngine::stopReply(int id) { write(QJsonObject{{QStringLiteral("op"), QStringLiteral("stop")}, {QStringLiteral("id"), id}}); }

void ChatEngine::write(const QJsonObject& line) {
    if (process_->state() != QProcess::Running) return;
    process_->write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
}

void ChatEngine::readLines() {
    pending_ += process_->readAllStandardOutput();
    for (qsizetype end = pending_.indexOf('\n'); end >= 0; end = pending_.indexOf('\n')) {
        const QJsonObject event = QJsonDocument::fromJson(pending_.left(end)).object();
        pending_.remove(0, end + 1);
        handle(event);
    }
}

void ChatEngine::handle(const QJsonObject& e) {
    const QString kind = e.value(QStringLiteral("event")).toString();
    const int id = e.value(QStringLiteral("id")).toInt();
    if (kind == QLatin1String("token")) {
        QList<TokenAlternative> alternatives;
        for (const auto& a : e.value(QStringLiteral("top")).toArray())
            alternatives.append({a.toArray().at(0).toString(), a.toArray().at(1).toDouble()});
        emit token(id, e.value(QStringLiteral("text")).toString(), e.value(QStringLiteral("p")).toDouble(), alternatives);
    } else if (kind == QLatin1String("done")) {
        emit replied(id, e.value(QStringLiteral("text")).toString(), e.value(QStringLiteral("end")).toString(),
                     e.value(QStringLiteral("dropped_turns")).toInt());
    } else if (kind == QLatin1String("error")) {
        emit requestFailed(id, e.value(QStringLiteral("message")).toString());
    } else if (kind == QLatin1String("ready")) {
        ready_ = true;
        context_ = e.value(QStringLiteral("context")).toInt();
        chatFormat_ = e.value(QStringLiteral("chat_format")).toString(QStringLiteral("cues"));
        precision_ = e.value(QStringLiteral("precision")).toString(QStringLiteral("fp32"));
        emit loaded(e.value(QStringLiteral("model")).toString(), context_, e.value(QStringLiteral("device")).toString());
    }
}

void ChatEngine::onFinished(int exitCode, QProcess::ExitStatus status) {
    readLines();
    ready_ = false;
    QString why = QString::fromUtf8(errors_).trimmed();
    if (why.isEmpty()) why = status == QProcess::CrashExit ? tr("the engine crashed") : tr("the engine ended (exit code %1)").arg(exitCode);
    emit failed(why.section(QLatin1Char('\n'), -3));  // the last lines say why
}

}  // namespace rlhf::widgets
