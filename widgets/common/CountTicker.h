#pragma once
// A plot axis of counts (training steps): ticks at whole numbers only, so a 3-step run's axis reads
// 1, 2, 3 and not 1, 1.5, 2, 2.5, 3.

#include <algorithm>
#include <cmath>

#include <QSharedPointer>

#include <qcustomplot.h>

namespace rlhf::widgets {

class CountTicker : public QCPAxisTicker {
protected:
    double getTickStep(const QCPRange& range) override { return std::max(1.0, std::floor(QCPAxisTicker::getTickStep(range))); }
    int getSubTickCount(double tickStep) override { return tickStep <= 1.0 ? 0 : QCPAxisTicker::getSubTickCount(tickStep); }
};

}  // namespace rlhf::widgets
