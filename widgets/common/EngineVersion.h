#pragma once
// What the GUI knows of rlhf-engine, the process that links LibTorch (the GUI does not): where it is, its
// versions, asked with `rlhf-engine --version --json` in a QProcess so the UI thread never waits, and how
// to read the error it ended with.

#include <functional>

#include <QString>

class QObject;

namespace rlhf::widgets {

// $RLHF_ENGINE when set, else rlhf-engine beside this executable (an installed layout), else in ../cli
// (the build tree).
QString enginePath();

// Calls `done` on `context`'s thread with a line such as "LibTorch 1.13.0 (CPU kernels: avx512)", or one
// saying why the engine did not answer.
void askEngineVersion(QObject* context, std::function<void(const QString& line)> done);

// The error an engine that failed wrote last on stderr, without the "rlhf: " prefix; the command-line
// parser's "Run with --help …" hint is skipped for the line before it.
QString engineErrorMessage(const QByteArray& standardError);

}  // namespace rlhf::widgets
