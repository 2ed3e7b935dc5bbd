#pragma once
// A tool row of two parts — leading widgets (filters, a search field) and trailing ones (buttons) — laid
// out on one line where the width allows, else the trailing part on a second line under the first. Its
// minimum width is that of the wider part, not of both together, so that a row of many controls does not
// make the window wider than a small screen (a 1024-pixel classroom projector).

#include <QWidget>

class QBoxLayout;
class QHBoxLayout;

namespace rlhf::widgets {

class TwoPartRow : public QWidget {
    Q_OBJECT
public:
    explicit TwoPartRow(QWidget* parent = nullptr);

    void addLeading(QWidget* widget, int stretch = 0);
    void addTrailing(QWidget* widget);
    bool isOneLine() const;

    QSize minimumSizeHint() const override;  // as wide as the wider part, as high as the lines shown

protected:
    bool event(QEvent* event) override;

private:
    void arrange(int width);

    QBoxLayout* lines_ = nullptr;  // left to right (one line) or top to bottom (two)
    QHBoxLayout* leading_ = nullptr;
    QHBoxLayout* trailing_ = nullptr;
};

}  // namespace rlhf::widgets
