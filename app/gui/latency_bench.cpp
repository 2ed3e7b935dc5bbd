// rlhf-gui-latency PROJECT MODEL [--seconds N]: how late the window's event loop runs while a CPU training
// run keeps the cores busy. A 10 ms timer ticks on the UI thread of a shown Runs panel that receives the
// run's live points; its lateness (the gap between ticks beyond 10 ms) is measured for N seconds three
// times: no run, an SFT run at the window's priority (nice 0), and the same run as the panel starts it
// (nice 10). One JSON line each: {"case", "ticks", "p50_ms", "p99_ms", "max_ms", "steps"}.
#include <algorithm>
#include <cstdio>

#include <QApplication>
#include <QElapsedTimer>

#include "EventLoopLateness.h"

#include "runs/RunLauncher.h"
#include "runs/RunsPanel.h"

namespace {

using rlhf::gui::percentile;
using rlhf::gui::runEventLoopFor;

struct Lateness {
    std::vector<double> ms;
    int64_t steps = 0;
};

// Measures for `seconds` with the panel's launcher training `request` (none when kind is empty).
Lateness measure(rlhf::widgets::RunsPanel& panel, const rlhf::widgets::RunRequest& request, int seconds) {
    Lateness result;
    auto* launcher = panel.launcher();
    QObject::connect(launcher, &rlhf::widgets::RunLauncher::stepped, &panel, [&] { ++result.steps; });
    if (!request.kind.isEmpty()) {
        launcher->start(request);
        QElapsedTimer wait;
        wait.start();
        while (result.steps < 3 && wait.elapsed() < 120000) runEventLoopFor(50);
        result.steps = 0;
    }
    result.ms = rlhf::gui::measureLateness(seconds);
    launcher->stopAll();
    launcher->waitForAll(60000);
    QObject::disconnect(launcher, &rlhf::widgets::RunLauncher::stepped, &panel, nullptr);
    return result;
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: rlhf-gui-latency PROJECT MODEL_DIR [--seconds N]\n");
        return 2;
    }
    const int seconds = args.contains(QStringLiteral("--seconds")) ? args.value(args.indexOf(QStringLiteral("--seconds")) + 1).toInt() : 20;
    rlhf::widgets::RunsPanel panel;
    panel.resize(1300, 800);
    panel.show();
    panel.setProject(args[1]);
    rlhf::widgets::RunRequest sft;
    sft.kind = QStringLiteral("sft");
    sft.sets = {{"model", args[2]}, {"max_steps", "10000000"}, {"eval_every", "0"}, {"batch_size", "8"}};
    rlhf::widgets::RunRequest none;
    for (const auto& [name, request, nice] : {std::tuple{"no run", none, 10}, std::tuple{"sft, engine at nice 0", sft, 0},
                                              std::tuple{"sft, engine at nice 10 (the panel's)", sft, 10}}) {
        auto r = request;
        r.niceness = nice;
        const Lateness l = measure(panel, r, seconds);
        std::printf("{\"case\": \"%s\", \"ticks\": %zu, \"p50_ms\": %.2f, \"p99_ms\": %.2f, \"max_ms\": %.2f, \"steps\": %lld}\n", name,
                    l.ms.size(), percentile(l.ms, 0.5), percentile(l.ms, 0.99), percentile(l.ms, 1.0), static_cast<long long>(l.steps));
        std::fflush(stdout);
    }
    return 0;
}
