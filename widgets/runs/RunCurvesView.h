#pragma once
// Live training curves (QCustomPlot) of one or several runs overlaid: one metric at a time with its
// validation twin (val_NAME, dashed) on the same plot, x as step or minutes since the run's first step,
// TensorBoard-style smoothing (the raw curve stays, faint), log scale, drag to pan, wheel to zoom,
// double-click to fit, the value under the mouse as a tooltip, export as PNG, PDF or CSV. New points are
// coalesced: at most five replots a second, and long curves are decimated for drawing (CurveMath).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <QTimer>
#include <QWidget>

#include "data/RunStore.h"

class QCheckBox;
class QComboBox;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QSlider;

namespace rlhf::widgets {

class RunCurvesView : public QWidget {
    Q_OBJECT
public:
    explicit RunCurvesView(QWidget* parent = nullptr);

    // The runs to draw (id, label), in order; curves of other runs are forgotten.
    void showRuns(const std::vector<std::pair<int64_t, QString>>& runs, const std::string& preferredMetric);
    // Whether every run shown has ended (failed, stopped, finished): without points, the empty plot then
    // says the run ended before logging a step, rather than that points are coming.
    void setRunsEnded(bool ended) { runsEnded_ = ended; }
    // A run's points from the project: all of them (replace), or those after what it has (a run that
    // another process trains, read again).
    void setPoints(int64_t runId, const std::vector<data::MetricPoint>& points, bool replace = true);
    int64_t lastStep(int64_t runId) const;  // -1 when it has none
    void addStep(int64_t runId, int64_t step, const std::map<std::string, double>& values);
    bool hasRun(int64_t runId) const { return curves_.count(runId) > 0; }

    // What the plot shows now (tests, CSV export): per graph name, its drawn (smoothed) points.
    QString currentMetric() const;
    std::map<QString, std::vector<std::pair<double, double>>> shownSeries() const;

private:
    struct Series {
        std::vector<int64_t> steps;
        std::vector<double> times, values;
    };
    using RunCurves = std::map<std::string, Series>;

    static void insertPoint(Series& s, int64_t step, double time, double value);
    void scheduleReplot();
    void refreshMetricChoices();
    void rebuildGraphs();
    void addRunGraphs(int64_t runId, const QString& label, const QColor& color, const std::string& metric);
    void showValueAt(QMouseEvent* event);
    void exportPlot();
    QString csvText() const;

    QComboBox* metric_ = nullptr;
    QComboBox* xAxis_ = nullptr;
    QSlider* smoothing_ = nullptr;
    QLabel* smoothingValue_ = nullptr;
    QCheckBox* logScale_ = nullptr;
    QCustomPlot* plot_ = nullptr;
    QLabel* empty_ = nullptr;
    QTimer replotTimer_;
    std::vector<std::pair<int64_t, QString>> runs_;
    bool runsEnded_ = false;
    std::map<int64_t, RunCurves> curves_;
    std::string preferredMetric_;
    bool fitPending_ = true;  // rescale the axes on the next replot (until the user zooms or pans)
};

}  // namespace rlhf::widgets
