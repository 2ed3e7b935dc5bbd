#include "runs/RewardEvaluationView.h"

#include <algorithm>

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <qcustomplot.h>

#include "common/PlotFullScreen.h"
#include "common/PlotLegend.h"

namespace rlhf::widgets {

namespace {
constexpr int kBins = 20;

QCustomPlot* smallPlot(QWidget* parent, const QString& title, const QString& x, const QString& y) {
    auto* plot = new QCustomPlot(parent);
    allowFullScreen(plot);
    plot->setMinimumSize(140, 180);  // three side by side must fit a narrow window
    plot->plotLayout()->insertRow(0);
    QFont bold = plot->font();  // the widget's family: an empty family gives a serif face
    bold.setPointSize(9);
    bold.setBold(true);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, bold));
    plot->xAxis->setLabel(x);
    plot->yAxis->setLabel(y);
    plot->xAxis->ticker()->setTickCount(3);  // three plots side by side: few labels, or they run together
    return plot;
}

QCPBars* barsOf(QCustomPlot* plot, const std::vector<Bin>& bins, const QColor& color, const QString& name) {
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    QVector<double> x, y;
    for (const auto& b : bins) x << b.x, y << b.y;
    bars->setData(x, y, true);
    bars->setWidth(bins.empty() ? 1 : (bins.front().high - bins.front().low) * 0.9);
    QColor fill = color;
    fill.setAlpha(110);
    bars->setBrush(fill);
    bars->setPen(QPen(color));
    bars->setName(name);
    return bars;
}
}  // namespace

RewardEvaluationView::RewardEvaluationView(QWidget* parent) : QWidget(parent) {
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    histogram_ = smallPlot(this, tr("Rewards"), tr("reward"), tr("pairs"));
    accuracy_ = smallPlot(this, tr("Accuracy by margin"), tr("|r(chosen) − r(rejected)|"), tr("accuracy"));
    calibration_ = smallPlot(this, tr("Calibration"), tr("predicted"), tr("observed"));
    for (QCPAxis* axis : {calibration_->xAxis, calibration_->yAxis}) {  // 0, 0.5, 1: five labels crowd a narrow plot
        auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
        ticker->setTickStep(0.5);
        axis->setTicker(ticker);
    }
    placeLegendBelow(histogram_, 2, 0);
    histogram_->legend->setVisible(false);  // shown with the first evaluation's bars
    histogram_->legend->setIconSize(12, 10);
    histogram_->legend->setIconTextPadding(3);
    QFont small = histogram_->font();
    small.setPointSize(8);
    histogram_->legend->setFont(small);
    table_ = new QTableWidget(0, 4, this);
    table_->setHorizontalHeaderLabels({tr("Margin"), tr("Prompt"), tr("Chosen"), tr("Rejected")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    auto* show = new QPushButton(tr("Show in Dataset"), this);
    show->setToolTip(tr("Open the selected pair's prompt in the Dataset panel"));
    connect(show, &QPushButton::clicked, this, [this] {
        const int row = table_->currentRow();
        if (row >= 0) emit showPromptRequested(table_->item(row, 0)->data(Qt::UserRole).toLongLong());
    });
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        emit showPromptRequested(table_->item(row, 0)->data(Qt::UserRole).toLongLong());
    });
    auto* layout = new QGridLayout(this);
    layout->addWidget(summary_, 0, 0, 1, 3);
    layout->addWidget(histogram_, 1, 0);
    layout->addWidget(accuracy_, 1, 1);
    layout->addWidget(calibration_, 1, 2);
    layout->addWidget(new QLabel(tr("The validation pairs it gets most wrong:"), this), 2, 0, 1, 2);
    layout->addWidget(show, 2, 2, Qt::AlignRight);
    layout->addWidget(table_, 3, 0, 1, 3);
    layout->setRowStretch(1, 3);
    layout->setRowStretch(3, 2);
    showEvaluation({}, tr("Select a reward-model run that has evaluated (eval_every, with validation preferences)."));
}

void RewardEvaluationView::showEvaluation(const std::vector<EvaluatedPair>& pairs, const QString& problem) {
    for (QCustomPlot* p : {histogram_, accuracy_, calibration_}) {
        p->clearPlottables();
        p->clearItems();
    }
    table_->setRowCount(0);
    if (pairs.empty()) {
        summary_->setText(problem.isEmpty() ? tr("The last evaluation had no validation pairs.") : problem);
        for (QCustomPlot* p : {histogram_, accuracy_, calibration_}) p->replot();
        return;
    }
    const auto right = std::count_if(pairs.begin(), pairs.end(), [](const EvaluatedPair& p) { return p.margin() > 0; });
    plotHistograms(pairs);
    plotAccuracy(pairs);
    const QString calibrationText = plotCalibration(pairs);
    fillWrongPairs(pairs);
    summary_->setText(tr("Evaluation at step %1: %2 validation pairs, accuracy %3. %4")
                          .arg(pairs.front().step)
                          .arg(pairs.size())
                          .arg(double(right) / double(pairs.size()), 0, 'f', 3)
                          .arg(calibrationText));
}

void RewardEvaluationView::plotHistograms(const std::vector<EvaluatedPair>& pairs) {
    std::vector<double> chosen, rejected;
    for (const auto& p : pairs) chosen.push_back(p.chosenReward), rejected.push_back(p.rejectedReward);
    const auto [lo1, hi1] = std::minmax_element(chosen.begin(), chosen.end());
    const auto [lo2, hi2] = std::minmax_element(rejected.begin(), rejected.end());
    const double low = std::min(*lo1, *lo2), high = std::max(*hi1, *hi2) + 1e-9;
    barsOf(histogram_, histogram(chosen, low, high, kBins), QColor(44, 160, 44), tr("chosen"));
    barsOf(histogram_, histogram(rejected, low, high, kBins), QColor(214, 39, 40), tr("rejected"));
    histogram_->legend->setVisible(true);
    histogram_->rescaleAxes();
    histogram_->xAxis->scaleRange(1.1);  // the outer bars whole
    histogram_->replot();
}

void RewardEvaluationView::plotAccuracy(const std::vector<EvaluatedPair>& pairs) {
    barsOf(accuracy_, accuracyByMargin(pairs, 10), QColor(31, 119, 180), tr("accuracy"));
    accuracy_->rescaleAxes();
    accuracy_->xAxis->scaleRange(1.1);
    accuracy_->yAxis->setRange(0, 1.05);
    accuracy_->replot();
}

QString RewardEvaluationView::plotCalibration(const std::vector<EvaluatedPair>& pairs) {
    const auto bins = calibration(pairs, 10);
    auto* diagonal = calibration_->addGraph();
    diagonal->setData(QVector<double>{0, 1}, QVector<double>{0, 1});
    diagonal->setPen(QPen(Qt::gray, 1, Qt::DashLine));
    auto* points = calibration_->addGraph();
    QVector<double> x, y;
    for (const auto& b : bins) x << b.x, y << b.y;
    points->setData(x, y, true);
    points->setPen(QPen(QColor(148, 103, 189), 2));
    points->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    calibration_->xAxis->setRange(0, 1);
    calibration_->yAxis->setRange(0, 1);
    calibration_->replot();
    return tr("Expected calibration error %1.").arg(expectedCalibrationError(bins), 0, 'f', 3);
}

void RewardEvaluationView::fillWrongPairs(const std::vector<EvaluatedPair>& pairs) {
    const auto wrong = mostWrong(pairs, 50);
    table_->setRowCount(static_cast<int>(wrong.size()));
    auto cell = [](const std::string& text) {
        auto* item = new QTableWidgetItem(QString::fromStdString(text).simplified().left(200));
        item->setToolTip(QString::fromStdString(text).left(2000));
        return item;
    };
    for (int i = 0; i < static_cast<int>(wrong.size()); ++i) {
        const auto& p = wrong[static_cast<size_t>(i)];
        auto* margin = new QTableWidgetItem(QString::number(p.margin(), 'f', 3));
        margin->setData(Qt::UserRole, qint64(p.promptId));
        if (p.margin() <= 0) margin->setForeground(QColor(176, 0, 32));
        table_->setItem(i, 0, margin);
        table_->setItem(i, 1, cell(p.prompt));
        table_->setItem(i, 2, cell(p.chosen));
        table_->setItem(i, 3, cell(p.rejected));
    }
}

}  // namespace rlhf::widgets
