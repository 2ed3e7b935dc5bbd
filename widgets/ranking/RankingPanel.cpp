#include "ranking/RankingPanel.h"

#include <random>

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "common/FileDialogs.h"
#include "common/ProjectTask.h"
#include "data/LabellingPackage.h"
#include "data/LabellingSettings.h"
#include "data/ProjectStore.h"
#include "data/RunStore.h"
#include "main/AppSettings.h"
#include "ranking/AgreementDialog.h"
#include "ranking/CandidateGeneration.h"
#include "ranking/CandidatesDialog.h"
#include "ranking/RankingItemView.h"
#include "ranking/RoundResultsDialog.h"

namespace rlhf::widgets {

RankingPanel::RankingPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(createLabellerBar());
    layout->addLayout(createTools());
    layout->addWidget(createBody(), 1);
    generation_ = new CandidateGeneration(this);
    connect(generation_, &CandidateGeneration::itemMade, this, [this](int prompt, int prompts) {
        candidates_->setText(tr("Stop (%1/%2)").arg(prompt).arg(prompts));
        if (session_ && !itemView_->hasItem()) showNext(0);
    });
    connect(generation_, &CandidateGeneration::finished, this, [this](const QString& summary) {
        candidates_->setText(tr("Candidates…"));
        emit statusMessage(summary);
        if (session_ && !itemView_->hasItem()) showNext(0);
    });
    connect(generation_, &CandidateGeneration::failed, this, [this](const QString& message) {
        candidates_->setText(tr("Candidates…"));
        emit statusMessage(message);
    });
    showEmpty(tr("Open a project to rank its items."));
}

QHBoxLayout* RankingPanel::createLabellerBar() {
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Labeller:"), this));
    labeller_ = new QComboBox(this);
    labeller_->setEditable(true);
    labeller_->setMinimumContentsLength(12);
    labeller_->lineEdit()->setPlaceholderText(tr("your name"));
    connect(labeller_->lineEdit(), &QLineEdit::editingFinished, this, [this] { setLabeller(labeller_->currentText()); });
    connect(labeller_, &QComboBox::activated, this, [this] { setLabeller(labeller_->currentText()); });
    bar->addWidget(labeller_);
    guidelineVersion_ = new QLabel(this);
    bar->addWidget(guidelineVersion_);
    pace_ = new QLabel(this);
    pace_->setForegroundRole(QPalette::PlaceholderText);
    bar->addWidget(pace_, 1);
    return bar;
}

// A row of its own: whole button texts in narrow windows too.
QHBoxLayout* RankingPanel::createTools() {
    guidelinesToggle_ = new QPushButton(tr("Guidelines"), this);
    guidelinesToggle_->setCheckable(true);
    guidelinesToggle_->setChecked(true);
    auto* agreement = new QPushButton(tr("Agreement…"), this);
    connect(agreement, &QPushButton::clicked, this, &RankingPanel::showAgreement);
    auto* package = new QPushButton(tr("Package…"), this);
    package->setToolTip(tr("Write this labeller's unjudged items as an offline labelling package"));
    connect(package, &QPushButton::clicked, this, &RankingPanel::createPackage);
    auto* flags = new QPushButton(tr("Flag names…"), this);
    connect(flags, &QPushButton::clicked, this, &RankingPanel::editFlags);
    candidates_ = new QPushButton(tr("Candidates…"), this);
    candidates_->setToolTip(tr("Have models write candidates to rank, in the background: K samples of one model, or an evaluation round of several"));
    connect(candidates_, &QPushButton::clicked, this, &RankingPanel::generateCandidates);
    auto* rounds = new QPushButton(tr("Rounds…"), this);
    rounds->setToolTip(tr("Evaluation rounds: each model's win rate against a baseline, from the blind rankings"));
    connect(rounds, &QPushButton::clicked, this, &RankingPanel::showRounds);
    projectOnly_ = {candidates_, rounds, agreement, package};
    auto* tools = new QHBoxLayout;
    for (QPushButton* b : {guidelinesToggle_, candidates_, rounds, agreement, package, flags}) {
        b->setFocusPolicy(Qt::NoFocus);
        tools->addWidget(b);
    }
    tools->addStretch();
    return tools;
}

// The item (or what the panel says instead of one) and the guidelines beside it.
QSplitter* RankingPanel::createBody() {
    auto* splitter = new QSplitter(this);
    stack_ = new QStackedWidget(splitter);
    empty_ = new QLabel(stack_);
    empty_->setWordWrap(true);
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setMargin(24);
    itemView_ = new RankingItemView(stack_);
    stack_->addWidget(empty_);
    stack_->addWidget(itemView_);
    connect(itemView_, &RankingItemView::judgementReady, this, &RankingPanel::record);
    connect(itemView_, &RankingItemView::takeBackRequested, this, &RankingPanel::takeBack);
    connect(itemView_, &RankingItemView::statusMessage, this, &RankingPanel::statusMessage);
    guidelinePane_ = new QWidget(splitter);
    guidelinePane_->setMinimumWidth(200);
    auto* paneLayout = new QVBoxLayout(guidelinePane_);
    paneLayout->setContentsMargins(0, 0, 0, 0);
    guideline_ = new QTextBrowser(guidelinePane_);
    guideline_->setOpenExternalLinks(false);
    auto* editGuidelines = new QPushButton(tr("Edit guidelines…"), guidelinePane_);
    editGuidelines->setFocusPolicy(Qt::NoFocus);
    connect(editGuidelines, &QPushButton::clicked, this, &RankingPanel::editGuidelines);
    paneLayout->addWidget(guideline_, 1);
    paneLayout->addWidget(editGuidelines);
    connect(guidelinesToggle_, &QPushButton::toggled, guidelinePane_, &QWidget::setVisible);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    return splitter;
}

RankingPanel::~RankingPanel() = default;

void RankingPanel::setProject(std::shared_ptr<data::ProjectStore> project) {
    session_.reset();
    project_ = std::move(project);
    const std::string packageLabeller = project_ ? data::packageLabellerOf(project_->database()) : std::string();
    packageMode_ = !packageLabeller.empty();
    labeller_->setEnabled(!packageMode_);
    for (QPushButton* b : projectOnly_) b->setVisible(!packageMode_);
    refreshLabellers();
    refreshGuideline();
    setLabeller(packageMode_ ? QString::fromStdString(packageLabeller) : AppSettings::labeller());
}

void RankingPanel::refreshLabellers() {
    const QString current = labeller_->currentText();
    labeller_->clear();
    if (project_)
        for (const auto& name : data::RankingStore(project_->database()).labellers()) labeller_->addItem(QString::fromStdString(name));
    labeller_->setCurrentText(current);
}

void RankingPanel::refreshGuideline() {
    const auto g = project_ ? data::latestGuideline(project_->database()) : std::nullopt;
    guidelineVersion_->setText(g ? tr("Guidelines %1").arg(QString::fromStdString(g->version)) : tr("No guidelines yet"));
    if (g) guideline_->setMarkdown(QString::fromStdString(g->text));
    else guideline_->setMarkdown(tr("*No guidelines yet.* Write what a good answer is, how to break ties and when an item is "
                                    "all bad: **Edit guidelines…** below. Each judgement records the version in force."));
}

void RankingPanel::setLabeller(const QString& name) {
    const QString trimmed = name.trimmed();
    if (!project_) return;
    if (session_ && QString::fromStdString(session_->labeller()) == trimmed) return;
    session_.reset();
    labeller_->setCurrentText(trimmed);
    if (trimmed.isEmpty()) {
        showEmpty(tr("Who is labelling? Type your name in <b>Labeller</b> above: judgements, agreement and packages are kept per labeller."));
        refreshPace();
        return;
    }
    if (!packageMode_) AppSettings::setLabeller(trimmed);
    const auto g = data::latestGuideline(project_->database());
    const uint64_t seed = (static_cast<uint64_t>(std::random_device{}()) << 32) | std::random_device{}();
    try {
        session_ = std::make_unique<data::LabellingSession>(project_->database(), trimmed.toStdString(), g ? g->version : std::string(), seed);
    } catch (const std::exception& e) {
        showEmpty(tr("Cannot start labelling: %1").arg(QString::fromStdString(e.what()).toHtmlEscaped()));
        return;
    }
    refreshLabellers();
    showNext(0);
}

void RankingPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (session_ && !itemView_->hasItem()) showNext(0);
}

void RankingPanel::showEmpty(const QString& text) {
    empty_->setText(text);
    itemView_->clearItem();
    stack_->setCurrentWidget(empty_);
}

QString RankingPanel::emptyText() const { return stack_->currentWidget() == empty_ ? empty_->text() : QString(); }

void RankingPanel::showNext(int64_t afterItemId) {
    refreshPace();
    if (!session_) return;
    const auto next = session_->next(afterItemId);
    if (next) {
        itemView_->showItem(*next, data::labelFlags(project_->database()));
        stack_->setCurrentWidget(itemView_);
        return;
    }
    if (session_->items() == 0)
        showEmpty(tr("This project has no items to rank yet.<br><br>Import candidates with <b>File → Import…</b> in the "
                     "<i>rankings</i> format: a prompt and its 2–9 candidate responses a line (docs/formats.md)."));
    else
        showEmpty(tr("%1 has judged every item there is for them (%2 of %3 items).<br><br>Import more, or see how the "
                     "labellers agree: <b>Agreement…</b>")
                      .arg(QString::fromStdString(session_->labeller()).toHtmlEscaped())
                      .arg(session_->judgedByLabeller())
                      .arg(session_->items()));
}

void RankingPanel::record(qint64 itemId, const labelling::Judgement& judgement, double seconds) {
    if (!session_) return;
    try {
        session_->submit(itemId, judgement, seconds);
    } catch (const std::exception& e) {  // not committed: the item stays, with the ranking made
        emit statusMessage(tr("The judgement was not saved: %1").arg(QString::fromStdString(e.what())));
        return;
    }
    emit statusMessage(tr("Saved: %1").arg(judgement.unrankable ? tr("all bad") : itemView_->rankingText()));
    emit judgementsChanged();
    showNext(itemId);
}

void RankingPanel::takeBack() {
    if (!session_) return;
    std::optional<int64_t> itemId;
    try {
        itemId = session_->takeBack();
    } catch (const std::exception& e) {
        emit statusMessage(tr("Could not take the judgement back: %1").arg(QString::fromStdString(e.what())));
        return;
    }
    if (!itemId) {
        emit statusMessage(tr("Nothing to take back in this sitting."));
        return;
    }
    const auto item = data::RankingStore(project_->database()).item(*itemId);
    if (!item) return;
    itemView_->showItem(session_->show(*item), data::labelFlags(project_->database()));
    stack_->setCurrentWidget(itemView_);
    refreshPace();
    emit judgementsChanged();
    emit statusMessage(tr("Took the last judgement back: rank this item again."));
}

void RankingPanel::refreshPace() {
    pace_->setText(paceText());
}

QString RankingPanel::paceText() const {
    if (!session_) return QString();
    const auto& p = session_->pace();
    QString text = tr("%1 judged in all · this sitting: %n items", nullptr, static_cast<int>(p.judgements)).arg(session_->judgedByLabeller());
    if (p.judgements > 0) text += tr(", %1 s per item, %2 per hour").arg(p.secondsPerItem(), 0, 'f', 1).arg(p.itemsPerHour(), 0, 'f', 0);
    return text;
}

void RankingPanel::editGuidelines() {
    if (!project_) return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Labelling guidelines"));
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("Markdown. Saving a changed text makes a new version; judgements keep the version they were made under."), &dialog));
    auto* text = new QPlainTextEdit(&dialog);
    const auto g = data::latestGuideline(project_->database());
    if (g) text->setPlainText(QString::fromStdString(g->text));
    layout->addWidget(text, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(640, 480);
    if (dialog.exec() != QDialog::Accepted || text->toPlainText().trimmed().isEmpty()) return;
    const std::string version = data::saveGuideline(project_->database(), text->toPlainText().toStdString());
    refreshGuideline();
    if (session_) {  // a new sitting under the new version
        const QString who = QString::fromStdString(session_->labeller());
        session_.reset();
        setLabeller(who);
    }
    emit statusMessage(tr("Guidelines %1 are in force.").arg(QString::fromStdString(version)));
}

void RankingPanel::editFlags() {
    if (!project_) return;
    QStringList current;
    for (const auto& f : data::labelFlags(project_->database())) current << QString::fromStdString(f);
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this, tr("Flag names"), tr("One flag a line (InstructGPT's metadata by default):"),
                                                        current.join(QLatin1Char('\n')), &ok);
    if (!ok) return;
    std::vector<std::string> flags;
    for (const QString& line : text.split(QLatin1Char('\n'))) flags.push_back(line.trimmed().toStdString());
    data::setLabelFlags(project_->database(), flags);
    if (itemView_->hasItem() && session_) showNext(itemView_->itemId() - 1);
}

void RankingPanel::showAgreement() {
    if (!project_) return;
    auto* dialog = new AgreementDialog(QString::fromStdString(project_->path()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void RankingPanel::generateCandidates() {
    if (generation_->running()) {
        generation_->cancel();
        return;
    }
    if (!project_) return;
    CandidatesDialog dialog(data::RunStore(project_->database()).runs(), this);
    if (dialog.exec() != QDialog::Accepted) return;
    generation_->start(QString::fromStdString(project_->path()), dialog.arguments());
    candidates_->setText(tr("Stop (starting…)"));
    emit statusMessage(tr("Generating candidates in the background; keep ranking."));
}

void RankingPanel::showRounds() {
    if (!project_) return;
    auto* dialog = new RoundResultsDialog(QString::fromStdString(project_->path()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void RankingPanel::createPackage() {
    if (!project_ || !session_) {
        emit statusMessage(tr("Choose the labeller the package is for first."));
        return;
    }
    const QString labeller = QString::fromStdString(session_->labeller());
    const QString path = chooseSaveFileName(this, tr("Labelling package for %1").arg(labeller), labeller + QStringLiteral(".rlhfpkg"),
                                                      tr("Labelling packages (*.rlhfpkg)"));
    if (path.isEmpty()) return;
    ProjectTask* task = ProjectTask::start(QString::fromStdString(project_->path()), [path, labeller](data::ProjectStore& store, const auto&, const auto&) {
        const auto r = data::createPackage(store.database(), path.toStdString(), {labeller.toStdString(), std::nullopt, std::nullopt});
        return tr("Wrote %1: %n items for %2. Open it in RLHF Workbench on any machine; merge it back with File → Merge Labelling Package.",
                  nullptr, static_cast<int>(r.items)).arg(path, labeller);
    });
    connect(task, &ProjectTask::finished, this, &RankingPanel::statusMessage);
    connect(task, &ProjectTask::failed, this, [this](const QString& message) { emit statusMessage(tr("No package written: %1").arg(message)); });
}

}  // namespace rlhf::widgets
