#pragma once
// The ranking being made, best first, as tie groups ("C = A  >  B  >  D"), with a drop slot at each group
// and one after the last: dropping a candidate on a group ties it there, on the last slot ranks it last.

#include <functional>
#include <vector>

#include <QWidget>

class QHBoxLayout;

namespace rlhf::widgets {

class RankingStrip : public QWidget {
    Q_OBJECT
public:
    explicit RankingStrip(QWidget* parent = nullptr);

    // `groups` of shown positions, best first.
    void setGroups(const std::vector<std::vector<int>>& groups, int candidates, bool allBad);
    QString text() const { return text_; }  // "C = A > B", for tests and screen readers

signals:
    void dropped(int position, int group);

private:
    QHBoxLayout* layout_ = nullptr;
    QString text_;
};

}  // namespace rlhf::widgets
