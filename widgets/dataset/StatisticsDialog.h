#pragma once
// Dataset statistics: histograms of prompt and response lengths in characters (and in tokens once the
// project has a trained tokenizer) and prompts per split, drawn with QCustomPlot. Everything is read on
// worker threads, so the dialog opens at once even on a 1M-prompt project.

#include <QDialog>

class QGridLayout;
class QLabel;

namespace rlhf::widgets {

class StatisticsDialog : public QDialog {
    Q_OBJECT
public:
    // Reads the project at `projectPath` on worker threads (its own connections); plots appear as they finish.
    explicit StatisticsDialog(const QString& projectPath, QWidget* parent = nullptr);

private:
    void addCountsAndCharacterHistograms(const QString& projectPath, QGridLayout* grid, QLabel* summary);
    void addTokenHistograms(const QString& projectPath, QGridLayout* grid, QLabel* note);
};

}  // namespace rlhf::widgets
