#include "chat/SamplingSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QSpinBox>

namespace rlhf::widgets {

SamplingSettings::SamplingSettings(QWidget* parent) : QWidget(parent) {
    temperature_ = new QDoubleSpinBox(this);
    temperature_->setRange(0.05, 2.0);
    temperature_->setSingleStep(0.05);
    temperature_->setValue(0.7);
    temperature_->setToolTip(tr("Temperature: below 1 the likely tokens grow likelier, above 1 the choice spreads out"));
    topP_ = new QDoubleSpinBox(this);
    topP_->setRange(0.05, 1.0);
    topP_->setSingleStep(0.05);
    topP_->setValue(0.95);
    topP_->setToolTip(tr("Top-p: sample only from the likeliest tokens that together have this probability"));
    maxTokens_ = new QSpinBox(this);
    maxTokens_->setRange(1, 1024);
    maxTokens_->setValue(64);
    maxTokens_->setToolTip(tr("New tokens per reply at most (never more than half the model's context)"));
    greedy_ = new QCheckBox(tr("Greedy"), this);
    greedy_->setToolTip(tr("Always the likeliest token: the same reply every time"));
    format_ = new QComboBox(this);
    format_->addItem(tr("Human / Assistant (HH, the demo's)"), QStringList{"\n\nHuman: ", "\n\nAssistant:"});
    format_->addItem(tr("User / Assistant"), QStringList{"\n\nUser: ", "\n\nAssistant:"});
    format_->addItem(tr("Q / A"), QStringList{"\nQ: ", "\nA:"});
    format_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    format_->setMinimumContentsLength(12);
    format_->setToolTip(tr("How the conversation is written for a GPT-2 model: use the format it was trained on (a Llama-family model uses its own chat template)"));
    connect(greedy_, &QCheckBox::toggled, this, [this](bool on) {
        temperature_->setEnabled(!on);
        topP_->setEnabled(!on);
    });
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(new QLabel(tr("Temperature"), this), 0, 0);
    grid->addWidget(temperature_, 0, 1);
    grid->addWidget(new QLabel(tr("top-p"), this), 0, 2);
    grid->addWidget(topP_, 0, 3);
    grid->addWidget(new QLabel(tr("New tokens"), this), 1, 0);
    grid->addWidget(maxTokens_, 1, 1);
    grid->addWidget(greedy_, 1, 2, 1, 2);
    grid->addWidget(new QLabel(tr("Format"), this), 2, 0);
    grid->addWidget(format_, 2, 1, 1, 3);
    grid->setColumnStretch(4, 1);
}

QJsonObject SamplingSettings::requestFields() const {
    const QStringList cues = format_->currentData().toStringList();
    return {{QStringLiteral("temperature"), temperature_->value()}, {QStringLiteral("top_p"), topP_->value()},
            {QStringLiteral("max_new_tokens"), maxTokens_->value()}, {QStringLiteral("greedy"), greedy_->isChecked()},
            {QStringLiteral("user_cue"), cues.value(0)}, {QStringLiteral("assistant_cue"), cues.value(1)}};
}

void SamplingSettings::useChatTemplate(const QString& format) {
    const QVariant cues = format_->itemData(0);  // sent, and unread
    format_->clear();
    format_->addItem(tr("%1 template").arg(format), cues);
    format_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    format_->setEnabled(false);
    format_->setToolTip(tr("This model is prompted in its own chat template (%1); the formats here are for GPT-2 models").arg(format));
}

void SamplingSettings::set(double temperature, double topP, int maxNewTokens, bool greedy) {
    temperature_->setValue(temperature);
    topP_->setValue(topP);
    maxTokens_->setValue(maxNewTokens);
    greedy_->setChecked(greedy);
}

}  // namespace rlhf::widgets
