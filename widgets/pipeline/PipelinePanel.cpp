#include "pipeline/PipelinePanel.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include "common/ProjectQuery.h"
#include "demo/DemoStageSettings.h"
#include "pipeline/PipelineChain.h"
#include "pipeline/StepCard.h"
#include "runs/NewRunDialog.h"
#include "runs/RunsPanel.h"

namespace rlhf::widgets {

namespace {

const std::vector<QString> kSteps = {"pretrain", "sft", "rm", "ppo", "dpo"};

QString splitCounts(const data::TrainingDataSummary& d, int64_t data::SplitCounts::*field) {
    return QObject::tr("train %1 · validation %2 · test %3")
        .arg(d.splits.at("train").*field).arg(d.splits.at("validation").*field).arg(d.splits.at("test").*field);
}

QString metricLabel(const std::string& name) {
    if (name == "val_accuracy") return QObject::tr("validation accuracy");
    if (name == "val_objective/scores") return QObject::tr("validation score");
    if (name == "val_loss") return QObject::tr("validation loss");
    return QString::fromStdString(name);
}

QString numberText(const nlohmann::json& v, int decimals = 3) { return v.is_number() ? QString::number(v.get<double>(), 'f', decimals) : QStringLiteral("—"); }

}  // namespace

PipelinePanel::PipelinePanel(RunsPanel* runs, QWidget* parent) : QWidget(parent), runs_(runs), chain_(new PipelineChain(runs->launcher(), this)) {
    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    auto* title = new QLabel(tr("<b>The recipe</b> — InstructGPT (Ouyang et al. 2022), figure 2, with DPO (Rafailov et al. 2023) as the shortcut"), this);
    title->setWordWrap(true);
    runRest_ = new QPushButton(tr("Run the rest"), this);
    runRest_->setToolTip(tr("Train the steps that have no finished run yet, one after another, each from the checkpoints before it"));
    header->addWidget(title, 1);
    header->addWidget(runRest_);
    layout->addLayout(header);
    chainLine_ = new QLabel(this);
    layout->addWidget(chainLine_);
    // The cards and the evaluation scroll together: at a presentation zoom nothing is squeezed.
    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    auto* board = new QWidget(content);
    buildCards(board);
    contentLayout->addWidget(board);
    evaluationLine_ = new QLabel(content);
    evaluationLine_->setWordWrap(true);
    evaluationLine_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    contentLayout->addWidget(evaluationLine_);
    evaluation_ = new QTableWidget(0, 5, content);
    evaluation_->setHorizontalHeaderLabels({tr("Model"), tr("Mean score"), tr("Win rate vs baseline [95 % CI]"), tr("KL to baseline"), tr("Perplexity")});
    evaluation_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    evaluation_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    evaluation_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    evaluation_->verticalHeader()->hide();
    contentLayout->addWidget(evaluation_);
    contentLayout->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 1);

    connect(runRest_, &QPushButton::clicked, this, &PipelinePanel::runTheRest);
    connect(chain_, &PipelineChain::message, this, &PipelinePanel::statusMessage);
    connect(chain_, &PipelineChain::changed, this, &PipelinePanel::updateChainLine);
    connect(runs_, &RunsPanel::runEndedWithCheckpoint, this, [this](qint64 runId, const QString& checkpoint) {
        chain_->runEnded(runId, checkpoint);
        refresh();
    });
    refreshTimer_.setInterval(3000);
    connect(&refreshTimer_, &QTimer::timeout, this, [this] {
        if (isVisible()) refresh();
    });
    refreshTimer_.start();
    updateChainLine();
}

void PipelinePanel::buildCards(QWidget* board) {
    auto* grid = new QGridLayout(board);
    auto add = [&](const QString& kind, int row, int column, const QString& title, const QString& hint, const QString& action) {
        auto* card = new StepCard(title, hint, action, board);
        cards_[kind] = card;
        grid->addWidget(card, row, column);
        connect(card, &StepCard::actionTriggered, this, [this, kind] { openStep(kind); });
        connect(card, &StepCard::showRunTriggered, this, [this, kind] {
            if (const PipelineRun* run = snapshot_.lastRun(kind.toStdString())) {
                emit panelRequested(QStringLiteral("runs"));
                runs_->selectRun(run->row.id);
            }
        });
    };
    add("pretrain", 0, 0, tr("Pretraining"), tr("A small GPT learns language by predicting the next token of plain text."), tr("Pretrain…"));
    add("sft", 0, 2, tr("Step 1 · Demonstrations → SFT"), tr("People write good answers; the model learns to imitate them."), tr("Train SFT…"));
    add("rm", 0, 4, tr("Step 2 · Comparisons → reward model"), tr("People compare answers; a reward model learns to score what they prefer."), tr("Train reward model…"));
    add("ppo", 0, 6, tr("Step 3 · PPO"), tr("The policy answers, the reward model scores, PPO updates the policy on a KL leash to SFT."), tr("Train PPO…"));
    add("dpo", 1, 4, tr("Shortcut · DPO"), tr("Learns from the comparisons directly: no reward model, no sampling."), tr("Train DPO…"));
    for (int column : {1, 3, 5}) {
        auto* arrow = new QLabel(QStringLiteral("→"), board);
        arrow->setAlignment(Qt::AlignCenter);
        grid->addWidget(arrow, 0, column);
    }
    auto* down = new QLabel(QStringLiteral("↘"), board);
    down->setAlignment(Qt::AlignCenter);
    grid->addWidget(down, 1, 3);
    grid->setRowStretch(2, 1);
}

void PipelinePanel::setProject(const QString& projectPath) {
    projectPath_ = projectPath;
    chain_->cancel();
    loaded_ = false;
    snapshot_ = {};
    ++generation_;  // a read of the previous project still under way is dropped when it arrives
    refreshing_ = false;
    refresh();
}

void PipelinePanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
}

void PipelinePanel::refresh() {
    if (projectPath_.isEmpty() || refreshing_) return;
    refreshing_ = true;
    queryProject<PipelineSnapshot>(
        this, projectPath_, [](data::ProjectStore& store) { return loadPipelineSnapshot(store); },
        [this, generation = generation_](PipelineSnapshot& s) {
            if (generation != generation_) return;
            refreshing_ = false;
            apply(s);
        },
        [this, generation = generation_](const QString&) {
            if (generation == generation_) refreshing_ = false;
        });
}

void PipelinePanel::apply(PipelineSnapshot& snapshot) {
    snapshot_ = std::move(snapshot);
    loaded_ = true;
    for (const QString& kind : kSteps) fillCard(kind);
    fillEvaluation();
    updateChainLine();
    emit refreshed();
}

void PipelinePanel::fillCard(const QString& kind) {
    StepCard* card = cards_.at(kind);
    const auto& d = snapshot_.data;
    const std::string k = kind.toStdString();
    if (kind == QLatin1String("pretrain"))
        card->setData(snapshot_.demo ? tr("The demo's generated corpus") : tr("The text of %1 train-split prompts").arg(d.train().prompts));
    else if (kind == QLatin1String("sft"))
        card->setData(tr("Demonstrations: %1").arg(splitCounts(d, &data::SplitCounts::demonstrations)));
    else if (kind == QLatin1String("ppo"))
        card->setData(tr("Prompts to roll out: %1").arg(splitCounts(d, &data::SplitCounts::prompts)));
    else
        card->setData(tr("Comparisons: %1; rankings: %2").arg(splitCounts(d, &data::SplitCounts::comparisons)).arg(d.train().rankings));
    const PipelineRun* run = snapshot_.lastRun(k);
    QString line;
    if (run) {
        line = tr("Run #%1: %2, step %3").arg(run->row.id).arg(QString::fromStdString(run->status)).arg(run->row.lastStep);
        if (run->metric) line += tr(" · %1 %2").arg(metricLabel(run->metricName)).arg(*run->metric, 0, 'f', 3);
    }
    card->setRun(line, run && run->status == "finished");
    const bool hasData = kind == QLatin1String("pretrain") ? (snapshot_.demo || d.train().prompts > 0)
                         : kind == QLatin1String("sft") ? d.train().demonstrations > 0
                         : kind == QLatin1String("ppo") ? d.train().prompts > 0 : d.train().preferences() > 0;
    card->setActionEnabled(hasData, tr("The train split has no data for this step (import some in the Dataset panel)"));
}

void PipelinePanel::fillEvaluation() {
    evaluation_->setRowCount(0);
    evaluation_->setVisible(snapshot_.evaluation.has_value());
    if (!snapshot_.evaluation) {
        evaluationLine_->setText(tr("<b>Evaluation</b> — none yet. <code>rlhf eval PROJECT --models A,B,…</code> or "
                                    "<code>rlhf demo run</code> writes one; the newest is shown here."));
        return;
    }
    const auto& e = *snapshot_.evaluation;
    auto text = [&e](const char* key) { return QString::fromStdString(e[key].is_string() ? e[key].get<std::string>() : std::string()); };
    evaluationLine_->setText(tr("<b>Newest evaluation</b> — judge %1, baseline %2, %3 prompts of the %4 split (%5)")
                                 .arg(text("judge").toHtmlEscaped(), text("baseline").toHtmlEscaped())
                                 .arg(e["prompts"].is_number() ? e["prompts"].get<int64_t>() : 0)
                                 .arg(text("split"), QString::fromStdString(snapshot_.evaluationFile).toHtmlEscaped()));
    for (const auto& m : e["models"]) {  // rows checked when read (PipelineSnapshot)
        const int row = evaluation_->rowCount();
        evaluation_->insertRow(row);
        auto field = [&m](const char* key) { return m.value(key, nlohmann::json()); };
        QString name = QString::fromStdString(field("model").is_string() ? field("model").get<std::string>() : std::string("?"));
        if (field("kind").is_string()) name += QStringLiteral(" (%1)").arg(QString::fromStdString(field("kind")).toUpper());
        const QString win = field("win_rate").is_null()
                                ? tr("baseline")
                                : QStringLiteral("%1 [%2, %3]").arg(numberText(field("win_rate"), 2), numberText(field("ci_low"), 2), numberText(field("ci_high"), 2));
        const QStringList cells = {name, numberText(field("mean_score")), win, numberText(field("kl")), numberText(field("perplexity"), 2)};
        for (int c = 0; c < cells.size(); ++c) evaluation_->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    fitTableSize();
}

// The table as large as its cells: the scroll area around the board scrolls, not the table.
void PipelinePanel::fitTableSize() {
    evaluation_->resizeColumnsToContents();
    int height = evaluation_->horizontalHeader()->sizeHint().height() + 2 * evaluation_->frameWidth();
    for (int row = 0; row < evaluation_->rowCount(); ++row) height += evaluation_->rowHeight(row);
    evaluation_->setFixedSize(evaluation_->horizontalHeader()->length() + 2 * evaluation_->frameWidth(), height);
}

// A demo project's settings of the step, then the overrides.
std::map<QString, QString> PipelinePanel::stepSettingsOf(const QString& kind) const {
    std::map<QString, QString> sets;
    if (snapshot_.demo)
        for (const auto& s : demo::demoStageSettings(kind.toStdString())) {
            const auto eq = s.find('=');
            sets[QString::fromStdString(s.substr(0, eq))] = QString::fromStdString(s.substr(eq + 1));
        }
    if (const auto it = overrides_.find(kind); it != overrides_.end())
        for (const auto& [key, value] : it->second) sets[key] = value;
    return sets;
}

// The New-run dialog, filled in: the step's start models from the newest finished runs before it, and a
// demo project's settings.
void PipelinePanel::openStep(const QString& kind) {
    auto checkpoint = [this](const char* k) { return QString::fromStdString(snapshot_.finishedCheckpoint(k)); };
    const QString start = kind == QLatin1String("sft") ? checkpoint("pretrain") : kind == QLatin1String("pretrain") ? QString() : checkpoint("sft");
    NewRunDialog* dialog = runs_->newRun(kind, start);
    if (kind == QLatin1String("ppo") && !checkpoint("rm").isEmpty()) dialog->preset(kind, checkpoint("rm"));
    for (const auto& [key, value] : stepSettingsOf(kind)) dialog->setSetting(key, value);
}

std::vector<QString> PipelinePanel::remainingSteps() const {
    std::vector<QString> remaining;
    for (const QString& kind : kSteps) {
        if (kind == QLatin1String("pretrain") && !snapshot_.demo) continue;  // other projects start SFT from a model of their own
        if (snapshot_.finishedCheckpoint(kind.toStdString()).empty()) remaining.push_back(kind);
    }
    return remaining;
}

void PipelinePanel::runTheRest() {
    const auto remaining = remainingSteps();
    if (remaining.empty()) {
        emit statusMessage(tr("Every step has a finished run. Start one again from its card."));
        return;
    }
    std::map<QString, QString> checkpoints;
    for (const QString& kind : kSteps)
        if (const auto c = snapshot_.finishedCheckpoint(kind.toStdString()); !c.empty()) checkpoints[kind] = QString::fromStdString(c);
    if (remaining.front() == QLatin1String("sft") && !checkpoints.count(QStringLiteral("pretrain"))) {
        emit statusMessage(tr("SFT needs a model to start from: train it once from its card (choose a base model there); Run the rest continues from it."));
        return;
    }
    std::map<QString, std::map<QString, QString>> settings;
    for (const QString& kind : remaining) settings[kind] = stepSettingsOf(kind);
    chain_->start(remaining, checkpoints, settings);
}

void PipelinePanel::updateChainLine() {
    const bool running = chain_->isRunning();
    runRest_->setEnabled(!running && loaded_);
    QStringList names;
    for (const QString& k : remainingSteps()) names << k.toUpper();
    if (running) chainLine_->setText(tr("Running the rest: now %1.").arg(chain_->currentKind().toUpper()));
    else if (!loaded_) chainLine_->setText(tr("Reading the project…"));
    else if (names.isEmpty()) chainLine_->setText(tr("Every step has a finished run."));
    else chainLine_->setText(tr("Still to do: %1.").arg(names.join(QStringLiteral(" → "))));
}

}  // namespace rlhf::widgets
