#pragma once
// Dataset statistics: histograms of prompt and response lengths (characters) and prompts per split,
// drawn with QCustomPlot. Reads the project once when opened.

#include <QDialog>

namespace rlhf::data { class ProjectStore; }

namespace rlhf::widgets {

class StatisticsDialog : public QDialog {
    Q_OBJECT
public:
    StatisticsDialog(data::ProjectStore& project, QWidget* parent = nullptr);
};

}  // namespace rlhf::widgets
