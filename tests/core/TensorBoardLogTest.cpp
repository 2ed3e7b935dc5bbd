// TensorBoard event files as curves (train/TensorBoardLog): the OpenRLHF PPO log written by
// tests/data/trainer-state/make_tfevents.py (TFRecord framing and the Event proto by hand, as torch's
// SummaryWriter writes them) reads back value for value under the workbench's names, new-style tensor
// scalars included and text left out; a record cut short ends the file; a damaged record, a file that is
// no event file and a directory without one are refused, naming the file and the byte; two runs' folders
// are refused, named.
#include <QtTest>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "TestData.h"
#include "train/TensorBoardLog.h"
#include "util/Crc32c.h"

using namespace rlhf;
namespace fs = std::filesystem;

namespace {

const std::string kLog = "trainer-state/openrlhf-ppo";

std::string eventFile() { return train::tensorBoardEventFiles(test::dataPath(kLog)).at(0); }

std::string errorOf(const std::string& path) {
    try {
        train::readTensorBoardLog(path);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

class TensorBoardLogTest : public QObject {
    Q_OBJECT
    fs::path tmp_;

private slots:
    void initTestCase() {
        tmp_ = fs::temp_directory_path() / ("rlhf-tensorboard-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void crc32cCheckValue() {
        const std::string text = "123456789";
        QCOMPARE(crc32c(reinterpret_cast<const unsigned char*>(text.data()), text.size()), 0xE3069283u);
    }

    // Steps 1–3 with OpenRLHF's names mapped (train/reward → objective/scores …), the rest kept; step 4's
    // record was cut short and step 0 holds only the file version.
    void openRlhfCurvesReadBack() {
        const auto log = train::readTensorBoardLog(test::dataPath(kLog));
        QCOMPARE(log.globalStep, int64_t(3));
        QCOMPARE(log.steps.size(), size_t(3));
        QCOMPARE(log.steps.begin()->first, int64_t(1));
        const auto& second = log.steps.at(2);
        QCOMPARE(second.at("objective/scores"), 0.5);
        QCOMPARE(second.at("train/kl"), 0.125);          // a mean per token, not objective/kl's sum
        QCOMPARE(second.at("train/return"), 0.4375);     // not always score − β·KL
        QCOMPARE(second.at("loss/policy_avg"), -0.25);
        QCOMPARE(second.at("loss/value_avg"), 1.0);
        QCOMPARE(second.at("train/ppo_kl"), 0.00390625);  // k1, not approxkl's k2
        QCOMPARE(second.at("policy/clipfrac_avg"), 0.0625);
        QCOMPARE(second.at("response_length"), 10.0);
        QCOMPARE(second.at("lr"), 0.0000095367431640625);
        QCOMPARE(second.at("train/total_length"), 38.0);
        QCOMPARE(second.at("train/timing/generation"), 1.5);  // a tensor scalar's float_val
        QCOMPARE(second.at("train/timing/ppo_train"), 2.25);  // and its double_val
        QVERIFY(!second.count("train/generated_samples"));   // text is no curve
        QCOMPARE(second.size(), size_t(12));
        QCOMPARE(log.steps.at(3).at("lr"), 0.00000476837158203125);
        QCOMPARE(log.steps.at(3).at("objective/scores"), 0.75);
        QCOMPARE(log.guessStage(false), std::string("ppo"));
        QCOMPARE(train::readTensorBoardScalars(eventFile()).size(), size_t(32));  // 3 × 10 + 2 tensor scalars
    }

    void namesOfOtherStages() {
        QCOMPARE(train::openRlhfMetricName("train/loss_mean"), std::string("loss"));
        QCOMPARE(train::openRlhfMetricName("train/gpt_loss"), std::string("train/gpt_loss"));  // one micro-batch's
        QCOMPARE(train::openRlhfMetricName("train/chosen_reward"), std::string("rewards/chosen"));
        QCOMPARE(train::openRlhfMetricName("train/acc_mean"), std::string("rewards/accuracies"));
        QCOMPARE(train::openRlhfMetricName("eval/eval_reward"), std::string("eval/eval_reward"));
    }

    // OpenRLHF writes each launch into its own run_name folder: two are not merged into one curve.
    void twoRunFoldersAreNamed() {
        for (const char* run : {"ppo_1201T10:00", "ppo_1201T11:00"}) {
            fs::create_directories(tmp_ / "board" / run);
            fs::copy_file(eventFile(), tmp_ / "board" / run / "events.out.tfevents.1.host");
        }
        const std::string board = (tmp_ / "board").string();
        QCOMPARE(errorOf(board), board + ": event files of 2 runs; give one folder with --tensorboard:\n  " + board + "/ppo_1201T10:00\n  " +
                                     board + "/ppo_1201T11:00");
        QCOMPARE(train::readTensorBoardLog(board + "/ppo_1201T11:00").globalStep, int64_t(3));
    }

    // A flipped byte inside the second record's Event fails its checksum: the file and the record's offset
    // are named. A text file fails at byte 0; a directory without event files says so.
    void damageIsRefusedWithItsPlace() {
        std::ifstream in(eventFile(), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        uint64_t firstLength = 0;
        std::memcpy(&firstLength, bytes.data(), 8);
        const size_t second = 12 + firstLength + 4;
        bytes[second + 12 + 3] ^= 0x10;
        const fs::path damaged = tmp_ / "damaged" / "events.out.tfevents.1.host";
        fs::create_directories(damaged.parent_path());
        std::ofstream(damaged, std::ios::binary) << bytes;
        QCOMPARE(errorOf(damaged.parent_path().string()),
                 damaged.string() + ": byte " + std::to_string(second) + ": the record fails its CRC-32C (damaged)");
        const fs::path text = tmp_ / "notes.txt";
        std::ofstream(text) << "step,reward\n1,0.25\n";
        QVERIFY(errorOf(text.string()).starts_with(text.string() + ": byte 0: the record's length fails its CRC-32C"));
        fs::create_directories(tmp_ / "empty");
        QCOMPARE(errorOf((tmp_ / "empty").string()), (tmp_ / "empty").string() + ": no TensorBoard event file (events.out.tfevents.*) in it");
    }
};

QTEST_APPLESS_MAIN(TensorBoardLogTest)
#include "TensorBoardLogTest.moc"
