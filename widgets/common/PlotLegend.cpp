#include "common/PlotLegend.h"

#include <qcustomplot.h>

namespace rlhf::widgets {

void placeLegendBelow(QCustomPlot* plot, int row, int perRow) {
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->take(plot->legend);
    plot->plotLayout()->addElement(row, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(row, 0.001);  // as tall as its entries, the axes take the rest
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    if (perRow > 0) plot->legend->setWrap(perRow);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->plotLayout()->updateLayout();
}

}  // namespace rlhf::widgets
