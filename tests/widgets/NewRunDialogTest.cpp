// The New-run dialog's "Start from" menu: each run's checkpoint named as the Runs list names the run, and a
// directory the user chooses, which must have a config.json and tokenizer files and is offered again.
#include <QtTest>

#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <filesystem>

#include "../TinySftProject.h"
#include "data/RunStore.h"
#include "model/MemoryEstimate.h"
#include "runs/NewRunDialog.h"
#include "runs/RunSnapshot.h"

using namespace rlhf;
using namespace rlhf::widgets;
namespace fs = std::filesystem;

class NewRunDialogTest : public QObject {
    Q_OBJECT
    fs::path tmp_, project_, model_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // the dialog's remembered directories under ~/.qttest
        QCoreApplication::setOrganizationName(QStringLiteral("RLHF Workbench test"));
        QCoreApplication::setApplicationName(QStringLiteral("NewRunDialogTest"));
        QSettings().clear();
        tmp_ = fs::temp_directory_path() / ("rlhf-newrun-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
        const auto made = test::makeTinySftProject(tmp_);
        project_ = made.project;
        model_ = made.model;
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    // "Start from" names a run's checkpoint as the Runs list names the run: its architecture and its name too.
    void startFromChoicesNameTheRunAsTheListDoes() {
        RunEntry imported;
        imported.row.id = 9;
        imported.row.kind = "dpo";
        imported.row.name = "from the cluster %1";  // a placeholder in a name stays text
        imported.status = "finished";
        imported.architecture = "llama";
        data::CheckpointRow checkpoint;
        checkpoint.runId = 9;
        checkpoint.step = 120;
        checkpoint.path = "/somewhere/run-9/step-120";
        imported.checkpoints = {checkpoint};
        RunEntry reward = imported;
        reward.row.id = 10;
        reward.row.kind = "rm";
        reward.row.name = "rm";
        reward.checkpoints.front().runId = 10;
        reward.checkpoints.front().path = "/somewhere/run-10/step-120";
        NewRunDialog dialog(QString::fromStdString(project_.string()), {imported, reward}, {});
        const auto offered = [&](const QString& text) {
            QStringList menus;  // the enabled menus that offer `text`: Start from, Reward model
            for (auto* c : dialog.findChildren<QComboBox*>())
                if (c->isEnabled() && c->findText(text) >= 0) menus << c->itemText(c->count() - 1);
            return menus.size();
        };
        dialog.preset("ppo", QString());
        QCOMPARE(offered(QStringLiteral("#9 DPO · Llama — from the cluster %1 · step 120 (finished)")), 1);  // the policy's menu only
        QCOMPARE(offered(QStringLiteral("#10 Reward model · Llama · step 120 (finished)")), 1);  // the reward model's menu only
        // A reward model does not start SFT or DPO; it may start another reward-model run.
        dialog.preset("sft", QString());
        QCOMPARE(offered(QStringLiteral("#10 Reward model · Llama · step 120 (finished)")), 0);
        dialog.preset("rm", QString());
        QCOMPARE(offered(QStringLiteral("#10 Reward model · Llama · step 120 (finished)")), 1);
    }

    // A directory chosen to start from must have a config.json and tokenizer files, said in the dialog
    // before any run is recorded; one that has them becomes the choice.
    void aChosenDirectoryNeedsATokenizer() {
        const fs::path bare = tmp_ / "no-tokenizer";
        fs::create_directories(bare);
        fs::copy_file(model_ / "config.json", bare / "config.json", fs::copy_options::overwrite_existing);
        NewRunDialog dialog(QString::fromStdString(project_.string()), {}, {});
        dialog.preset("sft", QString());
        dialog.show();
        QComboBox* model = nullptr;
        for (auto* c : dialog.findChildren<QComboBox*>())
            if (c->isEnabled() && c->findText(QStringLiteral("Choose a Hugging Face directory…")) >= 0) model = c;
        QVERIFY(model);
        const auto choose = [&](const fs::path& dir) {
            QTimer::singleShot(0, [dir] {
                if (auto* files = qobject_cast<QFileDialog*>(QApplication::activeModalWidget())) {
                    files->selectFile(QString::fromStdString(dir.string()));
                    QMetaObject::invokeMethod(files, "accept");
                }
            });
            const int item = model->findText(QStringLiteral("Choose a Hugging Face directory…"));
            model->setCurrentIndex(item);
            emit model->activated(item);
        };
        const auto shownError = [&] {
            for (auto* label : dialog.findChildren<QLabel*>())
                if (label->text().contains(QStringLiteral("has no "))) return label->text();
            return QString();
        };
        choose(bare);
        QCOMPARE(shownError(), QString("%1 has no tokenizer files (tokenizer.json, tokenizer.model, or vocab.json and merges.txt): "
                                       "a run could not read its data with it.").arg(QString::fromStdString(bare.string())));
        QVERIFY(model->currentData().toString() != QString::fromStdString(bare.string()));
        for (const char* name : {"vocab.json", "merges.txt"})
            fs::copy_file(model_ / name, bare / name, fs::copy_options::overwrite_existing);
        choose(bare);
        QCOMPARE(shownError(), QString());
        QCOMPARE(model->currentData().toString(), QString::fromStdString(bare.string()));
        // The next New-run dialog offers it again, without browsing.
        NewRunDialog next(QString::fromStdString(project_.string()), {}, {});
        next.preset("sft", QString());
        int offered = 0;
        for (auto* c : next.findChildren<QComboBox*>()) offered += c->findData(QString::fromStdString(bare.string())) >= 0;
        QCOMPARE(offered, 2);  // the model and the reward model menus
    }

    // Before Start, what the run needs before its activations: 16 bytes a parameter for SFT (weights,
    // gradients, AdamW's two moments), 2 more under bf16 autocast; PPO adds its frozen reference and reward
    // model. Nothing for pretraining, whose model the settings describe.
    void theMemoryARunNeedsIsShown() {
        RunEntry sft;
        sft.row.id = 3;
        sft.row.kind = "sft";
        sft.status = "finished";
        data::CheckpointRow checkpoint;
        checkpoint.runId = 3;
        checkpoint.step = 4;
        checkpoint.path = model_.string();
        sft.checkpoints = {checkpoint};
        RunEntry reward = sft;
        reward.row.id = 4;
        reward.row.kind = "rm";
        reward.checkpoints.front().runId = 4;
        NewRunDialog dialog(QString::fromStdString(project_.string()), {sft, reward}, {});
        auto* memory = dialog.findChild<QLabel*>(QStringLiteral("memoryEstimate"));
        QVERIFY(memory);
        dialog.preset("sft", QString::fromStdString(model_.string()));
        QTRY_VERIFY(!memory->text().isEmpty());
        const double P = model::modelShapeOf(model_.string()).parameters;
        const auto gib = [](double bytes) { return QString::fromStdString(model::gibibytes(bytes)); };
        QVERIFY2(memory->text().startsWith(QString("Memory: about %1 before activations (weights, gradients, optimizer state)").arg(gib(16 * P))),
                 qPrintable(memory->text()));
        QVERIFY(memory->text().endsWith(QStringLiteral(" free.")));
        for (auto* c : dialog.findChildren<QComboBox*>())
            if (c->findText(QStringLiteral("bf16")) >= 0) c->setCurrentText(QStringLiteral("bf16"));
        QVERIFY2(memory->text().startsWith(QString("Memory: about %1 before activations (weights, gradients, optimizer state, bf16 copies)")
                                               .arg(gib(18 * P))),
                 qPrintable(memory->text()));
        dialog.preset("ppo", QString());
        QVERIFY2(memory->text().contains(QStringLiteral(", frozen models)")), qPrintable(memory->text()));
        // The engine checks the host's memory only: on a GPU the need is said, not compared.
        for (auto* c : dialog.findChildren<QComboBox*>())
            if (c->findText(QStringLiteral("cuda")) >= 0) c->setCurrentText(QStringLiteral("cuda"));
        QVERIFY2(memory->text().endsWith(QStringLiteral("; the engine does not check a GPU's memory.")), qPrintable(memory->text()));
        dialog.preset("pretrain", QString());
        QVERIFY(memory->isHidden());
    }

};

QTEST_MAIN(NewRunDialogTest)
#include "NewRunDialogTest.moc"
