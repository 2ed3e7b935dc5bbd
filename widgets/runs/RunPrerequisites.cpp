#include "runs/RunPrerequisites.h"

#include <QCoreApplication>
#include <QLocale>

namespace rlhf::widgets {

namespace {
int64_t stageCount(const QString& kind, const data::SplitCounts& s) {
    if (kind == QLatin1String("sft")) return s.demonstrations;
    if (kind == QLatin1String("rm") || kind == QLatin1String("dpo")) return s.preferences();
    return s.prompts;
}

QString unitOf(const QString& kind) {
    if (kind == QLatin1String("sft")) return QCoreApplication::translate("RunPrerequisites", "demonstrations");
    if (kind == QLatin1String("rm") || kind == QLatin1String("dpo")) return QCoreApplication::translate("RunPrerequisites", "preferences (comparisons and rankings)");
    if (kind == QLatin1String("pretrain")) return QCoreApplication::translate("RunPrerequisites", "prompts with their responses as text");
    return QCoreApplication::translate("RunPrerequisites", "prompts to roll out");
}
}  // namespace

QList<MissingPrerequisite> missingPrerequisites(const RunChoice& c, const data::TrainingDataSummary& data) {
    QList<MissingPrerequisite> missing;
    const int64_t train = stageCount(c.kind, data.train());
    if (train == 0 && c.kind == QLatin1String("sft"))
        missing.append({QCoreApplication::translate("RunPrerequisites", "No demonstrations in the train split: write some in the Dataset panel (New prompt), import "
                           "prompt/completion records, or assign splits."), QStringLiteral("dataset")});
    else if (train == 0 && (c.kind == QLatin1String("rm") || c.kind == QLatin1String("dpo")))
        missing.append({QCoreApplication::translate("RunPrerequisites", "No preferences in the train split: import chosen/rejected records in the Dataset panel, or "
                           "rank responses in the Ranking panel."), QStringLiteral("dataset")});
    else if (train == 0)
        missing.append({QCoreApplication::translate("RunPrerequisites", "No prompts in the train split: import or write prompts in the Dataset panel, and assign "
                           "splits."), QStringLiteral("dataset")});
    if (c.kind != QLatin1String("pretrain") && !c.hasModel)
        missing.append({QCoreApplication::translate("RunPrerequisites", "No model to start from: choose a checkpoint of this project's runs, or a Hugging Face model "
                           "directory (GPT-2, Llama, Qwen2 or Mamba; or train one with a Pretraining run)."), QString()});
    if (c.kind == QLatin1String("ppo") && !c.hasRewardModel)
        missing.append({QCoreApplication::translate("RunPrerequisites", "PPO needs a reward model: train one first (a Reward model run on the project's preferences), "
                           "or choose a reward model directory."), QString()});
    return missing;
}

QString dataSummaryText(const QString& kind, const data::TrainingDataSummary& data) {
    const QLocale locale;
    QStringList parts;
    for (const char* split : {QT_TRANSLATE_NOOP("RunPrerequisites", "train"), QT_TRANSLATE_NOOP("RunPrerequisites", "validation"),
                              QT_TRANSLATE_NOOP("RunPrerequisites", "test")}) {
        const auto it = data.splits.find(split);
        const int64_t n = it == data.splits.end() ? 0 : stageCount(kind, it->second);
        parts << QStringLiteral("%1: %2").arg(QCoreApplication::translate("RunPrerequisites", split), locale.toString(qint64(n)));
    }
    QString unit = unitOf(kind);
    if (!unit.isEmpty()) unit[0] = unit[0].toUpper();
    QString text = unit + QStringLiteral(" — ") + parts.join(QStringLiteral(" · "));
    if (kind == QLatin1String("sft") || kind == QLatin1String("rm") || kind == QLatin1String("dpo"))
        if (stageCount(kind, data.validation()) == 0)
            text += QLatin1Char('\n') + QCoreApplication::translate("RunPrerequisites", "Nothing in the validation split: the run logs no validation metrics.");
    return text;
}

}  // namespace rlhf::widgets
