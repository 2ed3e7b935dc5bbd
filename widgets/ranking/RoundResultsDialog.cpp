#include "ranking/RoundResultsDialog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "common/PlotFullScreen.h"
#include "common/ProjectQuery.h"
#include "data/ProjectStore.h"

namespace rlhf::widgets {

namespace {

struct RoundRead {
    std::vector<std::string> rounds, models;
    data::RoundResults results;
    QString error;
};

}  // namespace

RoundResultsDialog::RoundResultsDialog(const QString& projectPath, QWidget* parent) : QDialog(parent), projectPath_(projectPath) {
    setWindowTitle(tr("Evaluation rounds"));
    round_ = new QComboBox(this);
    baseline_ = new QComboBox(this);
    summary_ = new QLabel(tr("Reading…"), this);
    summary_->setWordWrap(true);
    plot_ = new QCustomPlot(this);
    allowFullScreen(plot_);
    plot_->setMinimumSize(420, 300);
    plot_->yAxis->setLabel(tr("win rate against the baseline"));
    plot_->yAxis->setRange(0, 1);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Round:"), this));
    bar->addWidget(round_, 1);
    bar->addWidget(new QLabel(tr("Baseline:"), this));
    bar->addWidget(baseline_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(summary_);
    layout->addWidget(plot_, 1);
    connect(round_, &QComboBox::currentTextChanged, this, [this](const QString& r) {
        if (!filling_) load(r, QString());
    });
    connect(baseline_, &QComboBox::currentTextChanged, this, [this](const QString& b) {
        if (!filling_) load(round_->currentText(), b);
    });
    resize(720, 520);
    load(QString(), QString());
}

void RoundResultsDialog::load(const QString& round, const QString& baseline) {
    queryProject<RoundRead>(
        this, projectPath_,
        [round = round.toStdString(), baseline = baseline.toStdString()](data::ProjectStore& store) {
            RoundRead r;
            r.rounds = data::evaluationRounds(store.database());
            if (r.rounds.empty()) return r;
            const std::string chosen = round.empty() ? r.rounds.back() : round;
            r.models = data::roundModels(store.database(), chosen);
            try {
                r.results = data::roundResults(store.database(), chosen, baseline);
            } catch (const std::invalid_argument& e) {
                r.error = QString::fromStdString(e.what());
            }
            return r;
        },
        [this](RoundRead& r) {
            filling_ = true;
            round_->clear();
            for (const auto& name : r.rounds) round_->addItem(QString::fromStdString(name));
            round_->setCurrentText(QString::fromStdString(r.results.round));
            baseline_->clear();
            for (const auto& m : r.models) baseline_->addItem(QString::fromStdString(m));
            baseline_->setCurrentText(QString::fromStdString(r.results.baseline));
            filling_ = false;
            if (r.rounds.empty())
                summary_->setText(tr("No evaluation rounds yet. <b>Candidates…</b> with two or more models makes one: each model answers "
                                     "the same held-out prompts, labellers rank the answers blind, and this shows who wins."));
            else if (!r.error.isEmpty()) summary_->setText(r.error.toHtmlEscaped());
            else showResults(r.results);
        },
        [this](const QString& message) { summary_->setText(tr("Could not read the rounds: %1").arg(message)); });
}

void RoundResultsDialog::showResults(const data::RoundResults& r) {
    summary_->setText(tr("Round <b>%1</b>: %2 of %3 items judged. Each bar: how often labellers ranked the model's answer above "
                         "<b>%4</b>'s (ties count half), with its 95 % Wilson interval; 0.5 is a draw.")
                          .arg(QString::fromStdString(r.round)).arg(r.judgedItems).arg(r.items).arg(QString::fromStdString(r.baseline)));
    plot_->clearPlottables();
    plot_->clearItems();
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> x, y, low, high;
    bars_ = 0;
    for (const auto& m : r.models) {
        if (m.model == r.baseline) continue;
        ticker->addTick(bars_, QStringLiteral("%1\n(n=%2)").arg(QString::fromStdString(m.model)).arg(m.judgements));
        x << bars_;
        y << m.winRate.rate;
        low << m.winRate.rate - m.winRate.ciLow;
        high << m.winRate.ciHigh - m.winRate.rate;
        ++bars_;
    }
    auto* bars = new QCPBars(plot_->xAxis, plot_->yAxis);
    bars->setData(x, y, true);
    bars->setWidth(0.5);
    auto* errors = new QCPErrorBars(plot_->xAxis, plot_->yAxis);
    errors->setDataPlottable(bars);
    errors->setData(low, high);
    plot_->xAxis->setTicker(ticker);
    plot_->xAxis->setRange(-0.6, std::max(1, bars_) - 0.4);
    auto* even = new QCPItemStraightLine(plot_);
    even->point1->setCoords(0, 0.5);
    even->point2->setCoords(1, 0.5);
    even->setPen(QPen(Qt::gray, 1, Qt::DashLine));
    plot_->replot(QCustomPlot::rpQueuedReplot);
    emit computed();
}

QString RoundResultsDialog::summaryText() const { return summary_->text(); }

}  // namespace rlhf::widgets
