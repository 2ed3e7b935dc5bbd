#include "runs/PpoSamplesView.h"

#include <sstream>

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>
#include <qcustomplot.h>

#include "common/PlotFullScreen.h"

namespace rlhf::widgets {

std::vector<PpoSample> parsePpoSamples(const std::string& jsonLines, size_t keep) {
    std::vector<PpoSample> out;
    std::istringstream in(jsonLines);
    for (std::string line; std::getline(in, line);) {
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_object() || !j.contains("response")) continue;
        out.push_back({j.value("step", int64_t(0)), j.value("prompt", std::string()), j.value("response", std::string()),
                       j.value("score", 0.0), j.value("kl", 0.0), j.value("length", 0.0)});
    }
    if (out.size() > keep) out.erase(out.begin(), out.end() - static_cast<std::ptrdiff_t>(keep));
    return out;
}

PpoSamplesView::PpoSamplesView(QWidget* parent) : QWidget(parent) {
    summary_ = new QLabel(this);
    table_ = new QTableWidget(0, 6, this);
    table_->setHorizontalHeaderLabels({tr("Step"), tr("Prompt"), tr("Response"), tr("Score"), tr("KL"), tr("Tokens")});
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    tradeOff_ = new QCustomPlot(this);
    allowFullScreen(tradeOff_);
    tradeOff_->setMinimumHeight(160);
    tradeOff_->xAxis->setLabel(tr("KL to the reference (objective/kl)"));
    tradeOff_->yAxis->setLabel(tr("mean score (objective/scores)"));
    tradeOff_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(table_);
    split->addWidget(tradeOff_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(summary_);
    layout->addWidget(split, 1);
    showRun({}, {});
}

void PpoSamplesView::showRun(const std::vector<PpoSample>& samples, const std::vector<std::pair<double, double>>& klAndScore) {
    summary_->setText(samples.empty() ? tr("No rollouts yet: two samples of each PPO step appear here.")
                                      : tr("The latest %1 rollouts, newest first (two per step).").arg(samples.size()));
    table_->setRowCount(static_cast<int>(samples.size()));
    auto cell = [](const QString& text) {
        auto* item = new QTableWidgetItem(text.simplified().left(300));
        item->setToolTip(text.left(2000));
        return item;
    };
    for (int row = 0; row < static_cast<int>(samples.size()); ++row) {
        const PpoSample& s = samples[samples.size() - 1 - static_cast<size_t>(row)];
        table_->setItem(row, 0, new QTableWidgetItem(QString::number(s.step)));
        table_->setItem(row, 1, cell(QString::fromStdString(s.prompt)));
        table_->setItem(row, 2, cell(QString::fromStdString(s.response)));
        table_->setItem(row, 3, new QTableWidgetItem(QString::number(s.score, 'f', 3)));
        table_->setItem(row, 4, new QTableWidgetItem(QString::number(s.kl, 'f', 3)));
        table_->setItem(row, 5, new QTableWidgetItem(QString::number(s.length, 'f', 0)));
    }
    tradeOff_->clearPlottables();
    auto* curve = new QCPCurve(tradeOff_->xAxis, tradeOff_->yAxis);  // a point per step (a graph would sort by KL)
    QVector<double> t, x, y;
    for (size_t i = 0; i < klAndScore.size(); ++i) t << double(i), x << klAndScore[i].first, y << klAndScore[i].second;
    curve->setData(t, x, y);
    curve->setLineStyle(QCPCurve::lsNone);
    curve->setPen(QPen(QColor(31, 119, 180, 160)));
    curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    tradeOff_->rescaleAxes();
    tradeOff_->replot();
}

}  // namespace rlhf::widgets
