#include "ranking/CandidateColumn.h"

#include <QApplication>
#include <QComboBox>
#include <QDrag>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QMouseEvent>
#include <QPushButton>
#include <QVBoxLayout>

namespace rlhf::widgets {

namespace {
constexpr int kCollapsedChars = 1200;  // longer texts show this much until "Show all"
}

CandidateColumn::CandidateColumn(int position, QWidget* parent) : QFrame(parent), position_(position) {
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(180);
    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    title_ = new QLabel(position < 9 ? tr("<b>%1</b> <span style='color:gray'>key %2</span>").arg(letter(position)).arg(position + 1)
                                     : QStringLiteral("<b>%1</b>").arg(letter(position)),
                        this);
    badge_ = new QLabel(this);
    header->addWidget(title_);
    header->addStretch();
    header->addWidget(badge_);
    layout->addLayout(header);
    body_ = new QLabel(this);
    body_->setWordWrap(true);
    body_->setAttribute(Qt::WA_TransparentForMouseEvents);  // a click anywhere on the column picks it
    body_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(body_, 1);
    more_ = new QPushButton(this);
    more_->setFlat(true);
    connect(more_, &QPushButton::clicked, this, [this] {
        expanded_ = !expanded_;
        showText();
    });
    layout->addWidget(more_);
    auto* ratingRow = new QHBoxLayout;
    ratingRow->addWidget(new QLabel(tr("Quality (1–7):"), this));
    rating_ = new QComboBox(this);
    rating_->addItem(tr("not rated"));
    for (int r = 1; r <= 7; ++r) rating_->addItem(QString::number(r), r);
    rating_->setFocusPolicy(Qt::ClickFocus);
    rating_->installEventFilter(this);  // the wheel scrolls the candidates, it does not change ratings
    connect(rating_, &QComboBox::activated, this, &CandidateColumn::ratingChosen);  // the view takes the keyboard back
    ratingRow->addWidget(rating_);
    ratingRow->addStretch();
    layout->addLayout(ratingRow);
    setToolTip(tr("Click to pick as the next best (or press %1); drag onto the ranking below to place it").arg(position + 1));
}

QString CandidateColumn::letter(int position) { return position < 26 ? QString(QChar('A' + position)) : QString::number(position + 1); }

bool CandidateColumn::eventFilter(QObject* watched, QEvent* event) {
    if (watched == rating_ && event->type() == QEvent::Wheel && !rating_->hasFocus()) {
        QCoreApplication::sendEvent(this, event);  // the column ignores it, so it goes up to the scroll area
        return true;
    }
    return QFrame::eventFilter(watched, event);
}

void CandidateColumn::setText(const QString& text, const std::vector<labelling::DiffWord>& diff, bool diffShown) {
    text_ = text;
    diff_ = diff;
    diffShown_ = diffShown;
    expanded_ = false;
    showText();
}

void CandidateColumn::showText() {
    const bool longText = text_.size() > kCollapsedChars;
    more_->setVisible(longText);
    more_->setText(expanded_ ? tr("Show less") : tr("Show all (%n characters)", nullptr, static_cast<int>(text_.size())));
    if (!diffShown_) {
        body_->setTextFormat(Qt::MarkdownText);
        body_->setText(longText && !expanded_ ? text_.left(kCollapsedChars) + QStringLiteral(" …") : text_);
        return;
    }
    QString html;
    int shown = 0;
    for (const auto& w : diff_) {
        const QString word = QString::fromStdString(w.text);
        if (longText && !expanded_ && shown > kCollapsedChars) {
            html += QStringLiteral(" …");
            break;
        }
        shown += static_cast<int>(word.size());
        const QString escaped = word.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        html += w.changed ? QStringLiteral("<span style='background-color:#ffe08a'>%1</span>").arg(escaped) : escaped;
    }
    body_->setTextFormat(Qt::RichText);
    body_->setText(html);
}

void CandidateColumn::setRank(int rank, bool tied, bool allBad) {
    if (allBad) badge_->setText(tr("all bad"));
    else if (rank == 0) badge_->setText(QString());
    else badge_->setText(tied ? tr("<b>#%1</b> (tie)").arg(rank) : tr("<b>#%1</b>").arg(rank));
    setStyleSheet(rank > 0 ? QStringLiteral("rlhf--widgets--CandidateColumn { border: 2px solid palette(highlight); }") : QString());
    setEnabled(!allBad);
}

std::optional<int> CandidateColumn::rating() const {
    const QVariant v = rating_->currentData();
    return v.isValid() ? std::optional<int>(v.toInt()) : std::nullopt;
}

void CandidateColumn::clearRating() { rating_->setCurrentIndex(0); }

void CandidateColumn::mousePressEvent(QMouseEvent* event) {
    pressedAt_ = event->position().toPoint();
    QFrame::mousePressEvent(event);
}

void CandidateColumn::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && (event->position().toPoint() - pressedAt_).manhattanLength() < QApplication::startDragDistance())
        emit picked(position_);
    QFrame::mouseReleaseEvent(event);
}

void CandidateColumn::mouseMoveEvent(QMouseEvent* event) {
    if (!(event->buttons() & Qt::LeftButton) || (event->position().toPoint() - pressedAt_).manhattanLength() < QApplication::startDragDistance()) {
        QFrame::mouseMoveEvent(event);
        return;
    }
    auto* mime = new QMimeData;
    mime->setData(kMimeType, QByteArray::number(position_));
    auto* drag = new QDrag(this);
    drag->setMimeData(mime);
    drag->setPixmap(title_->grab());
    drag->exec(Qt::MoveAction);
    pressedAt_ = QPoint(-10000, -10000);
}

}  // namespace rlhf::widgets
