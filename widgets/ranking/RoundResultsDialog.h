#pragma once
// An evaluation round's result, as InstructGPT's figure 1 shows it: each model's win rate against the
// baseline with its 95 % interval, from the labellers' blind rankings (data/EvaluationRounds; the same
// numbers as `rlhf round`). Read off the UI thread.

#include <QDialog>

#include "data/EvaluationRounds.h"

class QComboBox;
class QCustomPlot;
class QLabel;

namespace rlhf::widgets {

class RoundResultsDialog : public QDialog {
    Q_OBJECT
public:
    RoundResultsDialog(const QString& projectPath, QWidget* parent = nullptr);

    void showResults(const data::RoundResults& results);
    QString summaryText() const;
    int barCount() const { return bars_; }

signals:
    void computed();

private:
    void load(const QString& round, const QString& baseline);

    QString projectPath_;
    QComboBox* round_ = nullptr;
    QComboBox* baseline_ = nullptr;
    QLabel* summary_ = nullptr;
    QCustomPlot* plot_ = nullptr;
    int bars_ = 0;
    bool filling_ = false;
};

}  // namespace rlhf::widgets
