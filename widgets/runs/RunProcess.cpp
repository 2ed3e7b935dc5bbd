#include "runs/RunProcess.h"

#include <sys/resource.h>

#include <nlohmann/json.hpp>

#include "common/EngineVersion.h"

namespace rlhf::widgets {

RunProcess::RunProcess(const RunRequest& request, const QString& projectPath, QObject* parent)
    : QObject(parent), request_(request), projectPath_(projectPath), process_(this) {
    process_.setChildProcessModifier([nice = request.niceness] { setpriority(PRIO_PROCESS, 0, nice); });  // in the child, before exec
    connect(&process_, &QProcess::readyReadStandardOutput, this, &RunProcess::readLines);
    connect(&process_, &QProcess::readyReadStandardError, this, [this] { errors_ += process_.readAllStandardError(); });
    connect(&process_, &QProcess::finished, this, &RunProcess::onFinished);
    connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            emit ended(runId_, false, tr("rlhf-engine did not start (%1): %2").arg(enginePath(), process_.errorString()));
    });
}

void RunProcess::start() { process_.start(enginePath(), request_.engineArguments(projectPath_)); }

void RunProcess::pause() { process_.write("pause\n"); }
void RunProcess::resume() { process_.write("resume\n"); }
void RunProcess::stop() { process_.write("stop\n"); }

void RunProcess::readLines() {
    while (process_.canReadLine()) handleLine(process_.readLine());
}

void RunProcess::handleLine(const QByteArray& line) {
    const auto j = nlohmann::json::parse(line.constData(), nullptr, false);
    if (!j.is_object()) return;
    const std::string event = j.value("event", "");
    if (event == "started") {
        runId_ = j.value("run", int64_t(0));
        emit started(runId_);
    } else if (event == "paused" || event == "resumed") {
        paused_ = event == "paused";
        emit pausedChanged(runId_, paused_);
    } else if (event.empty() && j.contains("step") && !j.contains("steps")) {  // a step's metrics (the result has "steps")
        std::map<std::string, double> values;
        for (const auto& [key, value] : j.items())
            if (key != "step" && value.is_number()) values[key] = value.get<double>();
        emit stepped(runId_, j["step"].get<int64_t>(), values);
    }
}

void RunProcess::onFinished(int exitCode, QProcess::ExitStatus status) {
    readLines();
    errors_ += process_.readAllStandardError();
    QString message = engineErrorMessage(errors_);
    if (status == QProcess::CrashExit) message = tr("rlhf-engine crashed: %1").arg(message.isEmpty() ? process_.errorString() : message);
    emit ended(runId_, status == QProcess::NormalExit && exitCode == 0, message);
}

}  // namespace rlhf::widgets
