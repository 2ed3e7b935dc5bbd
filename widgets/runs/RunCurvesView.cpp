#include "runs/RunCurvesView.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QGridLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "common/CountTicker.h"
#include "common/FileDialogs.h"
#include "common/PlotFullScreen.h"
#include "common/PlotLegend.h"
#include "runs/CurveMath.h"
#include "runs/RunColors.h"
#include "util/Clock.h"

namespace rlhf::widgets {

namespace {

// Fits both axes to the curves. An axis whose points all share one value (a run of one logged step) is
// centred on it with a margin; QCustomPlot alone keeps the axis's previous span around it.
void fitAxes(QCustomPlot* plot) {
    plot->rescaleAxes();
    QCPRange keys, values;
    bool any = false;
    for (int i = 0; i < plot->graphCount(); ++i) {
        bool found = false;
        const QCPRange k = plot->graph(i)->getKeyRange(found);
        if (!found) continue;
        const QCPRange v = plot->graph(i)->getValueRange(found);
        keys = any ? QCPRange(std::min(keys.lower, k.lower), std::max(keys.upper, k.upper)) : k;
        values = any ? QCPRange(std::min(values.lower, v.lower), std::max(values.upper, v.upper)) : v;
        any = true;
    }
    if (!any) return;
    // Some room around the data, so that no point sits on the frame: 2 % of the steps, 6 % of the values
    // on each side (in log space on a log axis). One value: ±10 % of it.
    for (const auto& [axis, extent, room] : {std::tuple{plot->xAxis, keys, 0.02}, std::tuple{plot->yAxis, values, 0.06}}) {
        if (extent.size() > 0) {
            axis->scaleRange(1 + 2 * room, axis->range().center());
            continue;
        }
        const double margin = extent.center() == 0 ? 1.0 : std::abs(extent.center()) * 0.1;
        axis->setRange(extent.center() - margin, extent.center() + margin);
    }
}

constexpr const char* kValPrefix = "val_";
QString noRunText() {
    return RunCurvesView::tr("Select a run to see its curves. New run… starts one; Import run… brings in one trained elsewhere.");
}
}  // namespace

RunCurvesView::RunCurvesView(QWidget* parent) : QWidget(parent) {
    metric_ = new QComboBox(this);
    metric_->setMinimumContentsLength(14);
    metric_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    metric_->setToolTip(tr("The metric to plot (TRL's names); its validation values (val_…) are drawn dashed on the same plot"));
    xAxis_ = new QComboBox(this);
    xAxis_->addItems({tr("Step"), tr("Minutes")});
    smoothing_ = new QSlider(Qt::Horizontal, this);
    smoothing_->setRange(0, 99);
    smoothing_->setValue(60);
    smoothing_->setMinimumWidth(90);
    smoothing_->setMaximumWidth(160);
    smoothing_->setToolTip(tr("Exponential moving average, as TensorBoard's smoothing; the raw curve stays, faint"));
    smoothingValue_ = new QLabel(this);
    logScale_ = new QCheckBox(tr("Log scale"), this);
    auto* exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setToolTip(tr("Save the plot as PNG or PDF, or its points as CSV"));
    auto* controls = new QGridLayout;  // two rows: the panel stays usable in a narrow window
    controls->addWidget(new QLabel(tr("Metric:"), this), 0, 0);
    controls->addWidget(metric_, 0, 1, 1, 3);
    controls->addWidget(new QLabel(tr("x:"), this), 0, 4);
    controls->addWidget(xAxis_, 0, 5);
    controls->addWidget(new QLabel(tr("Smoothing:"), this), 1, 0);
    controls->addWidget(smoothing_, 1, 1);
    controls->addWidget(smoothingValue_, 1, 2);
    controls->addWidget(logScale_, 1, 3);
    controls->addWidget(exportButton, 1, 5);
    controls->setColumnStretch(3, 1);
    plot_ = new QCustomPlot(this);
    allowFullScreen(plot_);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    placeLegendBelow(plot_, 1, 3);  // runs compared by the dozen: three a row
    plot_->setMinimumHeight(220);
    empty_ = new QLabel(noRunText(), this);
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(plot_, 1);
    layout->addWidget(empty_, 1);

    replotTimer_.setSingleShot(true);
    replotTimer_.setInterval(200);
    connect(&replotTimer_, &QTimer::timeout, this, &RunCurvesView::rebuildGraphs);
    connect(metric_, &QComboBox::currentTextChanged, this, [this] { fitPending_ = true; scheduleReplot(); });
    connect(xAxis_, &QComboBox::currentIndexChanged, this, [this] { fitPending_ = true; scheduleReplot(); });
    connect(smoothing_, &QSlider::valueChanged, this, [this] { scheduleReplot(); });
    connect(logScale_, &QCheckBox::toggled, this, [this] { fitPending_ = true; scheduleReplot(); });
    connect(exportButton, &QPushButton::clicked, this, &RunCurvesView::exportPlot);
    connect(plot_, &QCustomPlot::mouseMove, this, &RunCurvesView::showValueAt);
    connect(plot_, &QCustomPlot::mouseWheel, this, [this] { fitPending_ = false; });
    connect(plot_, &QCustomPlot::mousePress, this, [this] { fitPending_ = false; });
    connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this] { fitPending_ = true; rebuildGraphs(); });
    rebuildGraphs();
}

void RunCurvesView::showRuns(const std::vector<std::pair<int64_t, QString>>& runs, const std::string& preferredMetric) {
    runs_ = runs;
    std::set<int64_t> keep;
    for (const auto& r : runs) keep.insert(r.first);
    std::erase_if(curves_, [&](const auto& kv) { return !keep.count(kv.first); });
    for (int64_t id : keep) curves_[id];  // live steps are kept from now on, while the project's points load
    preferredMetric_ = preferredMetric;
    fitPending_ = true;
    refreshMetricChoices();
    scheduleReplot();
}

void RunCurvesView::insertPoint(Series& s, int64_t step, double time, double value) {
    if (s.steps.empty() || step > s.steps.back()) {
        s.steps.push_back(step);
        s.times.push_back(time);
        s.values.push_back(value);
        return;
    }
    const auto at = std::lower_bound(s.steps.begin(), s.steps.end(), step) - s.steps.begin();
    if (s.steps[static_cast<size_t>(at)] == step) {
        s.values[static_cast<size_t>(at)] = value;
        return;
    }
    s.steps.insert(s.steps.begin() + at, step);
    s.times.insert(s.times.begin() + at, time);
    s.values.insert(s.values.begin() + at, value);
}

int64_t RunCurvesView::lastStep(int64_t runId) const {
    const auto it = curves_.find(runId);
    int64_t last = -1;
    if (it != curves_.end())
        for (const auto& [name, s] : it->second)
            if (!s.steps.empty()) last = std::max(last, s.steps.back());
    return last;
}

void RunCurvesView::setPoints(int64_t runId, const std::vector<data::MetricPoint>& points, bool replace) {
    RunCurves& curves = curves_[runId];
    if (replace) curves.clear();
    for (const auto& p : points) insertPoint(curves[p.name], p.step, p.time, p.value);
    refreshMetricChoices();
    scheduleReplot();
}

void RunCurvesView::addStep(int64_t runId, int64_t step, const std::map<std::string, double>& values) {
    const auto it = curves_.find(runId);
    if (it == curves_.end()) return;
    const size_t names = it->second.size();
    for (const auto& [name, value] : values) insertPoint(it->second[name], step, unixSeconds(), value);
    if (it->second.size() != names) refreshMetricChoices();
    scheduleReplot();
}

void RunCurvesView::scheduleReplot() {
    if (!replotTimer_.isActive()) replotTimer_.start();
}

// Metric names without their val_ twins (a val_ metric without a training one is listed as itself).
void RunCurvesView::refreshMetricChoices() {
    std::set<std::string> names;
    for (const auto& [id, curves] : curves_)
        for (const auto& [name, series] : curves) names.insert(name);
    QStringList items;
    for (const auto& name : names)
        if (name.rfind(kValPrefix, 0) != 0 || !names.count(name.substr(4))) items << QString::fromStdString(name);
    const QString current = metric_->currentText();
    QStringList existing;
    for (int i = 0; i < metric_->count(); ++i) existing << metric_->itemText(i);
    if (existing == items) return;
    const QSignalBlocker block(metric_);
    metric_->clear();
    metric_->addItems(items);
    const QString preferred = QString::fromStdString(preferredMetric_);
    metric_->setCurrentIndex(std::max(0, int(items.indexOf(items.contains(current) ? current : preferred))));
}

QString RunCurvesView::currentMetric() const { return metric_->currentText(); }

void RunCurvesView::rebuildGraphs() {
    const std::string metric = metric_->currentText().toStdString();
    plot_->clearGraphs();
    smoothingValue_->setText(QString::number(smoothing_->value() / 100.0, 'f', 2));
    for (size_t i = 0; i < runs_.size(); ++i)
        addRunGraphs(runs_[i].first, runs_[i].second, runColor(i), metric);
    const bool log = logScale_->isChecked();
    plot_->yAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    plot_->yAxis->setTicker(log ? QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog) : QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    const bool bySteps = xAxis_->currentIndex() == 0;
    plot_->xAxis->setTicker(bySteps ? QSharedPointer<QCPAxisTicker>(new CountTicker) : QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot_->xAxis->setLabel(bySteps ? tr("step") : tr("minutes"));
    plot_->yAxis->setLabel(QString::fromStdString(metric));
    if (fitPending_) fitAxes(plot_);
    const bool any = plot_->graphCount() > 0;
    plot_->setVisible(any);
    empty_->setVisible(!any);
    if (!any && !runs_.empty())
        empty_->setText(runsEnded_ ? tr("No points: the run ended before it logged a step (its status and message are under the list).")
                                   : tr("No points yet: the curves appear with the run's first steps."));
    else if (!any) empty_->setText(noRunText());
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void RunCurvesView::addRunGraphs(int64_t runId, const QString& label, const QColor& color, const std::string& metric) {
    const auto run = curves_.find(runId);
    if (run == curves_.end() || metric.empty()) return;
    const bool byStep = xAxis_->currentIndex() == 0;
    const int pixels = std::max(200, plot_->width());
    for (const std::string& name : {metric, std::string(kValPrefix) + metric}) {
        const auto found = run->second.find(name);
        if (found == run->second.end() || found->second.steps.empty()) continue;
        const Series& s = found->second;
        std::vector<CurvePoint> raw;
        raw.reserve(s.steps.size());
        for (size_t i = 0; i < s.steps.size(); ++i)
            raw.push_back({byStep ? double(s.steps[i]) : (s.times[i] - s.times.front()) / 60.0, s.values[i]});
        const bool validation = name != metric;
        const double weight = validation ? 0.0 : smoothing_->value() / 100.0;  // validation points are few: drawn as they are
        auto addGraph = [&](const std::vector<CurvePoint>& points, QPen pen, const QString& graphName) {
            QCPGraph* g = plot_->addGraph();
            QVector<double> x, y;
            for (const auto& p : decimateMinMax(points, pixels)) x << p.x, y << p.y;
            g->setData(x, y, true);
            g->setPen(pen);
            g->setName(graphName);
            if (validation) g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
            else if (x.size() == 1) g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));  // a line of one point draws nothing
            return g;
        };
        if (weight > 0) {
            QColor faint = color;
            faint.setAlpha(60);
            addGraph(raw, QPen(faint), {})->removeFromLegend();
        }
        QPen pen(color, 2);
        if (validation) pen.setStyle(Qt::DashLine);
        addGraph(emaSmooth(raw, weight), pen, validation ? tr("%1 validation").arg(label) : label);
    }
}

std::map<QString, std::vector<std::pair<double, double>>> RunCurvesView::shownSeries() const {
    std::map<QString, std::vector<std::pair<double, double>>> out;
    for (int i = 0; i < plot_->graphCount(); ++i) {
        QCPGraph* g = plot_->graph(i);
        if (g->name().isEmpty()) continue;  // a faint raw curve under its smoothed one
        auto& points = out[g->name()];
        for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it) points.emplace_back(it->key, it->value);
    }
    return out;
}

// The nearest drawn point within 12 pixels of the mouse, as "label: value at step".
void RunCurvesView::showValueAt(QMouseEvent* event) {
    const QPointF mouse = event->position();
    double best = 144;
    QString text;
    for (int i = 0; i < plot_->graphCount(); ++i) {
        QCPGraph* g = plot_->graph(i);
        if (g->name().isEmpty() || g->data()->isEmpty()) continue;
        const double key = plot_->xAxis->pixelToCoord(mouse.x());
        auto it = g->data()->findBegin(key, true);
        for (int k = 0; k < 2 && it != g->data()->constEnd(); ++k, ++it) {
            const double dx = plot_->xAxis->coordToPixel(it->key) - mouse.x(), dy = plot_->yAxis->coordToPixel(it->value) - mouse.y();
            if (dx * dx + dy * dy < best) {
                best = dx * dx + dy * dy;
                text = tr("%1\n%2 %3: %4").arg(g->name(), plot_->xAxis->label()).arg(it->key).arg(it->value, 0, 'g', 6);
            }
        }
    }
    if (text.isEmpty()) QToolTip::hideText();
    else QToolTip::showText(event->globalPosition().toPoint(), text, plot_);
}

QString RunCurvesView::csvText() const {
    QString csv = QStringLiteral("run,metric,step,minutes,value\n");
    const std::string metric = metric_->currentText().toStdString();
    for (const auto& [runId, label] : runs_) {
        const auto run = curves_.find(runId);
        if (run == curves_.end()) continue;
        for (const std::string& name : {metric, std::string(kValPrefix) + metric}) {
            const auto s = run->second.find(name);
            if (s == run->second.end()) continue;
            for (size_t i = 0; i < s->second.steps.size(); ++i)
                csv += QStringLiteral("%1,%2,%3,%4,%5\n")
                           .arg(runId)
                           .arg(QString::fromStdString(name))
                           .arg(s->second.steps[i])
                           .arg((s->second.times[i] - s->second.times.front()) / 60.0, 0, 'f', 3)
                           .arg(s->second.values[i], 0, 'g', 17);
        }
    }
    return csv;
}

void RunCurvesView::exportPlot() {
    QString filter;
    const QString path = chooseSaveFileName(this, tr("Export curves"), QStringLiteral("curves.png"),
                                                      tr("PNG image (*.png);;PDF document (*.pdf);;CSV points (*.csv)"), &filter);
    if (path.isEmpty() || refuseProjectFile(this, tr("Export curves"), path)) return;
    bool ok = false;
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        ok = plot_->savePdf(path);
    } else if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        QFile file(path);
        ok = file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(csvText().toUtf8()) >= 0 && file.flush();
    } else {
        ok = plot_->savePng(path, 0, 0, 2.0);  // twice the screen's resolution
    }
    if (!ok) QMessageBox::warning(this, tr("Export curves"), tr("Could not write %1.").arg(path));
}

}  // namespace rlhf::widgets
