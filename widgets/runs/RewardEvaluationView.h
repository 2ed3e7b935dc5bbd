#pragma once
// A reward model's last evaluation on the validation pairs (RewardEvaluation.h): histograms of the chosen
// and rejected rewards, accuracy against the margin, a calibration plot of P(chosen) with its expected
// calibration error, and the pairs it gets most wrong, each with a jump to its prompt in the Dataset panel.

#include <vector>

#include <QWidget>

#include "runs/RewardEvaluation.h"

class QCustomPlot;
class QLabel;
class QTableWidget;

namespace rlhf::widgets {

class RewardEvaluationView : public QWidget {
    Q_OBJECT
public:
    explicit RewardEvaluationView(QWidget* parent = nullptr);
    // The pairs of a run's RUN/evaluation.jsonl; `problem` (the file is missing or unreadable) instead.
    void showEvaluation(const std::vector<EvaluatedPair>& pairs, const QString& problem = {});

signals:
    void showPromptRequested(qint64 promptId);

private:
    void plotHistograms(const std::vector<EvaluatedPair>& pairs);
    void plotAccuracy(const std::vector<EvaluatedPair>& pairs);
    QString plotCalibration(const std::vector<EvaluatedPair>& pairs);  // returns the ECE as a sentence
    void fillWrongPairs(const std::vector<EvaluatedPair>& pairs);

    QLabel* summary_ = nullptr;
    QCustomPlot* histogram_ = nullptr;
    QCustomPlot* accuracy_ = nullptr;
    QCustomPlot* calibration_ = nullptr;
    QTableWidget* table_ = nullptr;
};

}  // namespace rlhf::widgets
