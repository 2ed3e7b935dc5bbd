#include "runs/NewRunDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include "common/FileDialogs.h"
#include "common/ProjectQuery.h"
#include "data/ProjectStore.h"
#include "main/AppSettings.h"
#include "runs/RunListModel.h"
#include "runs/RunMemoryLine.h"
#include "runs/RunPrerequisites.h"
#include "runs/RunSettingHelp.h"
#include "runs/StageSettings.h"
#include "text/Tokenizer.h"

namespace rlhf::widgets {

namespace {
const QString kChooseDirectory = QStringLiteral("\x01choose");
// Settings with their own widgets above the form (or filled by the command: the pretraining text).
const QStringList kOwnWidgets = {"model", "reward_model", "text_path", "seed", "precision"};

// The kinds whose checkpoints a stage usually starts from, most usual first.
QStringList usualStartsOf(const QString& kind) {
    if (kind == QLatin1String("sft")) return {"pretrain", "sft"};
    if (kind == QLatin1String("ppo")) return {"dpo", "sft"};
    return {"sft"};
}

QString shownDefault(const nlohmann::json& v) { return QString::fromStdString(v.is_string() ? v.get<std::string>() : v.dump()); }
}  // namespace

NewRunDialog::NewRunDialog(const QString& projectPath, const std::vector<RunEntry>& runs,
                           const std::vector<std::pair<int64_t, QString>>& live, QWidget* parent)
    : QDialog(parent), projectPath_(projectPath), runs_(runs) {
    setWindowTitle(tr("New run"));
    kind_ = new QComboBox(this);
    for (const auto& [kind, name] : std::vector<std::pair<QString, QString>>{{"pretrain", tr("Pretraining (a small GPT or Mamba from scratch)")},
                                                                             {"sft", tr("SFT (supervised fine-tuning)")},
                                                                             {"rm", tr("Reward model")}, {"dpo", tr("DPO")}, {"ppo", tr("PPO")}})
        kind_->addItem(name, kind);
    kind_->setCurrentIndex(1);
    model_ = new QComboBox(this);
    rewardModel_ = new QComboBox(this);
    when_ = new QComboBox(this);
    when_->addItem(tr("Now"), qint64(0));
    for (const auto& [id, label] : live) when_->addItem(tr("When %1 has finished, from its final checkpoint").arg(label), qint64(id));
    device_ = new QComboBox(this);
    device_->addItems({"cpu", "cuda"});
    device_->setToolTip(tr("cuda needs rlhf-engine built with a CUDA LibTorch and a GPU; the run fails at once otherwise"));
    precision_ = new QComboBox(this);
    precision_->addItems({"auto", "fp32", "bf16"});
    precision_->setToolTip(tr("auto: bf16 autocast on CUDA and on CPUs with BF16 instructions, else fp32"));
    seed_ = new QSpinBox(this);
    seed_->setRange(0, 1'000'000'000);
    seed_->setValue(1);
    seed_->setToolTip(tr("Seeds the order of the data, sampling and new weights: the same seed repeats a run bit for bit"));
    auto* top = new QFormLayout;
    top->addRow(tr("Stage:"), kind_);
    top->addRow(tr("Start from:"), model_);
    top->addRow(tr("Reward model:"), rewardModel_);
    top->addRow(tr("Start:"), when_);
    top->addRow(tr("Device:"), device_);
    top->addRow(tr("Precision:"), precision_);
    top->addRow(tr("Seed:"), seed_);
    dataSummary_ = new QLabel(tr("Counting the project's data…"), this);
    dataSummary_->setWordWrap(true);
    memory_ = new QLabel(this);
    memory_->setObjectName(QStringLiteral("memoryEstimate"));
    memory_->setWordWrap(true);
    memory_->setVisible(false);
    problems_ = new QLabel(this);
    problems_->setWordWrap(true);
    problems_->setStyleSheet(QStringLiteral("color: #b00020"));
    connect(problems_, &QLabel::linkActivated, this, [this](const QString& link) {
        emit panelRequested(link);
        reject();
    });
    auto* settings = new QWidget(this);
    settingsForm_ = new QFormLayout(settings);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(settings);
    scroll->setWidgetResizable(true);
    scroll->setMinimumHeight(220);
    error_ = new QLabel(this);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020"));
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &NewRunDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(dataSummary_);
    layout->addWidget(memory_);
    layout->addWidget(problems_);
    layout->addWidget(new QLabel(tr("Settings (hover a name for what it does and where its default comes from):"), this));
    layout->addWidget(scroll, 1);
    layout->addWidget(error_);
    layout->addWidget(buttons_);
    resize(620, 720);

    connect(kind_, &QComboBox::currentIndexChanged, this, &NewRunDialog::kindChanged);
    for (QComboBox* combo : {model_, rewardModel_})
        connect(combo, &QComboBox::activated, this, [this, combo] {
            if (combo->currentData().toString() == kChooseDirectory) chooseDirectory(combo);
            updateProblems();
        });
    connect(when_, &QComboBox::currentIndexChanged, this, &NewRunDialog::updateProblems);
    for (QComboBox* combo : {precision_, device_}) connect(combo, &QComboBox::currentIndexChanged, this, &NewRunDialog::updateMemory);
    kindChanged();
    queryProject<data::TrainingDataSummary>(
        this, projectPath_, [](data::ProjectStore& store) { return data::summarizeTrainingData(store.database()); },
        [this](data::TrainingDataSummary& summary) {
            data_ = summary;
            updateProblems();
        },
        [this](const QString& error) { dataSummary_->setText(error); });
}

void NewRunDialog::kindChanged() {
    const std::string kind = kind_->currentData().toString().toStdString();
    fillModelChoices();
    while (settingsForm_->rowCount() > 0) settingsForm_->removeRow(0);
    settingEdits_.clear();
    const nlohmann::json defaults = defaultStageSettings(kind);
    for (const auto& [key, value] : defaults.items()) {
        const QString name = QString::fromStdString(key);
        if (kOwnWidgets.contains(name)) continue;
        auto* edit = new QLineEdit(shownDefault(value));
        edit->setPlaceholderText(shownDefault(value));
        const QString help = runSettingHelp(name);
        edit->setToolTip((help.isEmpty() ? QString() : help + QStringLiteral("\n")) + tr("Default: %1").arg(shownDefault(value)));
        auto* label = new QLabel(name);
        label->setToolTip(edit->toolTip());
        settingsForm_->addRow(label, edit);
        settingEdits_.emplace_back(name, edit);
    }
    precision_->setCurrentText(QString::fromStdString(defaults.value("precision", std::string("auto"))));
    updateProblems();
}

// Every run's latest checkpoint (the reward model: reward-model runs' only): the usual starts of the
// stage first, newest first within each. A directory the user chose stays chosen across stages.
void NewRunDialog::fillModelChoices() {
    const QString kind = kind_->currentData().toString();
    for (QComboBox* combo : {model_, rewardModel_}) {
        const bool reward = combo == rewardModel_;
        const QStringList usual = reward ? QStringList{"rm"} : usualStartsOf(kind);
        const QString kept = combo->currentData().toString();
        combo->clear();
        std::vector<const RunEntry*> candidates;
        // A reward model's checkpoint scores, it does not write: PPO's reward model is one, and of the stages
        // only a reward model's may start from one (further training).
        const auto offered = [&](const RunEntry& e) { return reward ? e.row.kind == "rm" : e.row.kind != "rm" || kind == QLatin1String("rm"); };
        for (auto it = runs_.rbegin(); it != runs_.rend(); ++it)
            if (!it->checkpoints.empty() && offered(*it)) candidates.push_back(&*it);
        std::stable_sort(candidates.begin(), candidates.end(), [&](const RunEntry* a, const RunEntry* b) {
            auto rank = [&](const RunEntry* e) {
                const auto at = usual.indexOf(QString::fromStdString(e->row.kind));
                return at < 0 ? usual.size() : at;
            };
            return rank(a) < rank(b);
        });
        for (const RunEntry* e : candidates) {
            const auto& c = e->checkpoints.back();
            // One arg call: a run's name may hold "%1".
            combo->addItem(tr("%1 · step %2 (%3)").arg(runTitle(*e), QString::number(c.step), runStatusName(e->status)), QString::fromStdString(c.path));
        }
        for (const QString& dir : AppSettings::recentModelDirectories())  // chosen before, still there
            if (combo->findData(dir) < 0 && QFileInfo::exists(dir + QStringLiteral("/config.json"))) combo->addItem(dir, dir);
        const bool keptDirectory = !kept.isEmpty() && kept != kChooseDirectory && combo->findData(kept) < 0;
        if (keptDirectory) combo->insertItem(0, kept, kept);
        combo->addItem(tr("Choose a Hugging Face directory…"), kChooseDirectory);
        combo->setCurrentIndex(0);
        if (combo->currentData().toString() == kChooseDirectory && combo->count() > 1) combo->setCurrentIndex(0);
    }
    model_->setEnabled(kind != QLatin1String("pretrain"));
    rewardModel_->setEnabled(kind == QLatin1String("ppo"));
}

void NewRunDialog::chooseDirectory(QComboBox* combo) {
    const QString dir = chooseExistingDirectory(this, tr("A Hugging Face model directory (config.json, model.safetensors)"));
    if (dir.isEmpty()) {
        combo->setCurrentIndex(0);
        return;
    }
    if (!QFileInfo::exists(dir + QStringLiteral("/config.json"))) {
        error_->setText(tr("%1 has no config.json: not a Hugging Face model directory.").arg(dir));
        combo->setCurrentIndex(0);
        return;
    }
    // Every stage reads its data through the model's tokenizer (the engine refuses a directory without one).
    if (!text::Tokenizer::existsIn(dir.toStdString())) {
        error_->setText(tr("%1 has no tokenizer files (tokenizer.json, tokenizer.model, or vocab.json and merges.txt): "
                           "a run could not read its data with it.").arg(dir));
        combo->setCurrentIndex(0);
        return;
    }
    error_->clear();
    QStringList recent = AppSettings::recentModelDirectories();
    recent.removeAll(dir);
    recent.prepend(dir);
    AppSettings::setRecentModelDirectories(recent.mid(0, 5));
    if (const int there = combo->findData(dir); there >= 0) combo->removeItem(there);
    combo->insertItem(0, dir, dir);
    combo->setCurrentIndex(0);
}

void NewRunDialog::preset(const QString& kind, const QString& checkpoint) {
    kind_->setCurrentIndex(std::max(0, kind_->findData(kind)));
    if (checkpoint.isEmpty()) {  // the stage only: its model stays the dialog's default
        updateProblems();
        return;
    }
    QComboBox* combo = kind == QLatin1String("ppo") && checkpoint.contains(QLatin1String("-rm/")) ? rewardModel_ : model_;
    if (combo->findData(checkpoint) < 0) combo->insertItem(0, checkpoint, checkpoint);
    combo->setCurrentIndex(combo->findData(checkpoint));
    updateProblems();
}

void NewRunDialog::setSetting(const QString& key, const QString& value) {
    for (auto& [name, edit] : settingEdits_)
        if (name == key) edit->setText(value);
}

// With "start when run N has finished": the setting N's final checkpoint fills (a PPO run after a reward
// model: reward_model; pretraining: none), else empty.
QString NewRunDialog::queuedSetting() const {
    const int64_t after = when_->currentData().toLongLong();
    if (after <= 0 || kind_->currentData().toString() == QLatin1String("pretrain")) return {};
    for (const auto& e : runs_)
        if (e.row.id == after && e.row.kind == "rm" && kind_->currentData().toString() == QLatin1String("ppo")) return QStringLiteral("reward_model");
    return QStringLiteral("model");
}

bool NewRunDialog::canStart() const { return buttons_->button(QDialogButtonBox::Ok)->isEnabled(); }

void NewRunDialog::updateProblems() {
    const QString kind = kind_->currentData().toString();
    const QString filledByQueue = queuedSetting();  // the setting the awaited run's checkpoint fills, if any
    auto chosen = [&](QComboBox* c, const char* setting) {
        return filledByQueue == QLatin1String(setting) || (c->currentData().isValid() && c->currentData().toString() != kChooseDirectory);
    };
    if (!data_) {
        buttons_->button(QDialogButtonBox::Ok)->setEnabled(false);
        return;
    }
    dataSummary_->setText(dataSummaryText(kind, *data_));
    QStringList lines;
    for (const auto& m : missingPrerequisites({kind, chosen(model_, "model"), chosen(rewardModel_, "reward_model")}, *data_))
        lines << m.text.toHtmlEscaped() +
                     (m.panel.isEmpty() ? QString() : QStringLiteral(" <a href=\"%1\">%2</a>").arg(m.panel, tr("Open the panel")));
    updateMemory();
    problems_->setText(lines.join(QStringLiteral("<br>")));
    problems_->setVisible(!lines.isEmpty());
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(lines.isEmpty());
}

// Only for a chosen start (a run after another's end has no checkpoint to read yet).
void NewRunDialog::updateMemory() {
    const auto directory = [](QComboBox* c) {
        const QString d = c->isEnabled() ? c->currentData().toString() : QString();
        return d == kChooseDirectory ? QString() : d;
    };
    const QString filledByQueue = queuedSetting();
    const QString model = filledByQueue == QLatin1String("model") ? QString() : directory(model_);
    const QString reward = filledByQueue == QLatin1String("reward_model") ? QString() : directory(rewardModel_);
    const RunMemoryLine line = runMemoryLine(kind_->currentData().toString(), model, reward, precision_->currentText(),
                                             device_->currentText() == QLatin1String("cuda"));
    memory_->setText(line.text);
    memory_->setStyleSheet(line.fits ? QString() : QStringLiteral("color: #b00020"));
    memory_->setVisible(!line.text.isEmpty());
}

void NewRunDialog::accept() {
    RunRequest r;
    r.kind = kind_->currentData().toString();
    r.device = device_->currentText();
    const nlohmann::json defaults = defaultStageSettings(r.kind.toStdString());
    nlohmann::json settings = nlohmann::json::object();
    for (const auto& [key, edit] : settingEdits_) {
        const QString text = edit->text().trimmed();
        if (text.isEmpty() || text == shownDefault(defaults[key.toStdString()])) continue;
        r.sets[key] = text;
        settings[key.toStdString()] = settingValueOf(text.toStdString());
    }
    if (seed_->value() != 1) r.sets[QStringLiteral("seed")] = QString::number(seed_->value());
    if (precision_->currentText() != shownDefault(defaults.value("precision", nlohmann::json("auto"))))
        r.sets[QStringLiteral("precision")] = precision_->currentText();
    r.afterRunId = when_->currentData().toLongLong();
    const QString filledByQueue = queuedSetting();
    if (!filledByQueue.isEmpty()) r.afterRunSetting = filledByQueue;
    if (r.kind != QLatin1String("pretrain") && filledByQueue != QLatin1String("model"))
        r.sets[QStringLiteral("model")] = model_->currentData().toString();
    if (r.kind == QLatin1String("ppo") && filledByQueue != QLatin1String("reward_model"))
        r.sets[QStringLiteral("reward_model")] = rewardModel_->currentData().toString();
    for (const char* key : {"model", "reward_model"})  // the queued run's checkpoint is not known yet
        if (defaults.contains(key)) settings[key] = r.sets.count(key) ? r.sets[key].toStdString() : std::string("(after the run)");
    try {
        validateStageSettings(r.kind.toStdString(), settings);
    } catch (const std::exception& e) {
        error_->setText(QString::fromStdString(e.what()));
        return;
    }
    request_ = r;
    QDialog::accept();
}

}  // namespace rlhf::widgets
