#include "chat/LeaderboardView.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "common/NamesTicker.h"
#include "common/PlotFullScreen.h"
#include "common/ProjectQuery.h"
#include "data/ArenaComparisons.h"
#include "data/ArenaFile.h"
#include "data/ProjectStore.h"
#include "qcustomplot.h"

namespace rlhf::widgets {

namespace {

constexpr int kRounds = 1000;  // as `rlhf arena` by default
constexpr uint64_t kSeed = 0;

QString number(double v) { return QString::number(v, 'f', 1); }

// The 95 % interval's cell. Where its ends agree at the table's precision (a single battle, or battles all
// won one way, make nearly every resample give one rating) there is no width to show: a dash and a tooltip,
// not an interval that claims certainty.
QTableWidgetItem* intervalItem(const arena::LeaderboardRow& x) {
    const QString low = number(x.ciLow), high = number(x.ciHigh);
    if (low != high) return new QTableWidgetItem(QStringLiteral("%1 – %2").arg(low, high));
    auto* item = new QTableWidgetItem(QStringLiteral("—"));
    item->setToolTip(LeaderboardView::tr("The 95 % bootstrap interval has no width at this precision (%1): too few battles, "
                                         "or battles all won one way, to tell how sure the rating is.").arg(low));
    return item;
}

}  // namespace

LeaderboardView::LeaderboardView(QWidget* parent) : QWidget(parent) {
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    summary_->setTextFormat(Qt::RichText);
    auto* refresh = new QPushButton(tr("Refresh"), this);
    toComparisons_ = new QPushButton(tr("Votes → comparisons"), this);
    toComparisons_->setToolTip(tr("Each decided battle becomes a reward-model comparison: its last message as the prompt, "
                                  "the winner's reply chosen, the loser's rejected (ties are left out; twice is once)"));
    table_ = new QTableWidget(0, 8, this);
    table_->setHorizontalHeaderLabels({tr("Model"), tr("Bradley–Terry"), tr("95 % interval"), tr("Online Elo"), tr("Battles"), tr("Wins"),
                                       tr("Losses"), tr("Ties")});
    table_->verticalHeader()->setVisible(true);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->resizeColumnsToContents();  // the headers' widths, which the arrangement goes by before any data
    matrix_ = new QCustomPlot(this);
    matrix_->setMinimumSize(360, 260);
    allowFullScreen(matrix_);
    matrix_->xAxis->setLabel(tr("against"));
    matrix_->yAxis->setLabel(tr("win rate of"));
    matrix_->yAxis->setRangeReversed(true);
    matrix_->xAxis->setTickLabelRotation(-35);  // model names are long
    auto* top = new QHBoxLayout;
    top->addWidget(summary_, 1);
    top->addWidget(toComparisons_);
    top->addWidget(refresh);
    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->setChildrenCollapsible(false);
    splitter_->addWidget(table_);
    splitter_->addWidget(matrix_);
    splitter_->setStretchFactor(0, 0);  // the table as wide as its numbers, the matrix the rest
    splitter_->setStretchFactor(1, 1);
    splitter_->setSizes({650, 550});
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter_, 1);
    connect(refresh, &QPushButton::clicked, this, &LeaderboardView::refresh);
    connect(toComparisons_, &QPushButton::clicked, this, &LeaderboardView::addVotesAsComparisons);
    summary_->setText(tr("Open a project: its arena battles (votes here, or imported with --format arena) rank the models."));
}

void LeaderboardView::setProject(const QString& projectPath) {
    projectPath_ = projectPath;
    if (isVisible()) refresh();
}

void LeaderboardView::showEvent(QShowEvent* event) {
    refresh();
    QWidget::showEvent(event);
}

void LeaderboardView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    arrangeSideBySideOrStacked(false);
}

// Side by side when the table's columns and the matrix both fit the width; stacked (the table above) when
// a narrow window would otherwise hide the table's last columns behind a scroll bar.
void LeaderboardView::arrangeSideBySideOrStacked(bool resizeParts) {
    int tableWidth = table_->verticalHeader()->sizeHint().width() + 2 * table_->frameWidth() +
                     table_->verticalScrollBar()->sizeHint().width();
    for (int c = 0; c < table_->columnCount(); ++c) tableWidth += table_->columnWidth(c);  // as wide as their contents
    const int needed = tableWidth + matrix_->minimumWidth() + splitter_->handleWidth() + 2 * layout()->contentsMargins().left();
    const Qt::Orientation orientation = width() >= needed ? Qt::Horizontal : Qt::Vertical;
    if (splitter_->orientation() == orientation && !resizeParts) return;
    splitter_->setOrientation(orientation);
    int tableHeight = table_->horizontalHeader()->sizeHint().height() + 2 * table_->frameWidth();  // every row, where the matrix leaves room
    for (int r = 0; r < table_->rowCount(); ++r) tableHeight += table_->rowHeight(r);
    splitter_->setSizes(orientation == Qt::Horizontal ? QList<int>{tableWidth, width() - tableWidth}
                                                      : QList<int>{tableHeight, std::max(0, splitter_->height() - tableHeight)});
}

void LeaderboardView::refresh() {
    if (projectPath_.isEmpty()) return;
    summary_->setText(tr("Computing…"));
    const int generation = ++generation_;  // an older refresh that ends later is not shown
    queryProject<Results>(
        this, projectPath_,
        &LeaderboardView::readResults,
        [this, generation](Results& r) {
            if (generation == generation_) showResults(r);
        },
        [this, generation](const QString& message) {
            if (generation == generation_) summary_->setText(tr("Could not compute the leaderboard: %1").arg(message.toHtmlEscaped()));
        });
}

// Runs on a worker: the leaderboard, and the matrix with its models in the leaderboard's order.
LeaderboardView::Results LeaderboardView::readResults(data::ProjectStore& store) {
    const auto battles = data::readArenaBattles(store.database());
    const int n = static_cast<int>(battles.models.size());
    Results r;
    r.board = arena::computeLeaderboard(battles.models, battles.battles, kRounds, kSeed);
    const auto rates = arena::winRateMatrix(battles.battles, n);
    const auto met = arena::battleCounts(battles.battles, n);
    std::vector<size_t> index;  // leaderboard row -> the models' order of the battles
    for (const auto& row : r.board.rows) {
        r.models.push_back(row.model);
        index.push_back(static_cast<size_t>(std::find(battles.models.begin(), battles.models.end(), row.model) - battles.models.begin()));
    }
    for (size_t x : index) {
        r.winRates.emplace_back();
        r.met.emplace_back();
        for (size_t y : index) {
            r.winRates.back().push_back(rates[x][y]);
            r.met.back().push_back(met[x][y]);
        }
    }
    return r;
}

void LeaderboardView::addVotesAsComparisons() {
    if (projectPath_.isEmpty()) return;
    toComparisons_->setEnabled(false);
    ProjectTask* task = ProjectTask::start(projectPath_, [](data::ProjectStore& store, const auto&, const auto&) {
        const auto r = data::arenaVotesToComparisons(store.database(), store.checkpointsDirectory());
        return tr("%n new comparison(s) from the arena's votes (%1 already there); %2 ties and %3 battles without a common last "
                  "message are not comparisons. The reward model trains on them with the other comparisons.",
                  nullptr, static_cast<int>(r.import.pairs))
            .arg(r.import.duplicates)
            .arg(r.ties)
            .arg(r.unpaired);
    });
    connect(task, &ProjectTask::finished, this, [this](const QString& summary) {
        toComparisons_->setEnabled(true);
        emit statusMessage(summary);
    });
    connect(task, &ProjectTask::failed, this, [this](const QString& message) {
        toComparisons_->setEnabled(true);
        emit statusMessage(tr("The votes could not be added as comparisons: %1").arg(message));
    });
}

void LeaderboardView::showResults(const Results& r) {
    const auto& rows = r.board.rows;
    const int battles = static_cast<int>(r.board.battles);
    if (rows.empty())
        summary_->setText(tr("No arena battles yet. Vote in the Arena tab, or import Chatbot Arena records (File → Import, format arena)."));
    else
        summary_->setText(tr("<b>%n battle(s)</b>, %1 models · Bradley–Terry ratings (mean 1000) with 95 % bootstrap intervals (%2 "
                             "resamples, seed %3) and online Elo (K 4), as <tt>rlhf arena</tt> computes them", nullptr, battles)
                              .arg(rows.size())
                              .arg(kRounds)
                              .arg(kSeed) +
                          (r.board.ridge ? tr("<br><span style='color:#a05000'>A model was never beaten, or groups of models never met both "
                                              "ways: the ratings are kept finite by a negligible ridge and are only a rough order.</span>")
                                         : QString()));
    table_->setRowCount(static_cast<int>(rows.size()));
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        const auto& x = rows[static_cast<size_t>(i)];
        const QStringList cells = {QString::fromStdString(x.model), number(x.btRating), QString(), number(x.eloOnline),
                                   QString::number(x.battles), QString::number(x.wins), QString::number(x.losses), QString::number(x.ties)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = c == 2 ? intervalItem(x) : new QTableWidgetItem(cells[c]);
            if (c > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table_->setItem(i, c, item);
        }
    }
    table_->resizeColumnsToContents();
    arrangeSideBySideOrStacked(true);  // the table as large as its new contents
    matrix_->setVisible(!rows.empty());  // an empty plot's bare axes say nothing
    toComparisons_->setEnabled(!rows.empty());
    plotMatrix(r);
    emit refreshed();
}

void LeaderboardView::plotMatrix(const Results& r) {
    matrix_->clearPlottables();
    matrix_->clearItems();
    matrixCells_ = 0;
    const int n = static_cast<int>(r.models.size());
    if (n == 0) {
        matrix_->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    QStringList names;
    for (const auto& m : r.models) names << QString::fromStdString(m);
    auto* map = new QCPColorMap(matrix_->xAxis, matrix_->yAxis);
    map->data()->setSize(n, n);
    map->data()->setRange(QCPRange(0, n - 1), QCPRange(0, n - 1));
    for (int x = 0; x < n; ++x)
        for (int y = 0; y < n; ++y) {
            const double rate = r.winRates[static_cast<size_t>(y)][static_cast<size_t>(x)];  // row y's rate against column x
            map->data()->setCell(x, y, std::max(rate, 0.0));
            map->data()->setAlpha(x, y, rate < 0 ? 0 : 255);  // pairs that never met stay blank
            if (rate < 0) continue;
            auto* label = new QCPItemText(matrix_);
            label->position->setCoords(x, y);
            label->setText(QStringLiteral("%1\nn=%2").arg(rate, 0, 'f', 2).arg(r.met[static_cast<size_t>(y)][static_cast<size_t>(x)]));
            ++matrixCells_;
        }
    map->setInterpolate(false);
    map->setTightBoundary(false);
    QCPColorGradient gradient;  // red: lost every time, white: even, green: won every time
    gradient.setColorStopAt(0, QColor(0xd6, 0x60, 0x4d));
    gradient.setColorStopAt(0.5, Qt::white);
    gradient.setColorStopAt(1, QColor(0x4d, 0x92, 0x21));
    map->setGradient(gradient);
    map->setDataRange(QCPRange(0, 1));
    for (QCPAxis* axis : {matrix_->xAxis, matrix_->yAxis}) {
        axis->setTicker(namesTicker(names));
        axis->setRange(-0.5, n - 0.5);
    }
    matrix_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace rlhf::widgets
