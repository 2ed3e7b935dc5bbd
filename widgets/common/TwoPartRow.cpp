#include "common/TwoPartRow.h"

#include <algorithm>

#include <QBoxLayout>
#include <QEvent>
#include <QStyle>

namespace rlhf::widgets {

TwoPartRow::TwoPartRow(QWidget* parent) : QWidget(parent) {
    lines_ = new QBoxLayout(QBoxLayout::LeftToRight, this);
    lines_->setContentsMargins(0, 0, 0, 0);
    // One spacing both ways: a layout's default differs by direction in some styles, and a threshold that
    // moved with the direction could flip the row back and forth.
    const int gap = style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, this);
    lines_->setSpacing(gap >= 0 ? gap : 6);
    leading_ = new QHBoxLayout;
    trailing_ = new QHBoxLayout;
    trailing_->addStretch(1);  // on its own line the buttons keep to the right
    lines_->addLayout(leading_, 1);
    lines_->addLayout(trailing_);
}

void TwoPartRow::addLeading(QWidget* widget, int stretch) { leading_->addWidget(widget, stretch); }

void TwoPartRow::addTrailing(QWidget* widget) { trailing_->addWidget(widget); }

bool TwoPartRow::isOneLine() const { return lines_->direction() == QBoxLayout::LeftToRight; }

QSize TwoPartRow::minimumSizeHint() const {
    const QSize first = leading_->minimumSize(), second = trailing_->minimumSize();
    const int height = isOneLine() ? std::max(first.height(), second.height()) : first.height() + lines_->spacing() + second.height();
    return {std::max(first.width(), second.width()), height};
}

// On a resize, and when a part's contents change width (a filter's choices refilled: a LayoutRequest)
// without the row being resized. The geometry is the new one by the time either arrives.
bool TwoPartRow::event(QEvent* event) {
    const bool handled = QWidget::event(event);
    if (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest) arrange(width());
    return handled;
}

// One line when both parts fit side by side at their minimum widths.
void TwoPartRow::arrange(int width) {
    const int oneLine = leading_->minimumSize().width() + lines_->spacing() + trailing_->minimumSize().width();
    const auto direction = width >= oneLine ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (lines_->direction() == direction) return;
    lines_->setDirection(direction);
    updateGeometry();  // the height changes with the number of lines
}

}  // namespace rlhf::widgets
