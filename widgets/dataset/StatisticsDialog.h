#pragma once
// Dataset statistics: histograms of prompt and response lengths in characters (and in tokens once the
// project has a trained tokenizer, counted on a worker) and prompts per split, drawn with QCustomPlot.

#include <QDialog>

class QGridLayout;
class QLabel;

namespace rlhf::data { class ProjectStore; }

namespace rlhf::widgets {

class StatisticsDialog : public QDialog {
    Q_OBJECT
public:
    StatisticsDialog(data::ProjectStore& project, QWidget* parent = nullptr);

private:
    void addTokenHistograms(const QString& projectPath, QGridLayout* grid, QLabel* note);
};

}  // namespace rlhf::widgets
