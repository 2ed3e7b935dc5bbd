#include "pipeline/StepCard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace rlhf::widgets {

StepCard::StepCard(const QString& title, const QString& hint, const QString& actionText, QWidget* parent) : QFrame(parent) {
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), this);
    heading->setWordWrap(true);
    auto* hintLabel = new QLabel(hint, this);
    hintLabel->setWordWrap(true);
    hintLabel->setForegroundRole(QPalette::PlaceholderText);
    data_ = new QLabel(this);
    data_->setWordWrap(true);
    run_ = new QLabel(this);
    run_->setWordWrap(true);
    action_ = new QPushButton(actionText, this);
    showRun_ = new QPushButton(tr("Show run"), this);
    showRun_->setFlat(true);
    showRun_->setToolTip(tr("Open the newest run of this step in the Runs panel"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(action_);
    buttons->addWidget(showRun_);
    buttons->addStretch();
    for (QWidget* w : std::initializer_list<QWidget*>{heading, hintLabel, data_, run_}) layout->addWidget(w);
    layout->addStretch();
    layout->addLayout(buttons);
    connect(action_, &QPushButton::clicked, this, &StepCard::actionTriggered);
    connect(showRun_, &QPushButton::clicked, this, &StepCard::showRunTriggered);
    setRun({}, false);
}

void StepCard::setData(const QString& text) { data_->setText(text); }

void StepCard::setRun(const QString& text, bool done) {
    run_->setText(text.isEmpty() ? tr("No run yet.") : text);
    showRun_->setVisible(!text.isEmpty());
    setStyleSheet(done ? QStringLiteral("rlhf--widgets--StepCard { border: 2px solid palette(highlight); }") : QString());
}

void StepCard::setActionEnabled(bool enabled, const QString& whyNot) {
    action_->setEnabled(enabled);
    action_->setToolTip(enabled ? QString() : whyNot);
}

QString StepCard::runText() const { return run_->text(); }

}  // namespace rlhf::widgets
