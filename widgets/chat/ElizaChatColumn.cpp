#include "chat/ElizaChatColumn.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "common/FileDialogs.h"
#include "eliza/BuiltinScripts.h"
#include "eliza/ElizaEngine.h"
#include "eliza/ElizaScriptParser.h"
#include "eliza/ElizaText.h"

namespace rlhf::widgets {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
QString words(const eliza::Words& w) { return q(eliza::joinWords(w)); }
const QString kElizaColor = QStringLiteral("#1f5fa8");
const QString kAliasColor = QStringLiteral("#2e7d32");  // the models' colour: in the arena nothing tells ELIZA apart
}  // namespace

ElizaChatColumn::ElizaChatColumn(QWidget* parent) : ChatColumn(parent) {
    title_ = new QLabel(this);
    title_->setWordWrap(true);
    scriptChoice_ = new QComboBox(this);
    for (const auto& s : eliza::builtinScripts()) scriptChoice_->addItem(q(s.title), q(s.name));
    scriptChoice_->setToolTip(tr("The script ELIZA follows"));
    auto* loadButton = new QPushButton(tr("Load script…"), this);
    transcript_ = new QTextBrowser(this);
    transcript_->setOpenLinks(false);
    trace_ = new QTreeWidget(this);
    trace_->setHeaderLabels({tr("Step"), tr("Detail")});
    trace_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    trace_->setAlternatingRowColors(true);

    scriptRow_ = new QWidget(this);
    auto* top = new QHBoxLayout(scriptRow_);
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(new QLabel(tr("Script:"), this));
    top->addWidget(scriptChoice_, 1);
    top->addWidget(loadButton);
    traceBox_ = new QWidget(this);
    auto* traceLayout = new QVBoxLayout(traceBox_);
    traceLayout->setContentsMargins(0, 0, 0, 0);
    traceTitle_ = new QLabel(tr("<b>Why this reply</b> — the rules ELIZA applied"), this);
    traceTitle_->setWordWrap(true);
    traceLayout->addWidget(traceTitle_);
    traceLayout->addWidget(trace_, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(transcript_);
    splitter->addWidget(traceBox_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createHeader(title_, scriptRow_));
    layout->addWidget(splitter, 1);

    connect(transcript_, &QTextBrowser::anchorClicked, this, [this](const QUrl& link) {
        if (link.scheme() == QLatin1String("trace")) showTrace(static_cast<size_t>(link.path().toULongLong()));
    });
    connect(loadButton, &QPushButton::clicked, this, &ElizaChatColumn::loadScriptFile);
    connect(scriptChoice_, &QComboBox::currentIndexChanged, this, &ElizaChatColumn::selectBuiltinScript);
    selectBuiltinScript(0);
}

ElizaChatColumn::~ElizaChatColumn() = default;

void ElizaChatColumn::selectBuiltinScript(int index) {
    const QString name = scriptChoice_->itemData(index).toString();
    startEngine(std::make_unique<eliza::ElizaEngine>(eliza::parseBuiltinScript(name.toStdString())), name);
}

QString ElizaChatColumn::contestant() const { return QStringLiteral("eliza-") + scriptTitle_; }

QString ElizaChatColumn::speaker() const { return alias_.isEmpty() ? tr("ELIZA") : alias_; }

void ElizaChatColumn::setAlias(const QString& alias) {
    alias_ = alias;
    showHeader();
    if (turns_.empty() && engine_) {  // nothing said yet: in the arena no greeting gives ELIZA away
        transcript_->clear();
        transcript_->setPlaceholderText(alias.isEmpty() ? QString() : tr("%1 answers here.").arg(alias));
        if (alias.isEmpty()) appendLine(speaker(), q(engine_->greeting()), kElizaColor);
    }
}

void ElizaChatColumn::showHeader() {
    scriptRow_->setVisible(alias_.isEmpty());  // the script and its rules would give ELIZA away
    traceBox_->setVisible(alias_.isEmpty());
    title_->setText(alias_.isEmpty() ? tr("<b>ELIZA</b> — rules of 1966 (%1)").arg(scriptTitle_) : QStringLiteral("<b>%1</b>").arg(alias_));
}

// `title`: the script's short name (a built-in's, or the file's base name).
void ElizaChatColumn::startEngine(std::unique_ptr<eliza::ElizaEngine> engine, const QString& title) {
    engine_ = std::move(engine);
    scriptTitle_ = title;
    showHeader();
    transcript_->clear();
    trace_->clear();
    traces_.clear();
    turns_.clear();
    if (alias_.isEmpty()) appendLine(speaker(), q(engine_->greeting()), kElizaColor);
    emit statusMessage(tr("ELIZA is using %1").arg(title));
    emit conversationRestarted();
}

void ElizaChatColumn::reset() {
    engine_->reset();
    startEngine(std::move(engine_), scriptTitle_);
}

void ElizaChatColumn::loadScriptFile() {
    const QString path = chooseOpenFileName(this, tr("Load ELIZA script"), QString(),
                                                      tr("ELIZA scripts (*.txt *.eliza);;All files (*)"));
    if (path.isEmpty() || refuseProjectFile(this, tr("Load ELIZA script"), path)) return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Load ELIZA script"), tr("Cannot open %1: %2").arg(path, file.errorString()));
        return;
    }
    try {
        auto script = eliza::parseScript(file.readAll().toStdString(), path.toStdString());
        startEngine(std::make_unique<eliza::ElizaEngine>(std::move(script)), QFileInfo(path).completeBaseName());
    } catch (const eliza::ScriptError& e) {
        QMessageBox::warning(this, tr("Load ELIZA script"), q(e.what()));
    }
}

void ElizaChatColumn::send(const QString& text) {
    appendLine(tr("You"), text.toHtmlEscaped(), QStringLiteral("#444444"));
    eliza::ElizaTrace trace;
    const std::string reply = engine_->reply(text.toStdString(), &trace);
    traces_.push_back(trace);
    turns_.push_back({chat::ChatTurn::Role::User, text.toStdString()});
    turns_.push_back({chat::ChatTurn::Role::Assistant, reply});
    countReply();
    // Each reply links to its trace: clicking an earlier reply shows why that one came out.
    appendLine(speaker(), QStringLiteral("<a href='trace:%1' style='color:inherit; text-decoration:none'>%2</a>")
                                .arg(traces_.size() - 1).arg(q(reply).toHtmlEscaped()),
               alias_.isEmpty() ? kElizaColor : kAliasColor);
    showTrace(traces_.size() - 1);
    emit replyFinished();
}

void ElizaChatColumn::appendLine(const QString& who, const QString& text, const QString& color) {
    transcript_->append(QStringLiteral("<p><b style='color:%1'>%2:</b> %3</p>").arg(color, who, text));
}

void ElizaChatColumn::showTrace(size_t index) {
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

QString ElizaChatColumn::transcriptText() const { return transcript_->toPlainText(); }
int ElizaChatColumn::traceRowCount() const { return trace_->topLevelItemCount(); }

}  // namespace rlhf::widgets
