#include "ranking/AgreementDialog.h"

#include <map>

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <qcustomplot.h>

#include "common/PlotFullScreen.h"
#include "common/NamesTicker.h"
#include "common/ProjectQuery.h"
#include "data/ProjectAgreement.h"
#include "data/ProjectStore.h"
#include "data/Screening.h"
#include "util/CommaList.h"

namespace rlhf::widgets {

namespace {

struct AgreementResults {
    labelling::AgreementReport report;
    data::LabellingBias bias;
    std::vector<data::ScreeningResult> screening;
    std::vector<std::string> guidelines;
};

QString number(const std::optional<double>& v) { return v ? QString::number(*v, 'f', 3) : QStringLiteral("n/a"); }

QCustomPlot* titledPlot(QWidget* parent, const QString& title) {
    auto* plot = new QCustomPlot(parent);
    allowFullScreen(plot);
    plot->setMinimumSize(280, 240);
    plot->plotLayout()->insertRow(0);
    QFont bold = plot->font();  // the widget's family: an empty family gives a serif face
    bold.setPointSize(9);
    bold.setBold(true);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, bold));
    return plot;
}

}  // namespace

AgreementDialog::AgreementDialog(const QString& projectPath, QWidget* parent) : QDialog(parent), projectPath_(projectPath) {
    setWindowTitle(tr("Labeller agreement"));
    labellerFilter_ = new QLineEdit(this);
    labellerFilter_->setPlaceholderText(tr("all labellers (or: ana, bo)"));
    connect(labellerFilter_, &QLineEdit::editingFinished, this, &AgreementDialog::compute);
    guidelineFilter_ = new QComboBox(this);
    guidelineFilter_->addItem(tr("any guideline version"), QString());
    connect(guidelineFilter_, &QComboBox::activated, this, &AgreementDialog::compute);
    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Judgements of:"), this));
    filters->addWidget(labellerFilter_, 1);
    filters->addWidget(new QLabel(tr("made under:"), this));
    filters->addWidget(guidelineFilter_);
    summary_ = new QLabel(tr("Computing…"), this);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    kappa_ = titledPlot(this, tr("Cohen's κ of each labeller pair"));
    positions_ = titledPlot(this, tr("Win rate by shown position (position bias)"));
    lengths_ = new QLabel(this);
    lengths_->setWordWrap(true);
    labellers_ = new QTableWidget(0, 3, this);
    labellers_->setHorizontalHeaderLabels({tr("Labeller"), tr("Agreement with the others"), tr("Screening (gold items)")});
    labellers_->setToolTip(tr("Screening: agreement with the judgements of the gold labeller on the items they judged "
                              "(rlhf screening sets the gold labeller and the pass threshold)"));
    labellers_->verticalHeader()->hide();
    labellers_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    labellers_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    auto* layout = new QGridLayout(this);
    layout->addLayout(filters, 0, 0, 1, 2);
    layout->addWidget(summary_, 1, 0, 1, 2);
    layout->addWidget(kappa_, 2, 0);
    layout->addWidget(positions_, 2, 1);
    layout->addWidget(labellers_, 3, 0);
    layout->addWidget(lengths_, 3, 1, Qt::AlignTop);
    layout->setRowStretch(2, 3);
    layout->setRowStretch(3, 1);
    resize(900, 680);
    compute();
}

// The statistics of the judgements the filters keep (the bias views and screening: of all judgements).
void AgreementDialog::compute() {
    const data::AgreementFilter filter{commaSeparatedNames(labellerFilter_->text().toStdString()),
                                       guidelineFilter_->currentData().toString().toStdString()};
    summary_->setText(tr("Computing…"));
    queryProject<AgreementResults>(
        this, projectPath_,
        [filter](data::ProjectStore& store) {
            auto& db = store.database();
            return AgreementResults{data::projectAgreement(db, filter), data::labellingBias(db), data::screeningResults(db),
                                    data::judgedGuidelineVersions(db)};
        },
        [this](AgreementResults& r) {
            const QString chosen = guidelineFilter_->currentData().toString();
            while (guidelineFilter_->count() > 1) guidelineFilter_->removeItem(1);
            for (const auto& v : r.guidelines) guidelineFilter_->addItem(QString::fromStdString(v), QString::fromStdString(v));
            guidelineFilter_->setCurrentIndex(std::max(0, guidelineFilter_->findData(chosen)));
            showResults(r.report, r.bias, r.screening);
        },
        [this](const QString& message) { summary_->setText(tr("Could not compute the agreement: %1").arg(message)); });
}

void AgreementDialog::showResults(const labelling::AgreementReport& r, const data::LabellingBias& bias,
                                  const std::vector<data::ScreeningResult>& screening) {
    summary_->setText(tr("<b>%1 units</b> (an item and a pair of its responses, judged by at least two labellers) · "
                         "percent agreement <b>%2</b> · Fleiss' κ %3 · Krippendorff's α nominal %4, ordinal %5"
                         "<br><span style='color:gray'>InstructGPT's labellers agreed with each other about 73% of the time.</span>")
                          .arg(r.units)
                          .arg(number(r.percentAgreement), number(r.fleissKappa), number(r.alphaNominal), number(r.alphaOrdinal)));
    std::map<std::string, const data::ScreeningResult*> screened;
    for (const auto& s : screening) screened[s.labeller] = &s;
    labellers_->setRowCount(static_cast<int>(r.labellers.size()));
    for (size_t i = 0; i < r.labellers.size(); ++i) {
        const auto row = static_cast<int>(i);
        labellers_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(r.labellers[i].labeller)));
        labellers_->setItem(row, 1, new QTableWidgetItem(number(r.labellers[i].agreementWithOthers)));
        const auto s = screened.find(r.labellers[i].labeller);
        const bool tested = s != screened.end() && s->second->goldItems > 0;
        labellers_->setItem(row, 2, new QTableWidgetItem(tested ? tr("%1 on %n gold items, %2", nullptr, static_cast<int>(s->second->goldItems))
                                                                      .arg(s->second->score, 0, 'f', 2)
                                                                      .arg(s->second->passed ? tr("passed") : tr("not passed"))
                                                                : tr("—")));
    }
    const auto& l = bias.length;
    lengths_->setText(l.pairs == 0 ? tr("No preference pairs yet: nothing to say about length.")
                                   : tr("<b>Length</b> over %1 preference pairs: chosen %2 characters on average, rejected %3; "
                                        "the longer response was chosen in %4% of the pairs whose lengths differ.")
                                         .arg(l.pairs)
                                         .arg(l.chosenMeanChars, 0, 'f', 0)
                                         .arg(l.rejectedMeanChars, 0, 'f', 0)
                                         .arg(100.0 * l.chosenLongerFraction, 0, 'f', 0));
    plotKappa(r);
    plotPositions(bias);
    emit computed();
}

void AgreementDialog::plotKappa(const labelling::AgreementReport& r) {
    kappa_->clearPlottables();
    kappa_->clearItems();
    QStringList names;
    for (const auto& l : r.labellers) names << QString::fromStdString(l.labeller);
    const int n = static_cast<int>(names.size());
    kappaCells_ = 0;
    if (n == 0) {
        kappa_->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    auto* map = new QCPColorMap(kappa_->xAxis, kappa_->yAxis);
    map->data()->setSize(n, n);
    map->data()->setRange(QCPRange(0, n - 1), QCPRange(0, n - 1));
    for (int x = 0; x < n; ++x)
        for (int y = 0; y < n; ++y) map->data()->setAlpha(x, y, 0);  // pairs without two common units stay blank
    std::map<QString, int> index;
    for (int i = 0; i < n; ++i) index[names[i]] = i;
    for (const auto& k : r.cohenKappa) {
        if (!k.kappa) continue;
        const int a = index[QString::fromStdString(k.a)], b = index[QString::fromStdString(k.b)];
        for (auto [x, y] : {std::pair{a, b}, std::pair{b, a}}) {
            map->data()->setCell(x, y, *k.kappa);
            map->data()->setAlpha(x, y, 255);
            auto* label = new QCPItemText(kappa_);
            label->position->setCoords(x, y);
            label->setText(QStringLiteral("%1\nn=%2").arg(*k.kappa, 0, 'f', 2).arg(k.n));
            ++kappaCells_;
        }
    }
    map->setInterpolate(false);  // one flat cell per labeller pair
    map->setTightBoundary(false);
    map->setGradient(QCPColorGradient::gpThermal);
    map->setDataRange(QCPRange(-1, 1));
    for (QCPAxis* axis : {kappa_->xAxis, kappa_->yAxis}) {
        axis->setTicker(namesTicker(names));
        axis->setRange(-0.5, n - 0.5);
    }
    kappa_->replot(QCustomPlot::rpQueuedReplot);
}

void AgreementDialog::plotPositions(const data::LabellingBias& bias) {
    positions_->clearPlottables();
    positions_->clearItems();
    positions_->xAxis->setLabel(tr("shown position"));
    positions_->yAxis->setLabel(tr("win rate"));
    auto* bars = new QCPBars(positions_->xAxis, positions_->yAxis);
    QVector<double> x, y;
    QStringList letters;
    for (const auto& p : bias.positions) {
        x << p.position;
        y << p.rate();
    }
    for (int i = 0; i <= (bias.positions.empty() ? 0 : bias.positions.back().position); ++i) letters << QString(QChar('A' + i));
    bars->setData(x, y, true);
    bars->setWidth(0.6);
    positions_->xAxis->setTicker(namesTicker(letters));
    positions_->xAxis->setRange(-0.5, std::max<double>(1, letters.size()) - 0.5);
    positions_->yAxis->setRange(0, 1);
    auto* even = new QCPItemStraightLine(positions_);
    even->point1->setCoords(0, 0.5);
    even->point2->setCoords(1, 0.5);
    even->setPen(QPen(Qt::gray, 1, Qt::DashLine));
    positions_->replot(QCustomPlot::rpQueuedReplot);
}

QString AgreementDialog::summaryText() const { return summary_->text(); }

}  // namespace rlhf::widgets
