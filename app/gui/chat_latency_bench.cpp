// rlhf-chat-latency PROJECT [--seconds N]: how late the window's event loop runs while the Chat panel's
// models write replies. The panel is shown with the project's stage lineage ("Compare stages": its
// pretrained, SFT, PPO and DPO models, each in its rlhf-engine child) beside ELIZA, and the same message
// is sent again as soon as every column has answered, for N seconds; a 10 ms timer's lateness on the UI
// thread is measured then, and for N seconds with the panel idle. One JSON line each:
// {"case", "columns", "exchanges", "tokens", "ticks", "p50_ms", "p99_ms", "max_ms"}.
#include <cstdio>
#include <memory>

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>

#include "EventLoopLateness.h"
#include "chat/ChatColumnsArea.h"
#include "chat/ChatPanel.h"
#include "chat/ChatView.h"
#include "chat/GptChatColumn.h"
#include "chat/TokenTranscript.h"
#include "data/ProjectStore.h"

namespace {

using rlhf::gui::percentile;

int tokensShown(rlhf::widgets::ChatColumnsArea* area) {
    int tokens = 0;
    for (auto* column : area->columns())
        if (auto* gpt = qobject_cast<rlhf::widgets::GptChatColumn*>(column)) tokens += gpt->transcript()->tokenCount();
    return tokens;
}

void print(const char* name, rlhf::widgets::ChatColumnsArea* area, int exchanges, int tokens, const std::vector<double>& ms) {
    std::printf("{\"case\": \"%s\", \"columns\": %lld, \"exchanges\": %d, \"tokens\": %d, \"ticks\": %zu, \"p50_ms\": %.2f, "
                "\"p99_ms\": %.2f, \"max_ms\": %.2f}\n",
                name, static_cast<long long>(area->columns().size()), exchanges, tokens, ms.size(), percentile(ms, 0.5), percentile(ms, 0.99),
                percentile(ms, 1.0));
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: rlhf-chat-latency PROJECT [--seconds N]\n");
        return 2;
    }
    const int seconds = args.contains(QStringLiteral("--seconds")) ? args.value(args.indexOf(QStringLiteral("--seconds")) + 1).toInt() : 20;
    rlhf::widgets::ChatPanel panel;
    panel.resize(1400, 860);
    panel.show();
    panel.setProject(std::shared_ptr<rlhf::data::ProjectStore>(rlhf::data::ProjectStore::open(args[1].toStdString(), false)));
    rlhf::widgets::ChatColumnsArea* area = panel.chatView()->area();
    print("idle", area, 0, 0, rlhf::gui::measureLateness(seconds));

    panel.chatView()->compareStages();
    int exchanges = 0;
    auto ask = [&] {
        area->input()->setText(QStringLiteral("What is the opposite of wet?"));
        area->sendInput();
    };
    QObject::connect(area, &rlhf::widgets::ChatColumnsArea::exchangeFinished, [&] {
        ++exchanges;
        QTimer::singleShot(0, ask);
    });
    ask();
    QElapsedTimer loading;  // the first exchange includes loading the models: not measured
    loading.start();
    while (exchanges == 0 && loading.elapsed() < 120000) rlhf::gui::runEventLoopFor(50);
    exchanges = 0;
    const int tokensBefore = tokensShown(area);
    const auto ms = rlhf::gui::measureLateness(seconds);
    print("models writing", area, exchanges, tokensShown(area) - tokensBefore, ms);
    return 0;
}
