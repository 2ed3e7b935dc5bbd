#include "runs/ImportRunDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include "common/EngineVersion.h"
#include "common/FileDialogs.h"

namespace rlhf::widgets {

namespace {

QWidget* withBrowseButton(QLineEdit* edit, QPushButton* browse, QWidget* parent) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return row;
}

}  // namespace

ImportRunDialog::ImportRunDialog(const QString& projectPath, QWidget* parent)
    : QDialog(parent), projectPath_(projectPath), process_(this) {
    setWindowTitle(tr("Import run"));
    directory_ = new QLineEdit(this);
    directory_->setPlaceholderText(tr("e.g. output/checkpoint-500"));
    browseDirectory_ = new QPushButton(tr("Browse…"), this);
    curves_ = new QComboBox(this);
    curves_->addItem(tr("Found beside it (trainer_state.json or tensorboard/)"), CurvesFound);
    curves_->addItem(tr("A trainer_state.json file…"), CurvesTrainerState);
    curves_->addItem(tr("A TensorBoard folder…"), CurvesTensorBoard);
    curves_->addItem(tr("None: the checkpoint alone"), CurvesNone);
    curvesPath_ = new QLineEdit(this);
    curvesPath_->setPlaceholderText(tr("The file or folder of the curves"));
    browseCurves_ = new QPushButton(tr("Browse…"), this);
    stage_ = new QComboBox(this);
    stage_->addItem(tr("From its metrics and weights"), QString());
    for (const char* s : {"pretrain", "sft", "rm", "dpo", "ppo"}) stage_->addItem(QString(s).toUpper(), QString(s));
    name_ = new QLineEdit(this);
    name_->setPlaceholderText(tr("imported DIRECTORY-NAME"));
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("Checkpoint"), withBrowseButton(directory_, browseDirectory_, this));
    form->addRow(tr("Curves"), curves_);
    form->addRow(QString(), withBrowseButton(curvesPath_, browseCurves_, this));
    form->addRow(tr("Stage"), stage_);
    form->addRow(tr("Name"), name_);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("A run trained elsewhere (TRL, OpenRLHF) joins the project's runs with its curves; "
                                "its model files are copied into the project."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(status_);
    layout->addWidget(buttons_);
    setMinimumWidth(560);

    connectForm();
    updateState();
}

ImportRunDialog::~ImportRunDialog() { process_.disconnect(this); }  // ~QProcess must not call back into a dead dialog

void ImportRunDialog::connectForm() {
    connect(browseDirectory_, &QPushButton::clicked, this, &ImportRunDialog::browseDirectory);
    connect(browseCurves_, &QPushButton::clicked, this, &ImportRunDialog::browseCurves);
    const auto formChanged = [this] {
        shownError_ = false;  // the error was about what the form said before
        updateState();
    };
    connect(directory_, &QLineEdit::textChanged, this, formChanged);
    connect(curvesPath_, &QLineEdit::textChanged, this, formChanged);
    connect(name_, &QLineEdit::textChanged, this, formChanged);
    connect(curves_, &QComboBox::currentIndexChanged, this, formChanged);
    connect(stage_, &QComboBox::currentIndexChanged, this, formChanged);
    connect(buttons_, &QDialogButtonBox::accepted, this, &ImportRunDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&process_, &QProcess::finished, this, &ImportRunDialog::onFinished);
    connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) showError(tr("rlhf-engine did not start (%1): %2").arg(enginePath(), process_.errorString()));
    });
}

void ImportRunDialog::showError(const QString& text) {
    shownError_ = true;
    status_->setStyleSheet("color: #b00020");
    status_->setText(text);
    updateState();
}

QStringList ImportRunDialog::engineArguments() const {
    QStringList args{"import-run", projectPath_, directory_->text().trimmed()};
    const int curves = curves_->currentData().toInt();
    if (curves == CurvesTrainerState) args << "--state" << curvesPath_->text().trimmed();
    if (curves == CurvesTensorBoard) args << "--tensorboard" << curvesPath_->text().trimmed();
    if (curves == CurvesNone) args << "--no-log";
    if (const QString stage = stage_->currentData().toString(); !stage.isEmpty()) args << "--stage" << stage;
    if (const QString name = name_->text().trimmed(); !name.isEmpty()) args << "--name" << name;
    return args << "--json";
}

void ImportRunDialog::setDirectory(const QString& dir) { directory_->setText(dir); }

void ImportRunDialog::setCurves(int choice, const QString& path) {
    curves_->setCurrentIndex(curves_->findData(choice));
    curvesPath_->setText(path);
}

void ImportRunDialog::setStage(const QString& stage) { stage_->setCurrentIndex(std::max(0, stage_->findData(stage))); }

void ImportRunDialog::setName(const QString& name) { name_->setText(name); }

QString ImportRunDialog::errorText() const { return status_->text(); }

void ImportRunDialog::browseDirectory() {
    const QString dir = chooseExistingDirectory(this, tr("The run's checkpoint directory (config.json, model.safetensors)"),
                                                          directory_->text());
    if (!dir.isEmpty()) directory_->setText(dir);
}

void ImportRunDialog::browseCurves() {
    const int curves = curves_->currentData().toInt();
    const QString path = curves == CurvesTrainerState
                             ? chooseOpenFileName(this, tr("The Trainer's trainer_state.json"), directory_->text(),
                                                            tr("trainer_state.json (*.json)"))
                             : chooseExistingDirectory(this, tr("The folder of the TensorBoard event files"), directory_->text());
    if (!path.isEmpty()) curvesPath_->setText(path);
}

// What the form lacks is said where Import would go; the curves' path is asked only where it is used.
// A run with no curves needs its stage: nothing else tells it.
void ImportRunDialog::updateState() {
    const int curves = curves_->currentData().toInt();
    const bool pathUsed = curves == CurvesTrainerState || curves == CurvesTensorBoard;
    const bool busy = importing();
    curvesPath_->setEnabled(pathUsed && !busy);
    browseCurves_->setEnabled(pathUsed && !busy);
    browseDirectory_->setEnabled(!busy);
    QString missing;
    if (directory_->text().trimmed().isEmpty()) missing = tr("Choose the run's checkpoint directory.");
    else if (pathUsed && curvesPath_->text().trimmed().isEmpty()) missing = tr("Choose the file or folder of its curves.");
    else if (curves == CurvesNone && stage_->currentData().toString().isEmpty()) missing = tr("Without curves, choose its stage.");
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(missing.isEmpty() && !busy);
    buttons_->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
    for (QWidget* w : std::initializer_list<QWidget*>{directory_, curves_, stage_, name_}) w->setEnabled(!busy);
    if (busy || shownError_) return;
    status_->setStyleSheet(QString());
    status_->setText(missing);
}

bool ImportRunDialog::importing() const { return process_.state() != QProcess::NotRunning; }

// Closing while the engine copies would leave its staging folder: the import ends first.
void ImportRunDialog::reject() {
    if (!importing()) QDialog::reject();
}

void ImportRunDialog::accept() {
    if (importing() || !buttons_->button(QDialogButtonBox::Ok)->isEnabled()) return;
    shownError_ = false;
    status_->setStyleSheet(QString());
    status_->setText(tr("Importing: loading the checkpoint and copying its files into the project…"));
    process_.start(enginePath(), engineArguments());
    updateState();  // before the engine ends: busy
}

void ImportRunDialog::onFinished(int exitCode, QProcess::ExitStatus status) {
    const QByteArray out = process_.readAllStandardOutput(), err = process_.readAllStandardError();
    const auto result = nlohmann::json::parse(out.constData(), nullptr, false);
    if (status == QProcess::NormalExit && exitCode == 0 && result.is_object() && result.contains("run")) {
        const QString summary = tr("Imported run #%1 (%2, %n logged step(s))", nullptr, result.value("steps_logged", 0))
                                    .arg(result.value("run", int64_t(0)))
                                    .arg(QString::fromStdString(result.value("stage", std::string())).toUpper());
        QStringList warnings;  // a log without curves, a directory imported before
        for (const auto& w : result.value("warnings", nlohmann::json::array())) warnings << QString::fromStdString(w.get<std::string>());
        emit imported(result.value("run", int64_t(0)), warnings.isEmpty() ? summary : tr("%1. Note: %2").arg(summary, warnings.join(QStringLiteral("; "))));
        QDialog::accept();
        return;
    }
    QString message = engineErrorMessage(err);
    // The engine's hint names its options; here the same choices are the Curves menu's.
    const QString cliHint = QStringLiteral("(give the Trainer's log with --state FILE, OpenRLHF's TensorBoard folder with --tensorboard DIR, "
                                           "or import the model alone with --no-log)");
    message.replace(cliHint, tr("(choose its trainer_state.json or TensorBoard folder under Curves, or None to import the checkpoint alone)"));
    if (status == QProcess::CrashExit) message = tr("rlhf-engine crashed: %1").arg(message);
    showError(tr("Not imported: %1").arg(message.isEmpty() ? tr("the engine ended with code %1").arg(exitCode) : message));
}

}  // namespace rlhf::widgets
