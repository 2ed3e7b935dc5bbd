#pragma once
// A plot's legend in a row of its own under the axes, as the workbench's plots show it: inside the axes it
// covers the lines or bars of a narrow plot.

class QCustomPlot;

namespace rlhf::widgets {

// Moves the legend to row `row` of the plot's layout (the axes are row 0; a title may take another),
// `perRow` entries a row (0: as many as fit in one row), without a border, and shows it.
void placeLegendBelow(QCustomPlot* plot, int row, int perRow);

}  // namespace rlhf::widgets
