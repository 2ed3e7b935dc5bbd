#include "runs/RunCompareView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include "common/PlotLegend.h"
#include "common/ProjectQuery.h"
#include "runs/RunColors.h"

namespace rlhf::widgets {

namespace {

enum Column { kRun, kArchitecture, kParameters, kSpeed, kLoss, kValLoss, kGeneration, kColumns };

QString architectureName(const std::string& family) {
    if (family == "mamba") return QStringLiteral("Mamba");
    if (family == "llama") return QStringLiteral("Llama");
    if (family == "gpt2") return QStringLiteral("GPT-2");
    return {};
}

QString number(const std::optional<double>& value, int decimals) {
    return value ? QLocale().toString(*value, 'f', decimals) : QStringLiteral("–");
}

}  // namespace

RunCompareView::RunCompareView(QWidget* parent) : QWidget(parent) {
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);
    table_ = createTable();
    measure_ = new QPushButton(tr("Measure generation time"), this);
    measure_->setToolTip(tr("Times each run's newest checkpoint generating up to the longest context, in a separate "
                            "process; a few seconds per run"));
    longest_ = new QComboBox(this);
    longest_->addItem(tr("up to 1,024 tokens"), QStringLiteral("64,256,1024"));
    longest_->addItem(tr("up to 4,096 tokens"), QStringLiteral("64,256,1024,4096"));
    longest_->addItem(tr("up to 16,384 tokens"), QStringLiteral("64,256,1024,4096,16384"));
    longest_->setCurrentIndex(1);
    auto* curves = new QPushButton(tr("Loss curves…"), this);
    curves->setToolTip(tr("The Curves tab overlays the same runs, in the same colours"));
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    plot_ = createPlot();

    auto* controls = new QHBoxLayout;
    controls->addWidget(measure_);
    controls->addWidget(longest_);
    controls->addWidget(curves);
    controls->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    // Narrow windows: the table scrolls and the texts wrap rather than widen the tab.
    for (QWidget* w : std::initializer_list<QWidget*>{intro_, table_, status_, plot_})
        w->setSizePolicy(QSizePolicy::Ignored, w->sizePolicy().verticalPolicy());
    layout->addWidget(intro_);
    layout->addWidget(table_);
    layout->addLayout(controls);
    layout->addWidget(status_);
    layout->addWidget(plot_, 1);
    layout->addStretch(0);

    connect(measure_, &QPushButton::clicked, this, [this] {
        if (!runner_.running()) return measure();
        runner_.cancel();
        status_->setText(tr("Measuring cancelled."));
        updateControls();
        emit measuringFinished();
    });
    connect(curves, &QPushButton::clicked, this, &RunCompareView::curvesRequested);
    connectRunner();
    showRuns({}, {});
}

QTableWidget* RunCompareView::createTable() {
    auto* table = new QTableWidget(0, kColumns, this);
    // Two-line headers keep the number columns narrow, leaving the width to the architecture.
    table->setHorizontalHeaderLabels({tr("Run"), tr("Architecture"), tr("Parameters"), tr("Train\ntok/s"), tr("Loss"),
                                      tr("Val\nloss"), tr("Gen.\nms/token")});
    table->setWordWrap(false);
    // Every column as wide as its numbers; the architecture takes what is left and is elided first (its
    // tooltip has it whole), so the losses stay in view in a narrow tab.
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(kArchitecture, QHeaderView::Stretch);
    table->horizontalHeader()->setMinimumSectionSize(40);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->horizontalHeaderItem(kSpeed)->setToolTip(tr("Training tokens per second: the median of the run's steps"));
    table->horizontalHeaderItem(kArchitecture)->setToolTip(tr("Layers × width, and attention heads or the state per channel"));
    table->horizontalHeaderItem(kGeneration)->setToolTip(tr("Milliseconds per generated token at the shortest and the "
                                                            "longest context measured"));
    return table;
}

QCustomPlot* RunCompareView::createPlot() {
    auto* plot = new QCustomPlot(this);
    plot->setMinimumHeight(180);
    plot->xAxis->setLabel(tr("context length (tokens)"));
    plot->yAxis->setLabel(tr("ms per generated token"));
    plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    placeLegendBelow(plot, 1, 2);  // two entries a row: a row of four would be cut off in a narrow tab
    return plot;
}

void RunCompareView::connectRunner() {
    connect(&runner_, &GenerationTimingRunner::started, this, [this](qint64 runId, int index, int total) {
        const auto it = std::find_if(requests_.begin(), requests_.end(), [&](const CompareRequest& r) { return r.id == runId; });
        status_->setText(tr("Measuring %1 (%2 of %3)…").arg(it == requests_.end() ? QString::number(runId) : it->label).arg(index).arg(total));
    });
    connect(&runner_, &GenerationTimingRunner::measured, this,
            [this](qint64, const QString& checkpoint, const std::vector<ContextTimingPoint>& points) { onMeasured(checkpoint, points); });
    connect(&runner_, &GenerationTimingRunner::failed, this, [this](qint64 runId, const QString& message) {
        status_->setText(tr("Run %1 could not be measured: %2").arg(runId).arg(message));
        measureFailed_ = true;
    });
    connect(&runner_, &GenerationTimingRunner::finished, this, [this] {
        if (!measureFailed_) status_->setText(tr("Measured: the median of three rounds, each token's time averaged over 32 tokens."));
        updateControls();
        emit measuringFinished();
    });
}

void RunCompareView::showRuns(const std::vector<CompareRequest>& runs, const QString& projectPath) {
    requests_ = runs;
    compared_.clear();
    intro_->setText(runs.size() < 2 ? tr("Select two or more runs in the list (Ctrl+click) to put them side by side: "
                                         "architecture, size, training speed, losses and generation time per token. "
                                         "Train a Mamba next to a GPT of the same size with the pretraining setting "
                                         "architecture = mamba.")
                                    : tr("Generation time per token grows with the context for attention (GPT-2, Llama) "
                                         "and stays flat for Mamba, whose state does not grow."));
    if (!runner_.running()) status_->clear();  // what it said was about the runs selected before
    fillTable();
    plotTimings();
    updateControls();
    if (runs.empty() || projectPath.isEmpty()) return;
    std::vector<std::tuple<int64_t, std::string, std::string>> asked;
    for (const auto& r : runs) asked.emplace_back(r.id, r.kind, r.checkpoint);
    const int generation = ++readGeneration_;
    queryProject<std::vector<ComparedRun>>(
        this, projectPath, [asked](data::ProjectStore& store) { return compareRuns(store, asked); },
        [this, generation](std::vector<ComparedRun>& rows) {
            if (generation != readGeneration_) return;
            compared_ = std::move(rows);
            fillTable();
        },
        [this, generation](const QString& error) {
            if (generation == readGeneration_) status_->setText(tr("The project could not be read: %1").arg(error));
        });
}

void RunCompareView::fillTable() {
    table_->setRowCount(static_cast<int>(requests_.size()));
    // As tall as its rows (up to eight), so the plot below gets the rest.
    const int rows = std::min(8, std::max(1, table_->rowCount()));
    table_->setFixedHeight(table_->horizontalHeader()->sizeHint().height() + rows * table_->verticalHeader()->defaultSectionSize() +
                           2 * table_->frameWidth() + table_->horizontalScrollBar()->sizeHint().height());
    for (size_t i = 0; i < requests_.size(); ++i) {
        ComparedRun run;
        run.id = requests_[i].id;
        run.checkpoint = requests_[i].checkpoint;
        const bool read = i < compared_.size() && compared_[i].id == run.id;
        fillRow(static_cast<int>(i), read ? compared_[i] : run, requests_[i].label, read);
    }
}

void RunCompareView::fillRow(int row, const ComparedRun& run, const QString& label, bool read) {
    auto set = [&](int column, const QString& text) {
        auto* item = new QTableWidgetItem(text);
        if (column >= kParameters && column != kGeneration) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table_->setItem(row, column, item);
    };
    set(kRun, label);
    table_->item(row, kRun)->setForeground(runColor(static_cast<size_t>(row)));
    const QString architecture = run.checkpoint.empty() ? tr("no checkpoint yet")
                                 : !read                ? QStringLiteral("…")
                                 : run.family.empty()   ? tr("checkpoint unreadable")
                                                        : architectureName(run.family) + " · " + QString::fromStdString(run.shape);
    set(kArchitecture, architecture);
    table_->item(row, kArchitecture)->setToolTip(architecture);
    set(kParameters, run.parameters > 0 ? QString::fromStdString(parameterText(run.parameters)) : QStringLiteral("–"));
    set(kSpeed, number(run.tokensPerSecond, 0));
    set(kLoss, number(run.loss, 3));
    set(kValLoss, number(run.valLoss, 3));
    set(kGeneration, timingText(run.checkpoint));
    const auto timing = timings_.find(run.checkpoint);
    if (timing != timings_.end() && !timing->second.empty())
        table_->item(row, kGeneration)->setToolTip(tr("At %1 → %2 tokens of context")
                                                       .arg(QLocale().toString(static_cast<qlonglong>(timing->second.front().context)),
                                                            QLocale().toString(static_cast<qlonglong>(timing->second.back().context))));
}

QString RunCompareView::timingText(const std::string& checkpoint) const {
    const auto it = timings_.find(checkpoint);
    if (checkpoint.empty() || it == timings_.end() || it->second.empty()) return QStringLiteral("–");
    const auto& first = it->second.front();
    const auto& last = it->second.back();
    return tr("%1 → %2").arg(QLocale().toString(first.msPerToken, 'f', 3), QLocale().toString(last.msPerToken, 'f', 3));
}

void RunCompareView::measure() {
    std::vector<std::pair<int64_t, QString>> asked;
    for (const auto& r : requests_)
        if (!r.checkpoint.empty()) asked.emplace_back(r.id, QString::fromStdString(r.checkpoint));
    if (asked.empty()) return;
    measureFailed_ = false;
    runner_.start(asked, longest_->currentData().toString());
    updateControls();
}

void RunCompareView::onMeasured(const QString& checkpoint, const std::vector<ContextTimingPoint>& points) {
    timings_[checkpoint.toStdString()] = points;  // kept when the selection has changed meanwhile
    fillTable();
    plotTimings();
}

void RunCompareView::plotTimings() {
    plot_->clearGraphs();
    bool beyondShown = false;
    for (size_t i = 0; i < requests_.size(); ++i) {
        const auto it = timings_.find(requests_[i].checkpoint);
        if (requests_[i].checkpoint.empty() || it == timings_.end()) continue;
        QCPGraph* line = plot_->addGraph();
        const bool read = i < compared_.size() && compared_[i].id == requests_[i].id && !compared_[i].family.empty();
        line->setName(read ? requests_[i].label + " · " + architectureName(compared_[i].family) : requests_[i].label);
        line->setPen(QPen(runColor(i), 2));
        line->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
        QCPGraph* beyond = plot_->addGraph();
        beyond->setPen(Qt::NoPen);
        beyond->setLineStyle(QCPGraph::lsNone);
        beyond->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(runColor(i), 1.5), QBrush(Qt::white), 9));
        for (const auto& p : it->second) {
            line->addData(static_cast<double>(p.context), p.msPerToken);
            if (p.beyondContext) beyond->addData(static_cast<double>(p.context), p.msPerToken);
        }
        if (beyond->dataCount() == 0 || beyondShown) beyond->removeFromLegend();  // one legend entry explains every run's
        else beyond->setName(tr("past the context it was trained on"));
        beyondShown = beyondShown || beyond->dataCount() > 0;
    }
    plot_->setVisible(plot_->graphCount() > 0);
    // Ticks at the context lengths measured (64, 256, 1,024, …): a log axis's own ticks leave them unlabelled.
    auto ticks = QSharedPointer<QCPAxisTickerText>::create();
    for (const auto& r : requests_)
        if (const auto it = timings_.find(r.checkpoint); !r.checkpoint.empty() && it != timings_.end())
            for (const auto& p : it->second) ticks->addTick(static_cast<double>(p.context), QLocale().toString(static_cast<qlonglong>(p.context)));
    plot_->xAxis->setTicker(ticks);
    plot_->rescaleAxes();
    plot_->yAxis->setRangeLower(0);
    plot_->yAxis->setRangeUpper(plot_->yAxis->range().upper * 1.1);
    plot_->xAxis->scaleRange(1.15, plot_->xAxis->range().center());
    plot_->replot();
}

void RunCompareView::updateControls() {
    const bool anyCheckpoint = std::any_of(requests_.begin(), requests_.end(), [](const CompareRequest& r) { return !r.checkpoint.empty(); });
    measure_->setText(runner_.running() ? tr("Cancel measuring") : tr("Measure generation time"));
    measure_->setEnabled(runner_.running() || anyCheckpoint);
    longest_->setEnabled(!runner_.running());
    if (!runner_.running() && !requests_.empty() && !anyCheckpoint) status_->setText(tr("None of these runs has a checkpoint yet."));
}

std::map<QString, std::vector<std::pair<double, double>>> RunCompareView::shownTimings() const {
    std::map<QString, std::vector<std::pair<double, double>>> out;
    for (const auto& r : requests_) {
        const auto it = timings_.find(r.checkpoint);
        if (r.checkpoint.empty() || it == timings_.end()) continue;
        for (const auto& p : it->second) out[r.label].emplace_back(static_cast<double>(p.context), p.msPerToken);
    }
    return out;
}

}  // namespace rlhf::widgets
