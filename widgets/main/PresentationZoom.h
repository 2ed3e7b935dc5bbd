#pragma once
// Classroom mode's presentation zoom: the application font scaled for a projector (every panel follows
// it; fixed-pitch texts too), kept between sessions. View → Zoom In (Ctrl++), Zoom Out (Ctrl+-), Actual
// Size (Ctrl+0), Presentation Zoom (Ctrl+Shift+P: 100 % ↔ 160 %).

#include <QFont>
#include <QObject>

class QMenu;

namespace rlhf::widgets {

class PresentationZoom : public QObject {
    Q_OBJECT
public:
    explicit PresentationZoom(QObject* parent = nullptr);
    void addActions(QMenu* view);
    int percent() const { return percent_; }
    void setPercent(int percent);  // clamped to 70–300

signals:
    void changed(int percent);

private:
    QFont baseFont_, baseFixedFont_;
    int percent_ = 100;
};

}  // namespace rlhf::widgets
