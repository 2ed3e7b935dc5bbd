#include "dataset/DatasetPanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include "common/ProjectTask.h"
#include "common/TwoPartRow.h"
#include "data/ProjectStore.h"
#include "data/SearchIndex.h"
#include "dataset/DatasetCommands.h"
#include "dataset/NearDuplicatesDialog.h"
#include "dataset/PromptDetailView.h"
#include "dataset/PromptTableModel.h"
#include "dataset/StatisticsDialog.h"

namespace rlhf::widgets {

namespace {
std::vector<std::string> toStd(const QStringList& list) {
    std::vector<std::string> out;
    for (const auto& s : list) out.push_back(s.toStdString());
    return out;
}
}  // namespace

DatasetPanel::DatasetPanel(QWidget* parent) : QWidget(parent) {
    model_ = new PromptTableModel(this);
    undo_ = new QUndoStack(this);
    table_ = new QTableView(this);
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(22);
    QHeaderView* header = table_->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);  // numbers: as wide as they need
    header->setSectionResizeMode(PromptTableModel::PromptColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(PromptTableModel::SourceColumn, QHeaderView::Interactive);
    header->resizeSection(PromptTableModel::SourceColumn, 110);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    detail_ = new PromptDetailView(this);
    count_ = new QLabel(this);
    // Shown over the empty table: says why it is empty and what to do.
    emptyHint_ = new QLabel(table_->viewport());
    emptyHint_->setAlignment(Qt::AlignCenter);
    emptyHint_->setWordWrap(true);
    emptyHint_->setEnabled(false);  // greyed, like placeholder text
    emptyHint_->hide();
    (new QVBoxLayout(table_->viewport()))->addWidget(emptyHint_);  // follows the viewport's size

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(table_);
    splitter->addWidget(detail_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createFilterBar());
    layout->addWidget(splitter, 1);
    // Below the table: how many prompts match, and writing a new one (the filter bar above is full).
    auto* newButton = new QPushButton(tr("New prompt…"), this);
    newButton->setToolTip(tr("Type a prompt of your own, then write its demonstration on the right (Ctrl+Shift+N)"));
    connect(newButton, &QPushButton::clicked, this, [this] { newPrompt(); });
    connect(new QShortcut(QKeySequence(tr("Ctrl+Shift+N")), this), &QShortcut::activated, this, [this] { newPrompt(); });
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(count_, 1);
    bottom->addWidget(newButton);
    layout->addLayout(bottom);

    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DatasetPanel::showSelected);
    connect(model_, &PromptTableModel::countChanged, this, &DatasetPanel::updateCount);
    connect(model_, &PromptTableModel::pageLoaded, this, &DatasetPanel::selectPendingPrompt);
    connect(model_, &PromptTableModel::pageLoaded, this, &DatasetPanel::updateEmptyHint);
    connect(model_, &PromptTableModel::queryFailed, this, [this](const QString& message) {
        emit statusMessage(tr("The prompt list could not be read: %1").arg(message));
    });
    connect(new QShortcut(QKeySequence::Delete, table_), &QShortcut::activated, this, &DatasetPanel::deleteSelectedPrompt);
    connect(detail_, &PromptDetailView::promptTextEdited, this, [this](int64_t id, const QString& before, const QString& after) {
        undo_->push(editPromptTextCommand(project_, id, before.toStdString(), after.toStdString(),
                                              [this](int64_t p) { afterEdit(p); }));
        emit statusMessage(tr("Prompt %1 saved").arg(id));
    });
    connect(detail_, &PromptDetailView::responseTextEdited, this, [this](int64_t id, const QString& before, const QString& after) {
        undo_->push(editResponseTextCommand(project_, detail_->promptId(), id, before.toStdString(), after.toStdString(),
                                                [this](int64_t p) { afterEdit(p); }));
    });
    connect(detail_, &PromptDetailView::demonstrationAdded, this, [this](int64_t promptId, const QString& text) {
        undo_->push(new AddDemonstrationCommand(project_, promptId, text.toStdString(), [this](int64_t p) { afterEdit(p); }));
        emit statusMessage(tr("Demonstration added to prompt %1").arg(promptId));
    });
    connect(detail_, &PromptDetailView::tagsEdited, this, [this](int64_t id, const QStringList& before, const QStringList& after) {
        undo_->push(setTagsCommand(project_, id, toStd(before), toStd(after), [this](int64_t p) { afterEdit(p); }));
    });
    setEnabled(false);
}

DatasetPanel::~DatasetPanel() = default;

QWidget* DatasetPanel::createFilterBar() {
    auto* bar = new TwoPartRow(this);  // the buttons go under the filters in a narrow window
    search_ = new QLineEdit(bar);
    search_->setPlaceholderText(tr("Search prompts and responses (all words)…"));
    search_->setClearButtonEnabled(true);
    search_->setObjectName(QStringLiteral("datasetSearch"));
    split_ = new QComboBox(bar);
    split_->addItem(tr("All splits"), QString());
    split_->addItem(tr("Train"), QStringLiteral("train"));
    split_->addItem(tr("Validation"), QStringLiteral("validation"));
    split_->addItem(tr("Test"), QStringLiteral("test"));
    split_->addItem(tr("Unassigned"), QStringLiteral("none"));
    tag_ = new QComboBox(bar);
    source_ = new QComboBox(bar);
    source_->setToolTip(tr("Where prompts came from: an import file, or typed in"));
    demonstrations_ = new QComboBox(bar);
    demonstrations_->addItems({tr("Any demos"), tr("With demo"), tr("Without demo")});
    demonstrations_->setToolTip(tr("Prompts with or without a human demonstration"));
    labelled_ = new QComboBox(bar);
    labelled_->addItems({tr("Labelled or not"), tr("Labelled"), tr("Unlabelled")});
    auto* importButton = new QPushButton(tr("Import…"), bar);
    auto* statsButton = new QPushButton(tr("Statistics…"), bar);
    auto* duplicatesButton = new QPushButton(tr("Duplicates…"), bar);
    duplicatesButton->setToolTip(tr("Clusters of near-duplicate prompts (MinHash)"));
    importButton->setToolTip(tr("Import a JSON-lines file (Ctrl+I); File → Export… writes one (Ctrl+E)"));
    search_->setMinimumWidth(150);
    bar->addLeading(search_, 1);
    for (QWidget* w : std::initializer_list<QWidget*>{split_, tag_, source_, demonstrations_, labelled_}) bar->addLeading(w);
    for (QWidget* w : std::initializer_list<QWidget*>{importButton, statsButton, duplicatesButton}) bar->addTrailing(w);
    searchDelay_ = new QTimer(this);
    searchDelay_->setSingleShot(true);
    searchDelay_->setInterval(250);  // search as you type, once typing pauses
    connect(search_, &QLineEdit::textChanged, searchDelay_, qOverload<>(&QTimer::start));
    connect(searchDelay_, &QTimer::timeout, this, &DatasetPanel::applyFilters);
    for (QComboBox* c : filterBoxes()) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(c, &QComboBox::activated, this, &DatasetPanel::applyFilters);
    }
    for (QComboBox* c : {tag_, source_})  // a project's tags and file names: long ones are cut here, whole in the list
        c->setMaximumWidth(c->fontMetrics().averageCharWidth() * 18 + 40);
    connect(importButton, &QPushButton::clicked, this, [this] { importFile(); });
    connect(statsButton, &QPushButton::clicked, this, &DatasetPanel::showStatistics);
    connect(duplicatesButton, &QPushButton::clicked, this, &DatasetPanel::showNearDuplicates);
    return bar;
}

void DatasetPanel::setProject(std::shared_ptr<data::ProjectStore> project) {
    project_ = std::move(project);
    undo_->clear();
    setEnabled(project_ != nullptr);
    refreshChoices();
    model_->setProject(project_);
    detail_->show(std::nullopt);
}

void DatasetPanel::applyFilters() {
    data::PromptFilter f;
    f.search = search_->text().toStdString();
    if (!split_->currentData().toString().isEmpty()) f.split = split_->currentData().toString().toStdString();
    if (tag_->currentIndex() > 0) f.tag = tag_->currentText().toStdString();
    if (source_->currentIndex() > 0) f.source = source_->currentData().toString().toStdString();
    if (demonstrations_->currentIndex() > 0) f.hasDemonstration = demonstrations_->currentIndex() == 1;
    if (labelled_->currentIndex() > 0) f.labelled = labelled_->currentIndex() == 1;
    model_->setFilter(f);
    detail_->show(std::nullopt);
}

void DatasetPanel::refreshChoices() {
    const QString tag = tag_->currentText(), source = source_->currentData().toString();
    tag_->clear();
    tag_->addItem(tr("All tags"));
    source_->clear();
    source_->addItem(tr("All sources"), QString());
    if (project_) {
        data::DatasetQueries queries(project_->database());
        for (const auto& t : queries.tags()) tag_->addItem(QString::fromStdString(t));
        for (const auto& s : queries.sources())
            source_->addItem(QString::fromStdString(s).section(QLatin1Char('/'), -1), QString::fromStdString(s));
    }
    tag_->setCurrentIndex(std::max(0, tag_->findText(tag)));
    source_->setCurrentIndex(std::max(0, source_->findData(source)));
}

void DatasetPanel::showSelected() {
    const int64_t id = model_->promptId(table_->currentIndex().row());
    detail_->show(id < 0 ? std::nullopt : data::DatasetQueries(project_->database()).detail(id));
}

void DatasetPanel::afterEdit(int64_t promptId) {
    refreshChoices();
    model_->reload();  // the rows come back asynchronously
    selectWhenLoaded(promptId);
}

void DatasetPanel::selectWhenLoaded(int64_t promptId) {
    detail_->show(promptId < 0 ? std::nullopt : data::DatasetQueries(project_->database()).detail(promptId));
    pendingPrompt_ = promptId;
    pendingPages_ = 0;
    selectPendingPrompt();
}

void DatasetPanel::selectPendingPrompt() {
    if (pendingPrompt_ < 0 || model_->loading()) return;
    const int row = model_->rowOf(pendingPrompt_);
    if (row >= 0) {
        pendingPrompt_ = -1;
        const QSignalBlocker noReload(table_->selectionModel());  // the detail view already shows it
        table_->setCurrentIndex(model_->index(row, PromptTableModel::PromptColumn));
        table_->scrollTo(table_->currentIndex());
    } else if (model_->canFetchMore({}) && ++pendingPages_ <= kPagesToFindPrompt) {
        model_->fetchMore({});
    } else {
        pendingPrompt_ = -1;  // far down the list (or filtered out): it stays shown on the right
    }
}

void DatasetPanel::refreshAfterImport() {
    refreshChoices();
    model_->reload();
}

void DatasetPanel::updateCount() {
    const int64_t total = model_->totalCount();
    if (total >= 0) {
        count_->setText(tr("%n prompt(s) match", nullptr, static_cast<int>(total)));
    } else {  // a search first indexes what an import left out of the index (one small-table read here)
        const bool indexing = project_ && !search_->text().trimmed().isEmpty() && data::pendingSearchIds(project_->database()) > 0;
        count_->setText(indexing ? tr("Indexing imported rows for search…") : tr("Counting prompts…"));
    }
    updateEmptyHint();
}

void DatasetPanel::updateEmptyHint() {
    const bool empty = project_ && !model_->loading() && model_->rowCount() == 0;
    if (empty) {
        bool filtered = !search_->text().trimmed().isEmpty();
        for (QComboBox* c : filterBoxes()) filtered |= c->currentIndex() > 0;
        emptyHint_->setText(filtered ? tr("No prompt matches the search and filters.")
                                     : tr("No prompts yet.\nImport a JSON-lines file with Import… (Ctrl+I), or write one with New prompt… (Ctrl+Shift+N)."));
    }
    emptyHint_->setVisible(empty);
}

void DatasetPanel::newPrompt(const QString& given) {
    if (!project_) return;
    QString text = given;
    if (text.isEmpty()) {
        QInputDialog dialog(this);
        dialog.setWindowTitle(tr("New prompt"));
        dialog.setLabelText(tr("Prompt (Ctrl+Enter adds it):"));
        dialog.setOption(QInputDialog::UsePlainTextEditForTextInput);
        dialog.resize(640, 320);
        QTimer::singleShot(0, &dialog, [&dialog] {  // the text box exists once the dialog is laid out
            if (auto* edit = dialog.findChild<QPlainTextEdit*>()) edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        });
        connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), &dialog), &QShortcut::activated, &dialog, &QDialog::accept);
        if (dialog.exec() != QDialog::Accepted) return;
        text = dialog.textValue();
    }
    if (text.trimmed().isEmpty()) return;
    auto* command = new AddPromptCommand(project_, text.toStdString(), [this](int64_t p) { afterEdit(p); });
    undo_->push(command);  // committed before the panel shows it
    emit statusMessage(tr("Prompt %1 added — write its demonstration on the right").arg(command->promptId()));
}

void DatasetPanel::deletePrompts(const QList<qint64>& promptIds) {
    if (promptIds.isEmpty()) return;
    undo_->beginMacro(tr("Delete %n near-duplicate prompt(s)", nullptr, static_cast<int>(promptIds.size())));
    for (qint64 id : promptIds) undo_->push(new DeletePromptCommand(project_, id, [this](int64_t p) { afterEdit(p); }));
    undo_->endMacro();
    emit statusMessage(tr("%n prompt(s) deleted — Ctrl+Z brings them back", nullptr, static_cast<int>(promptIds.size())));
}

void DatasetPanel::mergePrompts(qint64 keep, const QList<qint64>& others) {
    if (others.isEmpty()) return;
    undo_->push(new MergePromptsCommand(project_, keep, {others.begin(), others.end()}, [this](int64_t p) { afterEdit(p); }));
    emit statusMessage(tr("Merged into prompt %1 — Ctrl+Z separates them again").arg(keep));
}

void DatasetPanel::deleteSelectedPrompt() {
    const int64_t id = model_->promptId(table_->currentIndex().row());
    if (id < 0) return;
    undo_->push(new DeletePromptCommand(project_, id, [this](int64_t p) { afterEdit(p); }));
    emit statusMessage(tr("Prompt %1 deleted — Ctrl+Z brings it back").arg(id));
}

void DatasetPanel::showNearDuplicates() {
    if (!project_) return;
    auto* dialog = new NearDuplicatesDialog(QString::fromStdString(project_->path()), 0.8, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NearDuplicatesDialog::promptActivated, this, [this](qint64 id) { showPrompt(id); });
    connect(dialog, &NearDuplicatesDialog::deleteRequested, this, &DatasetPanel::deletePrompts);
    connect(dialog, &NearDuplicatesDialog::mergeRequested, this, &DatasetPanel::mergePrompts);
    dialog->show();
}

void DatasetPanel::showPrompt(int64_t promptId) {
    if (const int row = model_->rowOf(promptId); row >= 0) {
        table_->setCurrentIndex(model_->index(row, PromptTableModel::PromptColumn));
        return;
    }
    // Not among the loaded rows: show it at once, clear the filters, and select it when its page loads.
    search_->clear();
    for (QComboBox* c : filterBoxes()) c->setCurrentIndex(0);
    applyFilters();
    selectWhenLoaded(promptId);
}

void DatasetPanel::showStatistics() {
    if (!project_) return;
    StatisticsDialog dialog(QString::fromStdString(project_->path()), this);
    dialog.exec();
}

}  // namespace rlhf::widgets
