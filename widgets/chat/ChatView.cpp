#include "chat/ChatView.h"

#include <optional>

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include "chat/ChatColumnsArea.h"
#include "chat/ChatModelChoices.h"
#include "chat/ElizaChatColumn.h"
#include "chat/GptChatColumn.h"
#include "common/FileDialogs.h"
#include "data/ChatTranscripts.h"
#include "data/ProjectStore.h"

namespace rlhf::widgets {

ChatView::ChatView(QWidget* parent) : QWidget(parent) {
    area_ = new ChatColumnsArea(this);
    auto* eliza = new QPushButton(tr("Add ELIZA"), this);
    models_ = new QComboBox(this);
    models_->setToolTip(tr("The project's pretrained, SFT, PPO and DPO checkpoints"));
    models_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addModel_ = new QPushButton(tr("Add model"), this);
    auto* directory = new QPushButton(tr("Model directory…"), this);
    directory->setToolTip(tr("A GPT-2 model saved by this workbench or by Hugging Face transformers, a Llama, "
                             "Qwen2, SmolLM, TinyLlama or Mamba directory with its tokenizer (tokenizer.json or "
                             "tokenizer.model)"));
    compare_ = new QPushButton(tr("Compare stages"), this);
    compare_->setToolTip(tr("Pretrained, SFT and RLHF models of one lineage side by side (ELIZA stays)"));
    auto* exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setToolTip(tr("Export every transcript of the project: JSON lines or Markdown"));
    auto* top = new QHBoxLayout;
    top->addWidget(eliza);
    top->addWidget(models_);
    top->addWidget(addModel_);
    top->addWidget(directory);
    top->addWidget(compare_);
    top->addStretch(1);
    top->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(area_, 1);
    connect(eliza, &QPushButton::clicked, this, &ChatView::addEliza);
    connect(addModel_, &QPushButton::clicked, this, &ChatView::addChosenModel);
    connect(directory, &QPushButton::clicked, this, &ChatView::addModelDirectory);
    connect(compare_, &QPushButton::clicked, this, &ChatView::compareStages);
    connect(exportButton, &QPushButton::clicked, this, &ChatView::exportTranscripts);
    connect(area_, &ChatColumnsArea::exchangeFinished, this, &ChatView::recordExchange);
    connect(area_, &ChatColumnsArea::columnsChanged, this, [this] {
        if (!anyConversation()) chatId_ = 0;  // else a new column joins the chat under way
    });
    connect(area_, &ChatColumnsArea::conversationsReset, this, [this] { chatId_ = 0; });
    addEliza();
    refreshModels();
    setFocusProxy(area_);
}

void ChatView::setProject(std::shared_ptr<data::ProjectStore> project) {
    area_->removeColumns();  // first: nothing of the old project's conversations reaches the new one
    project_ = std::move(project);
    addEliza();
    refreshModels();
}

void ChatView::showEvent(QShowEvent* event) {
    refreshModels();
    QWidget::showEvent(event);
}

void ChatView::refreshModels() {
    const QString chosen = models_->currentData().toString();
    models_->clear();
    if (project_)
        for (const auto& c : chatModelChoices(project_->database())) models_->addItem(c.label, c.model);
    if (models_->count() == 0) models_->addItem(tr("no trained models yet"));
    models_->setCurrentIndex(std::max(0, models_->findData(chosen)));
    addModel_->setEnabled(!models_->currentData().toString().isEmpty());
    compare_->setEnabled(project_ && !stageLineage(project_->database()).empty());
}

void ChatView::addEliza() {
    auto* column = new ElizaChatColumn;
    connect(column, &ChatColumn::statusMessage, this, &ChatView::statusMessage);
    connect(column, &ChatColumn::conversationRestarted, this, [this] { chatId_ = 0; });
    area_->addColumn(column, true);
}

void ChatView::addChosenModel() {
    const QString model = models_->currentData().toString();
    if (!model.isEmpty()) addModel(model, models_->currentText());
}

void ChatView::addModelDirectory() {
    const QString dir = chooseExistingDirectory(this, tr("Model directory (config.json, model.safetensors, tokenizer files)"));
    if (!dir.isEmpty()) addModel(dir, QFileInfo(dir).fileName());
}

void ChatView::addModel(const QString& model, const QString& label) {
    auto* column = new GptChatColumn(project_ ? QString::fromStdString(project_->path()) : QString(), model, label);
    connect(column, &ChatColumn::statusMessage, this, &ChatView::statusMessage);
    area_->addColumn(column, true);
}

bool ChatView::anyConversation() const {
    for (const ChatColumn* c : area_->columns())
        if (!c->turns().empty()) return true;
    return false;
}

void ChatView::compareStages() {
    if (!project_) return;
    const auto lineage = stageLineage(project_->database());
    if (lineage.empty()) return;
    if (area_->busy()) {  // a reply being written would be dropped, not saved
        emit statusMessage(tr("Compare stages: wait for the replies being written, or stop them, first."));
        return;
    }
    if (anyConversation() &&
        QMessageBox::question(this, tr("Compare stages"),
                              tr("Compare stages closes the model columns and starts every conversation afresh, ELIZA's too, so "
                                 "that all of them hear the same messages. The exchanges so far are saved in the project's "
                                 "transcripts.")) != QMessageBox::Yes)
        return;
    area_->resetConversations();
    for (ChatColumn* c : QList<ChatColumn*>(area_->columns()))
        if (!qobject_cast<ElizaChatColumn*>(c)) area_->removeColumn(c);
    for (const auto& c : lineage) addModel(c.model, c.label);
    emit statusMessage(tr("%n model(s) of one lineage side by side", nullptr, static_cast<int>(lineage.size())));
}

namespace {

// A transcript's settings: {"columns": [{"model": NAME}, …]}.
std::string columnSettings(const QStringList& names) {
    QJsonArray columns;
    for (const QString& name : names) columns.append(QJsonObject{{QStringLiteral("model"), name}});
    return QJsonDocument(QJsonObject{{QStringLiteral("columns"), columns}}).toJson(QJsonDocument::Compact).toStdString();
}

}  // namespace

// The exchange just finished: the message, then each column's reply — committed before the next can start.
void ChatView::recordExchange(const QString& message) {
    if (!project_) return;
    const QList<ChatColumn*> answered = area_->answeredColumns();
    for (ChatColumn* c : answered)  // another column under a name the chat has: one side would mix two conversations
        if (!chatMembers_.contains(c) && chatColumns_.contains(c->contestant())) chatId_ = 0;
    try {
        data::ChatTranscripts transcripts(project_->database());
        if (chatId_ == 0) {
            chatColumns_.clear();
            chatMembers_.clear();
            for (ChatColumn* c : area_->columns()) {
                chatColumns_ << c->contestant();
                chatMembers_ << c;
            }
            chatId_ = transcripts.create(chatColumns_.join(QStringLiteral(" | ")).toStdString(), columnSettings(chatColumns_));
        }
        QStringList columns = chatColumns_;
        std::vector<data::ChatMessage> messages{{"user", "user", message.toStdString(), 0}};
        for (ChatColumn* c : answered) {
            if (!columns.contains(c->contestant())) columns << c->contestant();  // joined mid-chat
            messages.push_back({"assistant", c->contestant().toStdString(), c->turns().back().text, 0});
        }
        std::optional<data::ChatDescription> description;
        if (columns.size() > chatColumns_.size())
            description = data::ChatDescription{columns.join(QStringLiteral(" | ")).toStdString(), columnSettings(columns)};
        transcripts.append(chatId_, messages, description);
        chatColumns_ = columns;
        for (ChatColumn* c : answered)
            if (!chatMembers_.contains(c)) chatMembers_ << c;
    } catch (const std::exception& e) {
        emit statusMessage(tr("The transcript could not be saved: %1").arg(QString::fromUtf8(e.what())));
    }
}

void ChatView::exportTranscripts() {
    if (!project_) return;
    QString filter;
    const QString path = chooseSaveFileName(this, tr("Export transcripts"), QString(),
                                                      tr("JSON lines (*.jsonl);;Markdown (*.md)"), &filter);
    if (path.isEmpty()) return;
    try {
        data::ChatTranscripts transcripts(project_->database());
        const bool markdown = path.endsWith(QLatin1String(".md")) || filter.contains(QLatin1String("*.md"));
        const size_t n = markdown ? transcripts.exportMarkdown(path.toStdString()) : transcripts.exportJsonLines(path.toStdString());
        emit statusMessage(tr("%n transcript(s) written to %1", nullptr, static_cast<int>(n)).arg(path));
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Export transcripts"), QString::fromUtf8(e.what()));
    }
}

}  // namespace rlhf::widgets
