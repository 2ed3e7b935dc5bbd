#include "runs/RunListModel.h"

#include <filesystem>

#include <QDateTime>
#include <QLocale>

namespace rlhf::widgets {

namespace {
QString kindName(const std::string& kind) {
    if (kind == "pretrain") return RunListModel::tr("Pretraining");
    if (kind == "sft") return RunListModel::tr("SFT");
    if (kind == "rm") return RunListModel::tr("Reward model");
    if (kind == "dpo") return RunListModel::tr("DPO");
    if (kind == "ppo") return RunListModel::tr("PPO");
    return QString::fromStdString(kind);
}

}  // namespace

QString runLabel(int64_t runId, const std::string& kind) {
    return RunListModel::tr("#%1 %2").arg(runId).arg(QString::fromStdString(kind).toUpper());
}

QString runStatusName(const std::string& status) {
    static const std::map<std::string, const char*> names = {
        {"queued", QT_TRANSLATE_NOOP("rlhf::widgets::RunListModel", "queued")},
        {"running", QT_TRANSLATE_NOOP("rlhf::widgets::RunListModel", "running")},
        {"paused", QT_TRANSLATE_NOOP("rlhf::widgets::RunListModel", "paused")},
        {"stopped", QT_TRANSLATE_NOOP("rlhf::widgets::RunListModel", "stopped")},
        {"finished", QT_TRANSLATE_NOOP("rlhf::widgets::RunListModel", "finished")},
        {"failed", QT_TRANSLATE_NOOP("rlhf::widgets::RunListModel", "failed")},
        {"interrupted", QT_TRANSLATE_NOOP("rlhf::widgets::RunListModel", "interrupted")}};
    const auto it = names.find(status);
    return it == names.end() ? QString::fromStdString(status) : RunListModel::tr(it->second);
}

namespace {

// "#2 step 200" (a checkpoint of the project's run 2), "+ RM #3 step 200" for PPO's reward model, the
// directory's name for a model from outside the project, or "imported from DIR" for a run trained elsewhere.
QString startedFrom(const RunEntry& e) {
    auto checkpoint = [](const data::CheckpointRow& c) { return RunListModel::tr("#%1 step %2").arg(c.runId).arg(c.step); };
    auto outside = [](const std::string& path) {
        std::filesystem::path p(path);
        return QString::fromStdString((p.has_filename() ? p : p.parent_path()).filename().string());
    };
    if (e.config.contains("imported_from") && !e.config.contains("model"))
        return RunListModel::tr("imported from %1").arg(outside(e.config.value("imported_from", std::string())));
    QString text = e.startCheckpoint ? checkpoint(*e.startCheckpoint)
                                     : e.config.contains("model") ? outside(e.config.value("model", std::string())) : QString();
    if (e.rewardCheckpoint) text += RunListModel::tr(" + RM %1").arg(checkpoint(*e.rewardCheckpoint));
    else if (e.config.contains("reward_model")) text += RunListModel::tr(" + RM %1").arg(outside(e.config.value("reward_model", std::string())));
    return text;
}

// "Mamba", "Llama", "Qwen2" (a model_type as its family writes it); empty for GPT-2 or unknown.
QString architectureName(const std::string& modelType) {
    if (modelType.empty() || modelType == "gpt2") return {};
    if (modelType == "qwen2") return QStringLiteral("Qwen2");
    QString name = QString::fromStdString(modelType);
    name[0] = name[0].toUpper();
    return name;
}

// A run's name is its kind unless one was given (import-run --name, a run started by the CLI with one).
bool hasOwnName(const RunEntry& e) { return !e.row.name.empty() && e.row.name != e.row.kind; }

QString durationText(double seconds) {
    const auto s = static_cast<int64_t>(seconds);
    if (s < 60) return RunListModel::tr("%1 s").arg(s);
    if (s < 3600) return RunListModel::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return RunListModel::tr("%1 h %2 min").arg(s / 3600).arg((s / 60) % 60);
}
}  // namespace

QString runTitle(const RunEntry& e) {
    const QString name = RunListModel::tr("#%1 %2").arg(e.row.id).arg(kindName(e.row.kind));
    // A run of another architecture than GPT-2 says which.
    const QString architecture = architectureName(e.architecture);
    const QString title = architecture.isEmpty() ? name : RunListModel::tr("%1 · %2").arg(name, architecture);
    return hasOwnName(e) ? RunListModel::tr("%1 — %2").arg(title, QString::fromStdString(e.row.name)) : title;
}

void RunListModel::setRuns(std::vector<RunEntry> runs, const QStringList& queued) {
    auto shape = [](const std::vector<RunEntry>& r) {
        std::vector<std::pair<int64_t, int64_t>> s;
        for (const auto& e : r) s.emplace_back(e.row.id, e.row.parentRunId.value_or(0));
        return s;
    };
    if (shape(runs) == shape(runs_) && queued == queued_) {
        runs_ = std::move(runs);
        if (!roots_.empty()) emit dataChanged(index(0, 0), index(static_cast<int>(roots_.size()) - 1, ColumnCount - 1));
        for (size_t n = 0; n < nodes_.size(); ++n)  // children: one signal per parent
            if (!nodes_[n].children.empty()) {
                const QModelIndex p = createIndex(rowInParent(static_cast<int>(n)), 0, quintptr(n + 1));
                emit dataChanged(index(0, 0, p), index(static_cast<int>(nodes_[n].children.size()) - 1, ColumnCount - 1, p));
            }
        return;
    }
    beginResetModel();
    runs_ = std::move(runs);
    queued_ = queued;
    buildTree();
    endResetModel();
}

void RunListModel::buildTree() {
    nodes_.assign(runs_.size() + static_cast<size_t>(queued_.size()), {});
    roots_.clear();
    nodeOfRun_.clear();
    for (size_t i = 0; i < runs_.size(); ++i) nodeOfRun_[runs_[i].row.id] = static_cast<int>(i);
    for (size_t i = 0; i < nodes_.size(); ++i) {
        int parent = -1;
        if (i < runs_.size() && runs_[i].row.parentRunId)
            if (const auto it = nodeOfRun_.find(*runs_[i].row.parentRunId); it != nodeOfRun_.end() && it->second != int(i)) parent = it->second;
        nodes_[i].parent = parent;
        (parent < 0 ? roots_ : nodes_[static_cast<size_t>(parent)].children).push_back(static_cast<int>(i));
    }
}

int RunListModel::rowInParent(int node) const {
    const int parent = nodes_[static_cast<size_t>(node)].parent;
    const auto& siblings = parent < 0 ? roots_ : nodes_[static_cast<size_t>(parent)].children;
    return static_cast<int>(std::find(siblings.begin(), siblings.end(), node) - siblings.begin());
}

QModelIndex RunListModel::index(int row, int column, const QModelIndex& parent) const {
    if (column < 0 || column >= ColumnCount || row < 0) return {};
    const auto& siblings = parent.isValid() ? nodes_[parent.internalId() - 1].children : roots_;
    if (row >= static_cast<int>(siblings.size())) return {};
    return createIndex(row, column, quintptr(siblings[static_cast<size_t>(row)] + 1));
}

QModelIndex RunListModel::parent(const QModelIndex& child) const {
    if (!child.isValid()) return {};
    const int parent = nodes_[child.internalId() - 1].parent;
    if (parent < 0) return {};
    return createIndex(rowInParent(parent), 0, quintptr(parent + 1));
}

int RunListModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0) return 0;
    return static_cast<int>(parent.isValid() ? nodes_[parent.internalId() - 1].children.size() : roots_.size());
}

const RunEntry* RunListModel::entry(int64_t runId) const {
    const auto it = nodeOfRun_.find(runId);
    return it == nodeOfRun_.end() ? nullptr : &runs_[static_cast<size_t>(it->second)];
}

const RunEntry* RunListModel::entry(const QModelIndex& index) const {
    if (!index.isValid() || index.internalId() - 1 >= runs_.size()) return nullptr;
    return &runs_[index.internalId() - 1];
}

QModelIndex RunListModel::indexOf(int64_t runId) const {
    const auto it = nodeOfRun_.find(runId);
    if (it == nodeOfRun_.end()) return {};
    return createIndex(rowInParent(it->second), 0, quintptr(it->second + 1));
}

QVariant RunListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const size_t node = index.internalId() - 1;
    if (node >= runs_.size()) {  // a queued run
        if (role == RunIdRole) return QVariant::fromValue<qint64>(0);
        if (role != Qt::DisplayRole) return {};
        if (index.column() == RunColumn) return queued_[static_cast<int>(node - runs_.size())];
        return index.column() == StatusColumn ? runStatusName("queued") : QVariant();
    }
    return runData(runs_[node], index.column(), role);
}

QVariant RunListModel::runData(const RunEntry& e, int column, int role) const {
    if (role == RunIdRole) return QVariant::fromValue<qint64>(e.row.id);
    if (role == Qt::ToolTipRole && column == StatusColumn && !e.row.message.empty()) return QString::fromStdString(e.row.message);
    if (role == Qt::ToolTipRole && column == RunColumn && hasOwnName(e)) return QString::fromStdString(e.row.name);
    if (role == Qt::TextAlignmentRole && (column == DurationColumn || column == StepsColumn)) return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    const QLocale locale;
    switch (column) {
    case RunColumn: return runTitle(e);
    case FromColumn: return startedFrom(e);
    case StatusColumn: return runStatusName(e.status);
    case StartedColumn: return locale.toString(QDateTime::fromSecsSinceEpoch(static_cast<qint64>(e.row.createdAt)), QStringLiteral("d MMM HH:mm"));
    case DurationColumn: {
        const bool live = e.status == "running" || e.status == "paused";
        const double end = e.row.finishedAt && !live ? *e.row.finishedAt : double(QDateTime::currentSecsSinceEpoch());
        return durationText(std::max(0.0, end - e.row.createdAt));
    }
    case StepsColumn:
        return e.maxSteps > 0 ? tr("%1 / %2").arg(locale.toString(qint64(e.row.lastStep)), locale.toString(qint64(e.maxSteps)))
                              : locale.toString(qint64(e.row.lastStep));
    case HeadlineColumn:
        return e.headline ? QStringLiteral("%1 %2").arg(QString::fromStdString(e.headlineName)).arg(*e.headline, 0, 'g', 4) : QString();
    default: return {};
    }
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case RunColumn: return tr("Run");
    case FromColumn: return tr("From");
    case StatusColumn: return tr("Status");
    case StartedColumn: return tr("Started");
    case DurationColumn: return tr("Duration");
    case StepsColumn: return tr("Steps");
    case HeadlineColumn: return tr("Latest");
    default: return {};
    }
}

}  // namespace rlhf::widgets
