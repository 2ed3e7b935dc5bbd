#pragma once
// The Agreement view: the numbers `rlhf agreement` prints (same code: data::projectAgreement), a matrix
// plot of labeller-pair Cohen's κ, each labeller's agreement with the others, and the bias views — win
// rate by shown position and chosen-versus-rejected length. Computed off the UI thread on open and when the
// filters (labellers, guideline version) change.

#include <QDialog>

#include "data/LabellingBias.h"
#include "data/Screening.h"
#include "labelling/Agreement.h"

class QComboBox;
class QCustomPlot;
class QLineEdit;
class QLabel;
class QTableWidget;

namespace rlhf::widgets {

class AgreementDialog : public QDialog {
    Q_OBJECT
public:
    AgreementDialog(const QString& projectPath, QWidget* parent = nullptr);

    void showResults(const labelling::AgreementReport& report, const data::LabellingBias& bias,
                     const std::vector<data::ScreeningResult>& screening);
    QString summaryText() const;
    int kappaCells() const { return kappaCells_; }  // coloured cells of the κ matrix (both halves)

signals:
    void computed();

private:
    void compute();
    void plotKappa(const labelling::AgreementReport& report);
    void plotPositions(const data::LabellingBias& bias);

    QString projectPath_;
    QLineEdit* labellerFilter_ = nullptr;
    QComboBox* guidelineFilter_ = nullptr;
    QLabel* summary_ = nullptr;
    QLabel* lengths_ = nullptr;
    QCustomPlot* kappa_ = nullptr;
    QCustomPlot* positions_ = nullptr;
    QTableWidget* labellers_ = nullptr;
    int kappaCells_ = 0;
};

}  // namespace rlhf::widgets
