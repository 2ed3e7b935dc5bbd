#include "dataset/PromptTableModel.h"

#include "data/ProjectStore.h"
#include "dataset/PromptQueryWorker.h"

namespace rlhf::widgets {

namespace {
constexpr int kPageSize = 500;
QString firstLine(const std::string& text) {
    QString s = QString::fromStdString(text).trimmed();
    s.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
    return s.left(200);
}
}  // namespace

PromptTableModel::PromptTableModel(QObject* parent) : QAbstractTableModel(parent) {}

PromptTableModel::~PromptTableModel() = default;

void PromptTableModel::setProject(std::shared_ptr<data::ProjectStore> project) {
    worker_.reset();  // joins the old project's query thread
    project_ = std::move(project);
    if (project_) {
        worker_ = std::make_unique<PromptQueryWorker>(project_->path());
        connect(worker_.get(), &PromptQueryWorker::pageReady, this, &PromptTableModel::addPage);
        connect(worker_.get(), &PromptQueryWorker::countReady, this, [this](quint64 generation, qint64 total) {
            if (generation != generation_) return;
            total_ = total;
            emit countChanged();
        });
        connect(worker_.get(), &PromptQueryWorker::failed, this, [this](quint64 generation, const QString& message) {
            if (generation != generation_) return;
            pageInFlight_ = false;
            exhausted_ = true;
            emit queryFailed(message);
        });
    }
    reload();
}

void PromptTableModel::setFilter(const data::PromptFilter& filter) {
    filter_ = filter;
    reload();
}

void PromptTableModel::reload() {
    beginResetModel();
    rows_.clear();
    ++generation_;
    total_ = project_ ? -1 : 0;
    exhausted_ = !project_;
    pageInFlight_ = project_ != nullptr;
    endResetModel();
    emit countChanged();
    if (!project_) return;
    worker_->startGeneration(generation_);
    worker_->requestPage(generation_, filter_, 0, kPageSize);
    worker_->requestCount(generation_, filter_);  // after the page: the rows show first
}

void PromptTableModel::addPage(const PromptPage& page) {
    if (page.generation != generation_) return;
    const int64_t expectedAfter = rows_.empty() ? 0 : rows_.back().id;
    if (page.after != expectedAfter) return;  // not the page this model asked for last
    pageInFlight_ = false;
    exhausted_ = static_cast<int>(page.rows.size()) < page.limit;
    if (!page.rows.empty()) {
        beginInsertRows({}, static_cast<int>(rows_.size()), static_cast<int>(rows_.size() + page.rows.size()) - 1);
        rows_.insert(rows_.end(), page.rows.begin(), page.rows.end());
        endInsertRows();
    }
    emit pageLoaded();
}

int64_t PromptTableModel::promptId(int row) const {
    return row >= 0 && row < static_cast<int>(rows_.size()) ? rows_[static_cast<size_t>(row)].id : -1;
}

int PromptTableModel::rowOf(int64_t promptId) const {
    for (size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].id == promptId) return static_cast<int>(i);
    return -1;
}

int PromptTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(rows_.size()); }
int PromptTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant PromptTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size())) return {};
    const data::PromptRow& r = rows_[static_cast<size_t>(index.row())];
    if (role == Qt::ToolTipRole && index.column() == PromptColumn) return QString::fromStdString(r.text);
    if (role == Qt::TextAlignmentRole && index.column() != PromptColumn && index.column() != SourceColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case IdColumn: return QVariant::fromValue<qlonglong>(r.id);
    case PromptColumn: return firstLine(r.text);
    case SplitColumn: return QString::fromStdString(r.split);
    case ResponsesColumn: return QVariant::fromValue<qlonglong>(r.responses);
    case DemonstrationsColumn: return QVariant::fromValue<qlonglong>(r.demonstrations);
    case ComparisonsColumn: return QVariant::fromValue<qlonglong>(r.comparisons);
    case SourceColumn: return QString::fromStdString(r.source).section(QLatin1Char('/'), -1);
    }
    return {};
}

QVariant PromptTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case IdColumn: return tr("ID");
    case PromptColumn: return tr("Prompt");
    case SplitColumn: return tr("Split");
    case ResponsesColumn: return tr("Responses");
    case DemonstrationsColumn: return tr("Demos");
    case ComparisonsColumn: return tr("Pairs");
    case SourceColumn: return tr("Source");
    }
    return {};
}

bool PromptTableModel::canFetchMore(const QModelIndex& parent) const { return !parent.isValid() && !exhausted_; }

void PromptTableModel::fetchMore(const QModelIndex& parent) {
    if (parent.isValid() || exhausted_ || pageInFlight_ || !worker_) return;
    pageInFlight_ = true;
    worker_->requestPage(generation_, filter_, rows_.empty() ? 0 : rows_.back().id, kPageSize);
}

}  // namespace rlhf::widgets
