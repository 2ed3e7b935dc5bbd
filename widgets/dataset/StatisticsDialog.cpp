#include "dataset/StatisticsDialog.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <qcustomplot.h>

#include "common/PlotFullScreen.h"
#include "data/DatasetQueries.h"
#include "common/ProjectTask.h"
#include "data/ProjectStore.h"
#include "data/TokenStatistics.h"

namespace rlhf::widgets {

namespace {

void addTitle(QCustomPlot* plot, const QString& title) {
    QFont bold = plot->font();
    bold.setBold(true);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, bold));
}

// A plot without data says so in its middle instead of showing bare axes.
void addEmptyNote(QCustomPlot* plot, const QString& text) {
    auto* note = new QCPItemText(plot);
    note->position->setType(QCPItemPosition::ptAxisRectRatio);
    note->position->setCoords(0.5, 0.5);
    note->setText(text);
    note->setColor(QColor(0x70, 0x70, 0x70));
}

// A histogram of `values` in 30 bins as bars, with half a bin of room on each side of them.
QCustomPlot* histogram(const std::vector<int64_t>& values, const QString& title, const QColor& color, QWidget* parent,
                       const QString& unit = QObject::tr("characters")) {
    auto* plot = new QCustomPlot(parent);
    allowFullScreen(plot);
    addTitle(plot, title);
    plot->xAxis->setLabel(unit);
    plot->yAxis->setLabel(QObject::tr("count"));
    if (values.empty()) {
        addEmptyNote(plot, QObject::tr("Nothing to count yet"));
        return plot;
    }
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    const double width = std::max(1.0, std::ceil(static_cast<double>(*hi - *lo + 1) / 30.0));
    QVector<double> keys(30), counts(30, 0);
    for (int i = 0; i < 30; ++i) keys[i] = static_cast<double>(*lo) + (i + 0.5) * width;
    for (int64_t v : values) counts[std::min(29, static_cast<int>(static_cast<double>(v - *lo) / width))] += 1;
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setData(keys, counts);
    bars->setWidth(width * 0.9);
    bars->setBrush(color);
    bars->setPen(Qt::NoPen);
    plot->rescaleAxes();
    plot->xAxis->setRange(static_cast<double>(*lo) - width * 0.5, static_cast<double>(*lo) + width * 30.5);
    plot->yAxis->setRange(0, *std::max_element(counts.begin(), counts.end()) * 1.1);
    return plot;
}

// The three splits always (an empty project shows them at 0), then any other split name the file has.
QCustomPlot* splitChart(std::map<std::string, int64_t> perSplit, QWidget* parent) {
    auto* plot = new QCustomPlot(parent);
    allowFullScreen(plot);
    addTitle(plot, QObject::tr("Prompts per split"));
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> keys, counts;
    double k = 1;
    std::vector<std::pair<std::string, int64_t>> bars;
    for (const char* split : {"train", "validation", "test"}) {
        bars.emplace_back(split, perSplit[split]);
        perSplit.erase(split);
    }
    bars.insert(bars.end(), perSplit.begin(), perSplit.end());
    for (const auto& [split, n] : bars) {
        ticker->addTick(k, QString::fromStdString(split));
        keys << k++;
        counts << static_cast<double>(n);
    }
    plot->xAxis->setTicker(ticker);
    auto* chart = new QCPBars(plot->xAxis, plot->yAxis);
    chart->setData(keys, counts);
    chart->setBrush(QColor(0x2f, 0x6f, 0xb5));
    plot->rescaleAxes();
    plot->xAxis->setRange(0.4, k - 0.4);
    plot->yAxis->setRange(0, std::max(1.0, *std::max_element(counts.begin(), counts.end()) * 1.1));
    return plot;
}

}  // namespace

// Tokenising every text takes seconds on a large project: a worker counts, the plots appear when done.
void StatisticsDialog::addTokenHistograms(const QString& projectPath, QGridLayout* grid, QLabel* note) {
    auto result = std::make_shared<std::optional<data::TokenLengths>>();  // written by the worker before `finished`
    auto* task = ProjectTask::start(projectPath, [result](data::ProjectStore& store, const auto&, const auto& cancel) {
        *result = data::tokenLengthsWithLatestTokenizer(store.database(), &cancel);
        return QString();
    });
    connect(task, &ProjectTask::finished, this, [=, this] {
        if (!*result) {
            note->setText(tr("Token lengths appear here once the project has a trained model (its tokenizer)."));
            return;
        }
        note->setText(tr("Token lengths with the tokenizer of %1").arg(QString::fromStdString((*result)->tokenizerDirectory)));
        grid->addWidget(histogram((*result)->prompts, tr("Prompt length"), QColor(0x2f, 0x6f, 0xb5), this, tr("tokens")), 3, 0);
        grid->addWidget(histogram((*result)->responses, tr("Response length"), QColor(0x1a, 0x7f, 0x37), this, tr("tokens")), 3, 1);
        grid->setRowStretch(3, 1);  // the token row takes room only once it has plots
    });
    connect(task, &ProjectTask::failed, note, &QLabel::setText);
    connect(this, &QDialog::finished, task, &ProjectTask::cancel);
}

// Counts and character lengths read every row: ~1 s on a 1M-prompt project, so a worker reads them too.
void StatisticsDialog::addCountsAndCharacterHistograms(const QString& projectPath, QGridLayout* grid, QLabel* summary) {
    struct Counts {
        data::ProjectStats stats;
        std::vector<int64_t> prompts, responses;
    };
    auto result = std::make_shared<Counts>();  // written by the worker before `finished`
    auto* task = ProjectTask::start(projectPath, [result](data::ProjectStore& store, const auto&, const auto&) {
        data::DatasetQueries queries(store.database());
        result->stats = store.stats();
        result->prompts = queries.promptLengths();
        result->responses = queries.responseLengths();
        return QString();
    });
    connect(task, &ProjectTask::finished, this, [=, this] {
        const auto& stats = result->stats;
        const QLocale locale;
        QString text = tr("%1 prompts · %2 responses (%3 demonstrations) · %4 comparisons")
                           .arg(locale.toString(qlonglong(stats.prompts)), locale.toString(qlonglong(stats.responses)),
                                locale.toString(qlonglong(stats.demonstrations)), locale.toString(qlonglong(stats.comparisons)));
        text += tr("\n%1 conversational prompts, rendered for training as \\n\\nHuman: … \\n\\nAssistant: (chat template hh); "
                   "%2 standard prompts, used as written.")
                    .arg(locale.toString(qlonglong(stats.conversationalPrompts)),
                         locale.toString(qlonglong(stats.prompts - stats.conversationalPrompts)));
        if (stats.mixesPromptFormats()) text += tr("\nWarning: this project mixes the two, so a model trained on it learns both formats.");
        summary->setText(text);
        grid->addWidget(histogram(result->prompts, tr("Prompt length"), QColor(0x2f, 0x6f, 0xb5), this), 1, 0);
        grid->addWidget(histogram(result->responses, tr("Response length"), QColor(0x1a, 0x7f, 0x37), this), 1, 1);
        grid->addWidget(splitChart(stats.promptsPerSplit, this), 4, 0, 1, 2);
    });
    connect(task, &ProjectTask::failed, summary, &QLabel::setText);
}

StatisticsDialog::StatisticsDialog(const QString& projectPath, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Dataset statistics"));
    auto* grid = new QGridLayout(this);
    auto* summary = new QLabel(tr("Counting…"), this);
    grid->addWidget(summary, 0, 0, 1, 2);
    auto* tokensNote = new QLabel(tr("Token lengths: counting with the newest checkpoint's tokenizer…"), this);
    grid->addWidget(tokensNote, 2, 0, 1, 2);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    grid->addWidget(buttons, 5, 0, 1, 2);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(4, 1);
    addCountsAndCharacterHistograms(projectPath, grid, summary);
    addTokenHistograms(projectPath, grid, tokensNote);
    resize(900, 650);
}

}  // namespace rlhf::widgets
