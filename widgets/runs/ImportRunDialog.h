#pragma once
// Import run: a run trained elsewhere (TRL or OpenRLHF on a cluster, the job `rlhf export-job` wrote)
// brought into the project's runs, as `rlhf import-run` does: its checkpoint directory, where its curves
// come from (found beside it: trainer_state.json or tensorboard/; a file or folder the user picks; none),
// its stage (guessed from its metrics and weights unless chosen) and its name. The import runs in an
// rlhf-engine child (loading and copying a checkpoint takes seconds to minutes); the dialog stays open
// meanwhile, says what it is doing, and shows the engine's error in place when the import is refused.

#include <QDialog>
#include <QProcess>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace rlhf::widgets {

class ImportRunDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportRunDialog(const QString& projectPath, QWidget* parent = nullptr);
    // Closed with its window while importing, the engine is killed; its staging folder
    // (CHECKPOINTS/import-PID.partial) stays behind.
    ~ImportRunDialog() override;

    // The engine's arguments for what the form says: import-run PROJECT DIR [--state F | --tensorboard D |
    // --no-log] [--stage S] [--name N] --json.
    QStringList engineArguments() const;
    // Tests fill the form this way too.
    void setDirectory(const QString& dir);
    void setCurves(int choice, const QString& path = {});  // a CurvesChoice
    void setStage(const QString& stage);                   // empty: guessed
    void setName(const QString& name);
    QString errorText() const;
    void accept() override;  // starts the import; closes when it has landed
    void reject() override;  // not while importing
    bool importing() const;

    enum CurvesChoice { CurvesFound, CurvesTrainerState, CurvesTensorBoard, CurvesNone };

signals:
    void imported(qint64 runId, const QString& summary);

private:
    void connectForm();
    void showError(const QString& text);
    void browseDirectory();
    void browseCurves();
    void updateState();
    void onFinished(int exitCode, QProcess::ExitStatus status);

    QString projectPath_;
    QLineEdit* directory_;
    QComboBox* curves_;
    QLineEdit* curvesPath_;
    QPushButton* browseDirectory_;
    QPushButton* browseCurves_;
    QComboBox* stage_;
    QLineEdit* name_;
    QLabel* status_;
    QDialogButtonBox* buttons_;
    QProcess process_;
    bool shownError_ = false;  // status_ holds an error, kept until the form changes
};

}  // namespace rlhf::widgets
