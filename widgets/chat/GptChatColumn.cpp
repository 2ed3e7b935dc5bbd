#include "chat/GptChatColumn.h"

#include <algorithm>

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include "chat/ChatEngine.h"
#include "chat/TokenTranscript.h"

namespace rlhf::widgets {

namespace {
const QString kModelColor = QStringLiteral("#2e7d32");
const QString kUserColor = QStringLiteral("#444444");

std::string trimmed(const QString& text) { return text.trimmed().toStdString(); }
}  // namespace

GptChatColumn::GptChatColumn(const QString& projectPath, const QString& model, const QString& label, QWidget* parent)
    : ChatColumn(parent), name_(label) {
    engine_ = new ChatEngine(this);
    title_ = new QLabel(this);
    title_->setTextFormat(Qt::RichText);
    title_->setWordWrap(true);
    transcript_ = new TokenTranscript(this);
    settings_ = createSettings();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title_);
    layout->addWidget(settings_);
    layout->addWidget(transcript_, 1);
    connect(engine_, &ChatEngine::loaded, this, &GptChatColumn::onLoaded);
    connect(engine_, &ChatEngine::token, this, [this](int id, const QString& text, double p, const QList<TokenAlternative>& alternatives) {
        if (request_ != 0 && id == request_) transcript_->addToken(text, p, alternatives);
    });
    connect(engine_, &ChatEngine::replied, this, &GptChatColumn::onReplied);
    connect(engine_, &ChatEngine::requestFailed, this, [this](int id, const QString& message) {
        if (request_ == 0 || id != request_) return;
        transcript_->addNote(tr("No reply: %1").arg(message));
        turns_.pop_back();  // the message stays on screen; the model never answered it
        finishReply();
    });
    connect(engine_, &ChatEngine::failed, this, &GptChatColumn::onFailed);
    state_ = tr("loading…");
    showTitle();
    // Several columns share the cores: each engine takes half of them (at least one thread).
    engine_->start(projectPath, model, {QStringLiteral("--threads"), QString::number(std::max(1, QThread::idealThreadCount() / 2))});
}

GptChatColumn::~GptChatColumn() { engine_->disconnect(this); }

QWidget* GptChatColumn::createSettings() {
    auto* box = new QWidget(this);
    temperature_ = new QDoubleSpinBox(box);
    temperature_->setRange(0.05, 2.0);
    temperature_->setSingleStep(0.05);
    temperature_->setValue(0.7);
    temperature_->setToolTip(tr("Temperature: below 1 the likely tokens grow likelier, above 1 the choice spreads out"));
    topP_ = new QDoubleSpinBox(box);
    topP_->setRange(0.05, 1.0);
    topP_->setSingleStep(0.05);
    topP_->setValue(0.95);
    topP_->setToolTip(tr("Top-p: sample only from the likeliest tokens that together have this probability"));
    maxTokens_ = new QSpinBox(box);
    maxTokens_->setRange(1, 1024);
    maxTokens_->setValue(64);
    maxTokens_->setToolTip(tr("New tokens per reply at most (never more than half the model's context)"));
    greedy_ = new QCheckBox(tr("Greedy"), box);
    greedy_->setToolTip(tr("Always the likeliest token: the same reply every time"));
    connect(greedy_, &QCheckBox::toggled, this, [this](bool on) {
        temperature_->setEnabled(!on);
        topP_->setEnabled(!on);
    });
    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("T"), box));
    row->addWidget(temperature_);
    row->addWidget(new QLabel(tr("top-p"), box));
    row->addWidget(topP_);
    row->addWidget(new QLabel(tr("tokens"), box));
    row->addWidget(maxTokens_);
    row->addWidget(greedy_);
    row->addStretch(1);
    return box;
}

QJsonObject GptChatColumn::sampling() const {
    return {{QStringLiteral("temperature"), temperature_->value()}, {QStringLiteral("top_p"), topP_->value()},
            {QStringLiteral("max_new_tokens"), maxTokens_->value()}, {QStringLiteral("greedy"), greedy_->isChecked()},
            {QStringLiteral("seed"), replies_}};
}

void GptChatColumn::setSampling(double temperature, double topP, int maxNewTokens, bool greedy) {
    temperature_->setValue(temperature);
    topP_->setValue(topP);
    maxTokens_->setValue(maxNewTokens);
    greedy_->setChecked(greedy);
}

QString GptChatColumn::speaker() const { return alias_.isEmpty() ? name_ : alias_; }

void GptChatColumn::showTitle() {
    if (!alias_.isEmpty()) {  // the arena: nothing but the alias (ELIZA's column has no state to show)
        title_->setText(QStringLiteral("<b>%1</b>").arg(alias_.toHtmlEscaped()));
        return;
    }
    title_->setText(state_.isEmpty() ? QStringLiteral("<b>%1</b>").arg(name_.toHtmlEscaped())
                                     : QStringLiteral("<b>%1</b> — %2").arg(name_.toHtmlEscaped(), state_.toHtmlEscaped()));
}

void GptChatColumn::setAlias(const QString& alias) {
    alias_ = alias;
    settings_->setVisible(alias.isEmpty());  // the arena's columns share one setting, unseen
    showTitle();
}

void GptChatColumn::send(const QString& message) {
    if (busy()) return;
    transcript_->addMessage(tr("You"), message, kUserColor);
    if (failed_) {
        transcript_->addNote(tr("No reply: the model is not loaded."));
        emit replyFinished();
        return;
    }
    turns_.push_back({chat::ChatTurn::Role::User, trimmed(message)});
    if (engine_->ready()) requestReply();
    else waitingForLoad_ = true;
}

void GptChatColumn::requestReply() {
    waitingForLoad_ = false;
    transcript_->beginReply(speaker(), kModelColor);
    request_ = engine_->requestReply(turns_, sampling());
}

void GptChatColumn::onLoaded(const QString& name, int context) {
    name_ = name;
    state_ = tr("context %1 tokens").arg(context);
    showTitle();
    if (waitingForLoad_) requestReply();
}

void GptChatColumn::onReplied(int id, const QString& text, const QString& end, int droppedTurns) {
    if (request_ == 0 || id != request_) return;
    turns_.push_back({chat::ChatTurn::Role::Assistant, trimmed(text)});
    ++replies_;
    if (end == QLatin1String("stopped")) transcript_->addNote(tr("Stopped."));
    else if (end == QLatin1String("length")) transcript_->addNote(tr("(cut: the reply reached its length limit)"));
    if (droppedTurns > 0)
        transcript_->addNote(tr("The model no longer sees the oldest %n turn(s): they do not fit its context.", nullptr, droppedTurns));
    finishReply();
}

void GptChatColumn::onFailed(const QString& message) {
    failed_ = true;
    state_ = tr("not loaded");
    showTitle();
    transcript_->addNote(tr("The model could not be loaded or its engine ended: %1").arg(message));
    if (busy()) {
        if (!turns_.empty() && turns_.back().role == chat::ChatTurn::Role::User) turns_.pop_back();
        finishReply();
    }
}

void GptChatColumn::finishReply() {
    request_ = 0;
    waitingForLoad_ = false;
    emit replyFinished();
}

void GptChatColumn::stop() {
    if (request_ != 0) {
        engine_->stopReply(request_);
    } else if (waitingForLoad_) {  // the model is still loading: the message goes unanswered
        turns_.pop_back();
        transcript_->addNote(tr("Stopped."));
        finishReply();
    }
}

void GptChatColumn::reset() {
    if (request_ != 0) {
        engine_->stopReply(request_);
        request_ = 0;  // its last events are ignored
    }
    waitingForLoad_ = false;
    turns_.clear();
    replies_ = 0;
    transcript_->clearConversation();
}

QString GptChatColumn::transcriptText() const { return transcript_->toPlainText(); }

}  // namespace rlhf::widgets
