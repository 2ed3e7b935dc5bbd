#pragma once
// The Compare tab of the Runs panel: the selected runs side by side, so a class can put a Mamba next to a
// GPT of the same size trained on the same text. A table (architecture and size from each run's newest
// checkpoint, parameters, median training tokens/s, the last loss and validation loss, generation time
// per token), and on demand a plot of generation time per token against context length, measured by
// child rlhf-engine processes (GenerationTimingRunner): it grows with the context for attention and stays
// flat for Mamba. Loss curves of the same runs are overlaid in the Curves tab, in the same colours.
// Threading: the project and checkpoints are read on a worker thread; measuring runs in child processes;
// measured checkpoints are remembered for the session (their timing does not change).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <QWidget>

#include "runs/GenerationTimingRunner.h"
#include "runs/RunComparison.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QTableWidget;

namespace rlhf::widgets {

struct CompareRequest {
    int64_t id = 0;
    QString label;
    std::string kind, checkpoint;  // checkpoint: the newest, empty when none
};

class RunCompareView : public QWidget {
    Q_OBJECT
public:
    explicit RunCompareView(QWidget* parent = nullptr);

    void showRuns(const std::vector<CompareRequest>& runs, const QString& projectPath);

    QTableWidget* table() const { return table_; }
    QPushButton* measureButton() const { return measure_; }
    QComboBox* longestContext() const { return longest_; }
    // What the plot shows: per run label, its (context, ms per token) points.
    std::map<QString, std::vector<std::pair<double, double>>> shownTimings() const;

signals:
    void curvesRequested();
    void measuringFinished();

private:
    void fillTable();
    // `read`: `run` is what the project and checkpoint said (else only the id and checkpoint are known yet).
    void fillRow(int row, const ComparedRun& run, const QString& label, bool read);
    void measure();
    void onMeasured(const QString& checkpoint, const std::vector<ContextTimingPoint>& points);
    QTableWidget* createTable();
    QCustomPlot* createPlot();
    void connectRunner();
    void plotTimings();
    void updateControls();
    QString timingText(const std::string& checkpoint) const;

    QLabel* intro_ = nullptr;
    QTableWidget* table_ = nullptr;
    QPushButton* measure_ = nullptr;
    QComboBox* longest_ = nullptr;
    QLabel* status_ = nullptr;
    QCustomPlot* plot_ = nullptr;
    std::vector<CompareRequest> requests_;
    std::vector<ComparedRun> compared_;                                     // requests_' rows, once read
    std::map<std::string, std::vector<ContextTimingPoint>> timings_;        // by checkpoint directory
    int readGeneration_ = 0;                                                // drops reads of an older selection
    bool measureFailed_ = false;
    GenerationTimingRunner runner_;  // last: destroyed first, so its signals never reach what is gone
};

}  // namespace rlhf::widgets
