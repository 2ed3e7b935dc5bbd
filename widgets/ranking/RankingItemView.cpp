#include "ranking/RankingItemView.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "labelling/WordDiff.h"
#include "ranking/CandidateColumn.h"
#include "ranking/RankingStrip.h"

namespace rlhf::widgets {

RankingItemView::RankingItemView(QWidget* parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    auto* layout = new QVBoxLayout(this);
    prompt_ = new QLabel(this);
    prompt_->setWordWrap(true);
    prompt_->setTextFormat(Qt::PlainText);
    prompt_->setFrameShape(QFrame::StyledPanel);
    prompt_->setMargin(6);
    prompt_->setMaximumHeight(160);
    layout->addWidget(prompt_);
    scroll_ = new QScrollArea(this);
    scroll_->setWidgetResizable(true);
    scroll_->setFocusPolicy(Qt::NoFocus);
    columnsHost_ = new QWidget(scroll_);
    columnsLayout_ = new QHBoxLayout(columnsHost_);
    columnsLayout_->setAlignment(Qt::AlignTop);
    scroll_->setWidget(columnsHost_);
    layout->addWidget(scroll_, 1);
    strip_ = new RankingStrip(this);
    connect(strip_, &RankingStrip::dropped, this, &RankingItemView::moveToGroup);
    layout->addWidget(strip_);

    auto* flagsRow = new QHBoxLayout;
    flagsButton_ = new QPushButton(tr("&Flags…"), this);
    flagsButton_->setFocusPolicy(Qt::NoFocus);
    flagsMenu_ = new QMenu(this);
    flagsButton_->setMenu(flagsMenu_);
    flagsShown_ = new QLabel(this);
    flagsShown_->setWordWrap(true);
    diffBox_ = new QCheckBox(tr("Highlight differences"), this);
    diffBox_->setFocusPolicy(Qt::NoFocus);
    diffBox_->setToolTip(tr("Mark the words where each candidate differs from candidate A"));
    connect(diffBox_, &QCheckBox::toggled, this, &RankingItemView::setDiffHighlight);
    flagsRow->addWidget(flagsButton_);
    flagsRow->addWidget(flagsShown_, 1);
    flagsRow->addWidget(diffBox_);
    layout->addLayout(flagsRow);

    auto* submitRow = new QHBoxLayout;
    rationale_ = new QLineEdit(this);
    rationale_->setPlaceholderText(tr("Rationale (optional): why this order?"));
    // Return in the rationale reaches keyPressEvent below (QLineEdit passes it on): it submits there, once.
    auto* allBad = new QPushButton(tr("All bad (B)"), this);
    allBad->setFocusPolicy(Qt::NoFocus);
    connect(allBad, &QPushButton::clicked, this, &RankingItemView::toggleAllBad);
    submit_ = new QPushButton(tr("Submit (Enter)"), this);
    submit_->setFocusPolicy(Qt::NoFocus);
    connect(submit_, &QPushButton::clicked, this, &RankingItemView::submit);
    submitRow->addWidget(rationale_, 1);
    submitRow->addWidget(allBad);
    submitRow->addWidget(submit_);
    layout->addLayout(submitRow);
    auto* keys = new QLabel(tr("Keys: 1–9 pick the next best · T tie with the previous · B all bad · F flags · Enter submit · Ctrl+Z undo"), this);
    keys->setForegroundRole(QPalette::PlaceholderText);
    keys->setWordWrap(true);
    layout->addWidget(keys);
}

void RankingItemView::showItem(const data::ShownItem& item, const std::vector<std::string>& flags) {
    item_ = item;
    draft_ = labelling::RankingDraft(static_cast<int>(item.item.responses.size()));
    allBad_ = false;
    rationale_->clear();
    flagsMenu_->clear();
    for (const auto& f : flags) {
        QAction* a = flagsMenu_->addAction(QString::fromStdString(f));
        a->setCheckable(true);
        connect(a, &QAction::toggled, this, [this] { flagsShown_->setText(checkedFlags().join(QStringLiteral(", "))); });
    }
    flagsShown_->clear();
    prompt_->setText(QString::fromStdString(item.item.prompt).trimmed());
    fillColumns();
    refresh();
    shownFor_.start();
    setFocus();
}

void RankingItemView::clearItem() {
    item_ = {};
    draft_ = labelling::RankingDraft();
    allBad_ = false;
    for (auto* c : columns_) c->deleteLater();
    columns_.clear();
}

void RankingItemView::fillColumns() {
    for (auto* c : columns_) c->deleteLater();
    columns_.clear();
    const auto& order = item_.order;
    const std::string reference = order.empty() ? std::string() : item_.item.responses[static_cast<size_t>(order[0])];
    for (size_t p = 0; p < order.size(); ++p) {
        auto* column = new CandidateColumn(static_cast<int>(p), columnsHost_);
        const std::string& text = item_.item.responses[static_cast<size_t>(order[p])];
        column->setText(QString::fromStdString(text).trimmed(), diff_ ? labelling::wordDiff(reference, text) : std::vector<labelling::DiffWord>{}, diff_);
        connect(column, &CandidateColumn::picked, this, &RankingItemView::pickPosition);
        connect(column, &CandidateColumn::ratingChosen, this, [this] { setFocus(); });
        columnsLayout_->addWidget(column, 1);
        columns_.push_back(column);
    }
}

void RankingItemView::setDiffHighlight(bool on) {
    diff_ = on;
    if (diffBox_->isChecked() != on) diffBox_->setChecked(on);
    if (!hasItem()) return;
    const std::string& reference = item_.item.responses[static_cast<size_t>(item_.order[0])];
    for (size_t p = 0; p < columns_.size(); ++p) {
        const std::string& text = item_.item.responses[static_cast<size_t>(item_.order[p])];
        columns_[p]->setText(QString::fromStdString(text).trimmed(), on ? labelling::wordDiff(reference, text) : std::vector<labelling::DiffWord>{}, on);
    }
}

void RankingItemView::refresh() {
    std::vector<std::vector<int>> shownGroups;
    for (const auto& g : draft_.groups()) {
        std::vector<int> positions;
        for (int i : g) positions.push_back(item_.shown()[static_cast<size_t>(i)]);
        shownGroups.push_back(positions);
    }
    strip_->setGroups(shownGroups, static_cast<int>(columns_.size()), allBad_);
    for (size_t p = 0; p < columns_.size(); ++p) {
        const int index = item_.order[p];
        const int rank = draft_.rankOf(index);
        const bool tied = rank > 0 && draft_.groups()[static_cast<size_t>(rank - 1)].size() > 1;
        columns_[p]->setRank(rank, tied, allBad_);
    }
    submit_->setEnabled(hasItem() && (allBad_ || draft_.completable()));
}

QString RankingItemView::rankingText() const { return strip_->text(); }

QStringList RankingItemView::checkedFlags() const {
    QStringList out;
    for (QAction* a : flagsMenu_->actions())
        if (a->isChecked()) out << a->text();
    return out;
}

void RankingItemView::pickPosition(int position) {
    if (!hasItem() || allBad_ || position < 0 || position >= static_cast<int>(columns_.size())) return;
    draft_.pick(item_.order[static_cast<size_t>(position)]);
    refresh();
}

void RankingItemView::moveToGroup(int position, int group) {
    if (!hasItem() || allBad_ || position < 0 || position >= static_cast<int>(columns_.size())) return;  // a drop from elsewhere
    draft_.moveTo(item_.order[static_cast<size_t>(position)], group);
    refresh();
}

void RankingItemView::tieWithPrevious() {
    if (draft_.tieWithPrevious()) refresh();
    else emit statusMessage(tr("Pick at least two candidates before tying the last one with the one before."));
}

void RankingItemView::toggleAllBad() {
    if (!hasItem()) return;
    allBad_ = !allBad_;
    if (allBad_) draft_.clear();
    refresh();
}

void RankingItemView::openFlags() {
    if (hasItem()) flagsMenu_->popup(flagsButton_->mapToGlobal(QPoint(0, flagsButton_->height())));
}

void RankingItemView::undo() {
    if (allBad_) {
        toggleAllBad();
        return;
    }
    if (!draft_.undo()) {
        emit takeBackRequested();
        return;
    }
    refresh();
}

void RankingItemView::submit() {
    if (!hasItem()) return;
    if (!allBad_ && !draft_.completable()) {
        emit statusMessage(tr("Rank every candidate first (%1 of %2 ranked), or press B if all are bad.").arg(draft_.size()).arg(columns_.size()));
        return;
    }
    if (!allBad_) draft_.completeWithTheRest();
    labelling::Judgement j;
    j.unrankable = allBad_;
    if (!allBad_) j.ranking = draft_.groups();
    for (const QString& f : checkedFlags()) j.flags.push_back(f.toStdString());
    j.rationale = rationale_->text().trimmed().toStdString();
    std::vector<std::optional<int>> ratings(item_.item.responses.size());
    bool anyRating = false;
    for (size_t p = 0; p < columns_.size(); ++p) {
        ratings[static_cast<size_t>(item_.order[p])] = columns_[p]->rating();
        anyRating = anyRating || columns_[p]->rating().has_value();
    }
    if (anyRating) j.ratings = ratings;
    j.shown = item_.shown();
    emit judgementReady(item_.item.id, j, secondsOnItem());
}

bool RankingItemView::event(QEvent* event) {
    // Ctrl+Z is also the window's Edit → Undo (the Dataset panel's edits): here it takes back picks.
    if (event->type() == QEvent::ShortcutOverride && static_cast<QKeyEvent*>(event)->matches(QKeySequence::Undo)) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void RankingItemView::keyPressEvent(QKeyEvent* event) {
    if (event->matches(QKeySequence::Undo)) return undo();
    const int key = event->key();
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) return QWidget::keyPressEvent(event);
    if (key >= Qt::Key_1 && key <= Qt::Key_9) return pickPosition(key - Qt::Key_1);
    switch (key) {
    case Qt::Key_T: return tieWithPrevious();
    case Qt::Key_B: return toggleAllBad();
    case Qt::Key_F: return openFlags();
    case Qt::Key_Return:
    case Qt::Key_Enter: return submit();
    default: QWidget::keyPressEvent(event);
    }
}

}  // namespace rlhf::widgets
