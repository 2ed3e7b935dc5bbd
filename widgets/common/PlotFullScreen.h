#pragma once
// Classroom mode's full-screen plots: any QCustomPlot placed by a layout or a splitter gets "Full screen"
// on its context menu and on F11 (while it has focus). The plot moves into a full-screen window of its own,
// a note holds its place, and it goes back there on Esc, F11 or closing the window.

class QCustomPlot;

namespace rlhf::widgets {

void allowFullScreen(QCustomPlot* plot);

}  // namespace rlhf::widgets
