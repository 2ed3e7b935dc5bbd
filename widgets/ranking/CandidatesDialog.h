#pragma once
// Which models write candidates for the Ranking panel, and how: the project's runs with a checkpoint
// (or model directories), K samples per prompt (one model) or one response each (several models: an
// evaluation round on held-out prompts), the prompts' split and number, the temperature.

#include <vector>

#include <QDialog>
#include <QStringList>

#include "data/RunStore.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QSpinBox;

namespace rlhf::widgets {

class CandidatesDialog : public QDialog {
    Q_OBJECT
public:
    CandidatesDialog(const std::vector<data::RunRow>& runs, QWidget* parent = nullptr);

    QStringList arguments() const;  // for `rlhf-engine candidates PROJECT …`
    void checkModel(int row);       // for tests: the row-th model
    int modelCount() const;

private:
    QStringList chosenModels() const;
    void explain();

    QListWidget* models_ = nullptr;
    QSpinBox* k_ = nullptr;
    QSpinBox* prompts_ = nullptr;
    QComboBox* split_ = nullptr;
    QDoubleSpinBox* temperature_ = nullptr;
    QLabel* what_ = nullptr;
};

}  // namespace rlhf::widgets
