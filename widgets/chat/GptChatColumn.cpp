#include "chat/GptChatColumn.h"

#include <algorithm>

#include <QLabel>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

#include "chat/ChatEngine.h"
#include "chat/SamplingSettings.h"
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
    settings_ = new SamplingSettings(this);
    settings_->hide();
    settingsToggle_ = new QToolButton(this);
    settingsToggle_->setText(tr("Sampling"));
    settingsToggle_->setCheckable(true);
    settingsToggle_->setAutoRaise(true);
    settingsToggle_->setToolTip(tr("This column's sampling settings"));
    connect(settingsToggle_, &QToolButton::toggled, settings_, &QWidget::setVisible);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createHeader(title_));
    addHeaderWidget(settingsToggle_);
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
    engine_->start(projectPath, model, {QStringLiteral("--device"), QStringLiteral("auto"), QStringLiteral("--threads"),
                                        QString::number(std::max(1, QThread::idealThreadCount() / 2))});
}

GptChatColumn::~GptChatColumn() { engine_->disconnect(this); }

QJsonObject GptChatColumn::sampling() const {
    QJsonObject fields = settings_->requestFields();
    // Reply i of the conversation is sampled with seed i: a reset conversation repeats itself.
    const auto replies = std::count_if(turns_.begin(), turns_.end(), [](const auto& t) { return t.role == chat::ChatTurn::Role::Assistant; });
    fields.insert(QStringLiteral("seed"), static_cast<int>(replies));
    return fields;
}

void GptChatColumn::setSampling(double temperature, double topP, int maxNewTokens, bool greedy) {
    settings_->set(temperature, topP, maxNewTokens, greedy);
}

QString GptChatColumn::speaker() const { return alias_.isEmpty() ? name_ : alias_; }

void GptChatColumn::showTitle() {
    title_->setToolTip(alias_.isEmpty() ? tip_ : QString());
    if (!alias_.isEmpty()) {  // the arena: nothing but the alias (ELIZA's column has no state to show)
        title_->setText(QStringLiteral("<b>%1</b>").arg(alias_.toHtmlEscaped()));
        return;
    }
    title_->setText(state_.isEmpty() ? QStringLiteral("<b>%1</b>").arg(name_.toHtmlEscaped())
                                     : QStringLiteral("<b>%1</b> — %2").arg(name_.toHtmlEscaped(), state_.toHtmlEscaped()));
}

void GptChatColumn::showPlaceholder() {
    transcript_->setPlaceholderText(!alias_.isEmpty() ? tr("%1 answers here.").arg(alias_)
                                                      : tr("The model answers here, token by token. Hover a token: how likely the "
                                                           "model found it, and what else it considered."));
}

void GptChatColumn::setAlias(const QString& alias) {
    alias_ = alias;
    showPlaceholder();
    settingsToggle_->setVisible(alias.isEmpty());  // the arena's columns share one setting, unseen
    settings_->setVisible(alias.isEmpty() && settingsToggle_->isChecked());
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

void GptChatColumn::onLoaded(const QString& name, int context, const QString& device) {
    name_ = name;
    showPlaceholder();
    const bool gpu = device.startsWith(QLatin1String("cuda"));
    state_ = gpu ? tr("context %1 · GPU").arg(context) : tr("context %1").arg(context);
    tip_ = tr("%1 on %2: a context of %3 tokens; each reply gets at most half of it").arg(name, device, QString::number(context));
    if (const QString format = engine_->chatFormat(); format != QLatin1String("cues")) {
        state_ += QStringLiteral(" · ") + format;
        tip_ += QLatin1Char('\n') + tr("Prompted in its own chat format (%1, from its chat template); the format setting "
                                       "applies to GPT-2 models only").arg(format);
        settings_->useChatTemplate(format);
    }
    if (engine_->precision() == QLatin1String("bf16")) {
        state_ += QStringLiteral(" · bf16");
        tip_ += QLatin1Char('\n') + tr("Its weights are held in bf16, which this machine computes natively: half the memory of float32, and faster");
    }
    showTitle();
    if (waitingForLoad_) requestReply();
}

void GptChatColumn::onReplied(int id, const QString& text, const QString& end, int droppedTurns) {
    if (request_ == 0 || id != request_) return;
    turns_.push_back({chat::ChatTurn::Role::Assistant, trimmed(text)});
    countReply();
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
    // In the arena the engine's message could name the model.
    transcript_->addNote(alias_.isEmpty() ? tr("The model could not be loaded or its engine ended: %1").arg(message)
                                          : tr("This model could not answer."));
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
    transcript_->clearConversation();
}

QString GptChatColumn::transcriptText() const { return transcript_->toPlainText(); }

}  // namespace rlhf::widgets
