#include "ranking/CandidatesDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "common/FileDialogs.h"

namespace rlhf::widgets {

CandidatesDialog::CandidatesDialog(const std::vector<data::RunRow>& runs, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Generate candidates"));
    models_ = new QListWidget(this);
    for (const auto& run : runs) {
        if (!run.lastCheckpoint || run.kind == "rm") continue;  // a reward model writes no answers
        auto* item = new QListWidgetItem(tr("run %1 · %2 · %3, step %4").arg(run.id).arg(QString::fromStdString(run.kind),
                                                                                 QString::fromStdString(run.status)).arg(run.lastStep),
                                         models_);
        item->setData(Qt::UserRole, QString::number(run.id));
        item->setCheckState(Qt::Unchecked);
    }
    auto* directory = new QPushButton(tr("Add a model directory…"), this);
    connect(directory, &QPushButton::clicked, this, [this] {
        const QString dir = chooseExistingDirectory(this, tr("A Hugging Face model directory (GPT-2, Llama, Qwen2 or Mamba)"));
        if (dir.isEmpty()) return;
        auto* item = new QListWidgetItem(dir, models_);
        item->setData(Qt::UserRole, dir);
        item->setCheckState(Qt::Checked);
        explain();
    });
    connect(models_, &QListWidget::itemChanged, this, &CandidatesDialog::explain);
    k_ = new QSpinBox(this);
    k_->setRange(2, 9);
    k_->setValue(4);
    prompts_ = new QSpinBox(this);
    prompts_->setRange(1, 100000);
    prompts_->setValue(20);
    split_ = new QComboBox(this);
    split_->addItem(tr("Automatic (train; test for a round)"), QString());
    split_->addItem(tr("Train"), QStringLiteral("train"));
    split_->addItem(tr("Validation"), QStringLiteral("validation"));
    split_->addItem(tr("Test"), QStringLiteral("test"));
    temperature_ = new QDoubleSpinBox(this);
    temperature_->setRange(0.05, 5.0);
    temperature_->setSingleStep(0.1);
    temperature_->setValue(1.0);
    what_ = new QLabel(this);
    what_->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Generate"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* form = new QFormLayout;
    form->addRow(tr("Samples per prompt (one model):"), k_);
    form->addRow(tr("Prompts:"), prompts_);
    form->addRow(tr("Split:"), split_);
    form->addRow(tr("Temperature:"), temperature_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Models (checkpoints of this project's runs):"), this));
    layout->addWidget(models_, 1);
    layout->addWidget(directory, 0, Qt::AlignLeft);
    layout->addLayout(form);
    layout->addWidget(what_);
    layout->addWidget(buttons);
    resize(560, 480);
    explain();
}

QStringList CandidatesDialog::chosenModels() const {
    QStringList out;
    for (int row = 0; row < models_->count(); ++row)
        if (models_->item(row)->checkState() == Qt::Checked) out << models_->item(row)->data(Qt::UserRole).toString();
    return out;
}

void CandidatesDialog::explain() {
    const int n = static_cast<int>(chosenModels().size());
    k_->setEnabled(n <= 1);
    if (n == 0) what_->setText(models_->count() == 0 ? tr("This project has no checkpoints yet: train a model (Runs panel), or add a model directory.")
                                                     : tr("Choose one model for K samples per prompt, or several for an evaluation round."));
    else if (n == 1) what_->setText(tr("K different samples per prompt become one item each: rank them to teach the reward model."));
    else what_->setText(tr("An evaluation round: one response per model to each held-out prompt, ranked blind; Rounds… shows each model's win rate against the first."));
}

QStringList CandidatesDialog::arguments() const {
    QStringList args{QStringLiteral("--models"), chosenModels().join(QLatin1Char(',')), QStringLiteral("--max-prompts"), QString::number(prompts_->value()),
                     QStringLiteral("--temperature"), QString::number(temperature_->value())};
    if (chosenModels().size() == 1) args << QStringLiteral("--k") << QString::number(k_->value());
    if (const QString split = split_->currentData().toString(); !split.isEmpty()) args << QStringLiteral("--split") << split;
    return args;
}

void CandidatesDialog::checkModel(int row) { models_->item(row)->setCheckState(Qt::Checked); }

int CandidatesDialog::modelCount() const { return models_->count(); }

}  // namespace rlhf::widgets
