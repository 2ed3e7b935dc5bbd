#pragma once
// How late the UI thread's event loop runs: a 10 ms precise timer ticks while the loop runs, and each gap
// beyond 10 ms is that tick's lateness. For the benchmarks that show the window stays responsive.

#include <algorithm>
#include <vector>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace rlhf::gui {

// Runs the event loop for `ms` (waiting for events, not spinning).
inline void runEventLoopFor(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

inline double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))];
}

// The lateness of each tick while the event loop runs for `seconds`.
inline std::vector<double> measureLateness(int seconds) {
    std::vector<double> ms;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(10);
    QElapsedTimer clock;
    qint64 last = 0;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last > 0) ms.push_back(std::max(0.0, (now - last) / 1e6 - 10.0));
        last = now;
    });
    clock.start();
    tick.start();
    runEventLoopFor(seconds * 1000);
    return ms;
}

}  // namespace rlhf::gui
