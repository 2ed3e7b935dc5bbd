#include "chat/ElizaChatPanel.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "eliza/BuiltinScripts.h"
#include "eliza/ElizaEngine.h"
#include "eliza/ElizaScriptParser.h"
#include "eliza/ElizaText.h"

namespace rlhf::widgets {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
QString words(const eliza::Words& w) { return q(eliza::joinWords(w)); }
}  // namespace

ElizaChatPanel::ElizaChatPanel(QWidget* parent) : QWidget(parent) {
    scriptChoice_ = new QComboBox(this);
    for (const auto& s : eliza::builtinScripts()) scriptChoice_->addItem(q(s.title), q(s.name));
    scriptChoice_->setToolTip(tr("The script ELIZA follows"));
    auto* loadButton = new QPushButton(tr("Load script…"), this);
    auto* restartButton = new QPushButton(tr("Restart"), this);
    restartButton->setToolTip(tr("Fresh conversation: reassembly cursors, memories and LIMIT reset"));

    transcript_ = new QTextBrowser(this);
    transcript_->setOpenLinks(false);
    input_ = new QLineEdit(this);
    input_->setPlaceholderText(tr("Type to ELIZA and press Enter"));
    send_ = new QPushButton(tr("Send"), this);
    send_->setDefault(true);

    trace_ = new QTreeWidget(this);
    trace_->setHeaderLabels({tr("Step"), tr("Detail")});
    trace_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    trace_->setAlternatingRowColors(true);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Script:"), this));
    top->addWidget(scriptChoice_, 1);
    top->addWidget(loadButton);
    top->addWidget(restartButton);
    auto* inputRow = new QHBoxLayout;
    inputRow->addWidget(input_, 1);
    inputRow->addWidget(send_);
    auto* chat = new QWidget(this);
    auto* chatLayout = new QVBoxLayout(chat);
    chatLayout->setContentsMargins(0, 0, 0, 0);
    chatLayout->addWidget(transcript_, 1);
    chatLayout->addLayout(inputRow);
    auto* traceBox = new QWidget(this);
    auto* traceLayout = new QVBoxLayout(traceBox);
    traceLayout->setContentsMargins(0, 0, 0, 0);
    traceTitle_ = new QLabel(tr("<b>Why this reply</b> — the rules ELIZA applied"), this);
    traceTitle_->setWordWrap(true);
    traceLayout->addWidget(traceTitle_);
    traceLayout->addWidget(trace_, 1);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(chat);
    splitter->addWidget(traceBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(transcript_, &QTextBrowser::anchorClicked, this, [this](const QUrl& link) {
        if (link.scheme() == QLatin1String("trace")) showTrace(static_cast<size_t>(link.path().toULongLong()));
    });
    connect(input_, &QLineEdit::returnPressed, this, &ElizaChatPanel::sendInput);
    connect(send_, &QPushButton::clicked, this, &ElizaChatPanel::sendInput);
    connect(restartButton, &QPushButton::clicked, this, &ElizaChatPanel::restartConversation);
    connect(loadButton, &QPushButton::clicked, this, &ElizaChatPanel::loadScriptFile);
    connect(scriptChoice_, &QComboBox::currentIndexChanged, this, &ElizaChatPanel::selectBuiltinScript);
    selectBuiltinScript(0);
    setFocusProxy(input_);
}

ElizaChatPanel::~ElizaChatPanel() = default;

void ElizaChatPanel::selectBuiltinScript(int index) {
    const std::string name = scriptChoice_->itemData(index).toString().toStdString();
    startEngine(std::make_unique<eliza::ElizaEngine>(eliza::parseBuiltinScript(name)), scriptChoice_->itemText(index));
}

void ElizaChatPanel::startEngine(std::unique_ptr<eliza::ElizaEngine> engine, const QString& title) {
    engine_ = std::move(engine);
    transcript_->clear();
    trace_->clear();
    traces_.clear();
    appendLine(tr("ELIZA"), q(engine_->greeting()), QStringLiteral("#1f5fa8"));
    emit statusMessage(tr("ELIZA is using %1").arg(title));
}

void ElizaChatPanel::restartConversation() {
    engine_->reset();
    startEngine(std::move(engine_), scriptChoice_->currentText());
}

void ElizaChatPanel::loadScriptFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Load ELIZA script"), QString(),
                                                      tr("ELIZA scripts (*.txt *.eliza);;All files (*)"));
    if (path.isEmpty()) return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Load ELIZA script"), tr("Cannot open %1: %2").arg(path, file.errorString()));
        return;
    }
    try {
        auto script = eliza::parseScript(file.readAll().toStdString(), path.toStdString());
        startEngine(std::make_unique<eliza::ElizaEngine>(std::move(script)), path);
    } catch (const eliza::ScriptError& e) {
        QMessageBox::warning(this, tr("Load ELIZA script"), q(e.what()));
    }
}

void ElizaChatPanel::sendInput() {
    const QString text = input_->text();
    if (text.trimmed().isEmpty()) return;
    input_->clear();
    appendLine(tr("You"), text.toHtmlEscaped(), QStringLiteral("#444444"));
    eliza::ElizaTrace trace;
    const std::string reply = engine_->reply(text.toStdString(), &trace);
    traces_.push_back(trace);
    // Each reply links to its trace: clicking an earlier reply shows why that one came out.
    appendLine(tr("ELIZA"), QStringLiteral("<a href='trace:%1' style='color:inherit; text-decoration:none'>%2</a>")
                                .arg(traces_.size() - 1).arg(q(reply).toHtmlEscaped()),
               QStringLiteral("#1f5fa8"));
    showTrace(traces_.size() - 1);
}

void ElizaChatPanel::appendLine(const QString& who, const QString& text, const QString& color) {
    transcript_->append(QStringLiteral("<p><b style='color:%1'>%2:</b> %3</p>").arg(color, who, text));
}

void ElizaChatPanel::showTrace(size_t index) {
    if (index >= traces_.size()) return;
    const eliza::ElizaTrace& t = traces_[index];
    traceTitle_->setText(index + 1 == traces_.size() ? tr("<b>Why this reply</b> — the rules ELIZA applied (click an earlier reply for its own)")
                                                     : tr("<b>Why reply %1</b> — the rules ELIZA applied").arg(index + 1));
    trace_->clear();
    auto add = [this](QTreeWidgetItem* parent, const QString& step, const QString& detail) {
        auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(trace_);
        item->setText(0, step);
        item->setText(1, detail);
        item->setToolTip(1, detail);  // long texts are elided in the column
        return item;
    };
    add(nullptr, tr("Input (normalised)"), q(t.normalised));
    add(nullptr, tr("Working text"), words(t.words));
    QStringList found;
    for (const auto& k : t.keywords) found << QStringLiteral("%1 (rank %2)").arg(q(k.word)).arg(k.rank);
    add(nullptr, tr("Keywords found"), found.isEmpty() ? tr("none") : found.join(QStringLiteral(", ")));
    add(nullptr, tr("Keystack (top first)"), words(t.keystack));
    add(nullptr, tr("LIMIT"), QString::number(t.limit));
    for (const auto& s : t.steps) {
        auto* item = add(nullptr, tr("Rule %1").arg(q(s.keyword)), q(s.event) + (s.action.empty() ? "" : " → " + q(s.action)));
        if (!s.pattern.empty()) add(item, tr("Decomposition"), q(s.pattern));
        for (size_t i = 0; i < s.components.size(); ++i)
            add(item, tr("Component %1").arg(i + 1), q(s.components[i]));
        if (!s.reassemblyText.empty()) add(item, tr("Reassembly"), q(s.reassemblyText));
        if (!s.linkTo.empty()) add(item, tr("Link to"), q(s.linkTo));
    }
    if (!t.memoryCreated.empty()) add(nullptr, tr("Memory stored"), q(t.memoryCreated));
    if (t.memoryRecalled) add(nullptr, tr("Memory recalled"), tr("yes (no keyword, LIMIT 4)"));
    add(nullptr, tr("Reply from"), q(t.source));
    trace_->expandAll();
}

QString ElizaChatPanel::transcriptText() const { return transcript_->toPlainText(); }
int ElizaChatPanel::traceRowCount() const { return trace_->topLevelItemCount(); }

}  // namespace rlhf::widgets
