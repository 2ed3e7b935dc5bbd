#include "runs/RunMemoryLine.h"

#include <QCoreApplication>
#include <QStringList>

#include "model/MemoryEstimate.h"
#include "util/CpuBf16.h"

namespace rlhf::widgets {

namespace {

QString gib(double bytes) { return QString::fromStdString(model::gibibytes(bytes)); }

// The parts that make up `need.fixed()`, those it has.
QString partsOf(const model::StageMemory& need) {
    QStringList parts;
    if (need.weights > 0) parts << QCoreApplication::translate("RunMemoryLine", "weights");
    if (need.gradients > 0) parts << QCoreApplication::translate("RunMemoryLine", "gradients");
    if (need.optimizer > 0) parts << QCoreApplication::translate("RunMemoryLine", "optimizer state");
    if (need.autocast > 0) parts << QCoreApplication::translate("RunMemoryLine", "bf16 copies");
    if (need.frozen > 0) parts << QCoreApplication::translate("RunMemoryLine", "frozen models");
    return parts.join(QStringLiteral(", "));
}

}  // namespace

RunMemoryLine runMemoryLine(const QString& kind, const QString& modelDir, const QString& rewardDir, const QString& precision, bool onGpu) {
    const bool ppo = kind == QLatin1String("ppo");
    const bool bf16 = precision == QLatin1String("bf16") || (precision == QLatin1String("auto") && (onGpu || util::cpuHasNativeBf16()));
    if (kind == QLatin1String("pretrain") || modelDir.isEmpty() || (ppo && rewardDir.isEmpty())) return {};
    model::StageMemory need;
    try {
        const auto shape = model::modelShapeOf(modelDir.toStdString());
        const auto reward = ppo ? model::modelShapeOf(rewardDir.toStdString()) : model::ModelShape{};
        // The fixed parts do not depend on the sizes: a batch of one, one token.
        need = model::estimateStageMemory(shape, {kind.toStdString(), 1, 1, 1, 1, bf16}, ppo ? &reward : nullptr);
    } catch (const std::exception&) {
        return {};  // the engine names what is wrong with the directory
    }
    const double available = onGpu ? 0 : model::availableMemoryBytes();
    const QString needs = QCoreApplication::translate("RunMemoryLine", "Memory: about %1 before activations (%2)").arg(gib(need.fixed()), partsOf(need));
    if (onGpu) return {needs + QCoreApplication::translate("RunMemoryLine", "; the engine does not check a GPU's memory."), true};
    if (available <= 0) return {needs + QStringLiteral("."), true};
    if (need.fixed() > available)
        return {needs + QCoreApplication::translate("RunMemoryLine", ", and %1 are free: this run will not fit, and the engine will refuse it.")
                            .arg(gib(available)),
                false};
    return {needs + QCoreApplication::translate("RunMemoryLine", "; %1 free.").arg(gib(available)), true};
}

}  // namespace rlhf::widgets
