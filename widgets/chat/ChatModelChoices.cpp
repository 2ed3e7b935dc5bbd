#include "chat/ChatModelChoices.h"

#include <algorithm>
#include <optional>

#include <QCoreApplication>

#include "data/RunStore.h"

namespace rlhf::widgets {

namespace {

bool chats(const data::RunRow& r) {
    return r.lastCheckpoint && (r.kind == "pretrain" || r.kind == "sft" || r.kind == "ppo" || r.kind == "dpo");
}

ChatModelChoice choiceOf(const data::RunRow& r) {
    const QString kind = QString::fromStdString(r.kind);
    return {QString::number(r.id), QStringLiteral("%1-%2").arg(kind).arg(r.id),
            QCoreApplication::translate("rlhf::widgets::ChatModelChoices", "%1 · run %2 (%3)")
                .arg(kind == QLatin1String("pretrain") ? QStringLiteral("Pretrained") : kind.toUpper())
                .arg(r.id)
                .arg(QString::fromStdString(r.status))};
}

const data::RunRow* find(const std::vector<data::RunRow>& runs, std::optional<int64_t> id) {
    if (!id) return nullptr;
    const auto at = std::find_if(runs.begin(), runs.end(), [&](const data::RunRow& r) { return r.id == *id; });
    return at == runs.end() ? nullptr : &*at;
}

}  // namespace

std::vector<ChatModelChoice> chatModelChoices(data::Database& db) {
    auto runs = data::RunStore(db).runs();
    std::sort(runs.begin(), runs.end(), [](const auto& a, const auto& b) { return a.id > b.id; });
    std::vector<ChatModelChoice> out;
    for (const auto& r : runs)
        if (chats(r)) out.push_back(choiceOf(r));
    return out;
}

std::vector<ChatModelChoice> stageLineage(data::Database& db) {
    auto runs = data::RunStore(db).runs();
    std::sort(runs.begin(), runs.end(), [](const auto& a, const auto& b) { return a.id > b.id; });
    const auto rlhf = std::find_if(runs.begin(), runs.end(), [](const auto& r) { return chats(r) && (r.kind == "ppo" || r.kind == "dpo"); });
    if (rlhf == runs.end()) return {};
    const data::RunRow* sft = find(runs, rlhf->parentRunId);
    if (!sft || !chats(*sft)) return {choiceOf(*rlhf)};
    std::vector<ChatModelChoice> out;
    if (const data::RunRow* base = find(runs, sft->parentRunId); base && chats(*base)) out.push_back(choiceOf(*base));
    out.push_back(choiceOf(*sft));
    // The newest PPO and the newest DPO run from that SFT model, in the recipe's order.
    for (const char* kind : {"ppo", "dpo"}) {
        const auto newest = std::find_if(runs.begin(), runs.end(), [&](const auto& r) { return chats(r) && r.kind == kind && r.parentRunId == sft->id; });
        if (newest != runs.end()) out.push_back(choiceOf(*newest));
    }
    return out;
}

}  // namespace rlhf::widgets
