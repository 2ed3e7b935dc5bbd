#include "dataset/ExportOptionsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>

namespace rlhf::widgets {

ExportOptionsDialog::ExportOptionsDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Export"));
    format_ = new QComboBox(this);
    const std::pair<const char*, QString> formats[] = {
        {"hh", tr("hh — comparisons as Anthropic HH-RLHF dialogues")},
        {"trl", tr("trl — comparisons as prompt / chosen / rejected")},
        {"trl-messages", tr("trl-messages — comparisons as message lists")},
        {"openai-dpo", tr("openai-dpo — comparisons for OpenAI preference tuning")},
        {"sft", tr("sft — demonstrations as prompt / completion")},
        {"sft-messages", tr("sft-messages — demonstrations as message lists")},
        {"openai-chat", tr("openai-chat — demonstrations as chat messages")},
        {"rankings", tr("rankings — K-way judgements and items to rank")},
        {"arena", tr("arena — Chatbot Arena battles")},
    };
    for (const auto& [name, label] : formats) format_->addItem(label, QString::fromLatin1(name));
    split_ = new QComboBox(this);
    split_->addItem(tr("All splits"), QString());
    split_->addItem(tr("Train"), QStringLiteral("train"));
    split_->addItem(tr("Validation"), QStringLiteral("validation"));
    split_->addItem(tr("Test"), QStringLiteral("test"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Format:"), format_);
    form->addRow(tr("Split:"), split_);
    form->addRow(buttons);
}

QString ExportOptionsDialog::format() const { return format_->currentData().toString(); }
QString ExportOptionsDialog::split() const { return split_->currentData().toString(); }

}  // namespace rlhf::widgets
