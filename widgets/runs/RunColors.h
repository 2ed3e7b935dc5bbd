#pragma once
// The colour of the i-th selected run, the same in the Curves and the Compare views.

#include <QColor>
#include <QList>

namespace rlhf::widgets {

inline QColor runColor(size_t index) {
    static const QList<QColor> colors = {QColor(31, 119, 180), QColor(214, 39, 40), QColor(44, 160, 44),
                                         QColor(148, 103, 189), QColor(255, 127, 14), QColor(23, 190, 207)};
    return colors[static_cast<int>(index % static_cast<size_t>(colors.size()))];
}

}  // namespace rlhf::widgets
