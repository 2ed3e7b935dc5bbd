// The Ranking panel driven with QTest key events offscreen: a whole sitting — picks, a tie, submit, the
// next item at once, Ctrl+Z taking a judgement back, all bad, flags and a rationale — each judgement
// read back through a second connection (committed before the next item showed); the empty states; and
// the Agreement view showing the numbers `rlhf agreement` computes.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include <QAction>
#include <QLineEdit>
#include <QMenu>

#include "data/ProjectAgreement.h"
#include "data/ProjectStore.h"
#include "data/RankingStore.h"
#include "ranking/AgreementDialog.h"
#include "ranking/RankingItemView.h"
#include "ranking/RankingPanel.h"

using namespace rlhf;
using namespace rlhf::widgets;
namespace fs = std::filesystem;

namespace {

const char* kItems = R"({"prompt": "What sound does a cow make?", "responses": ["Moo.", "Woof.", "It says moo!"]}
{"prompt": "What colour is grass?", "responses": ["Green.", "Blue.", "Grass is green.", "Red."]}
{"prompt": "Opposite of hot?", "responses": ["Cold.", "Warm."]}
)";

}  // namespace

class RankingPanelTest : public QObject {
    Q_OBJECT
    fs::path tmp_;
    std::shared_ptr<data::ProjectStore> store_;

    std::optional<labelling::Judgement> judgementOnDisk(int64_t item, const std::string& labeller) {
        auto other = data::ProjectStore::open(store_->path(), false);  // a second connection: sees committed data only
        return data::RankingStore(other->database()).judgementOf(item, labeller);
    }

private slots:
    void initTestCase() {
        tmp_ = fs::temp_directory_path() / ("rlhf-ranking-panel-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
        QCoreApplication::setOrganizationName(QStringLiteral("rlhf-ranking-panel-test"));
        std::ofstream(tmp_ / "items.jsonl") << kItems;
        store_ = data::ProjectStore::open((tmp_ / "p.rlhf").string(), true);
        store_->importFile((tmp_ / "items.jsonl").string(), {});
    }
    void cleanupTestCase() {
        store_.reset();
        fs::remove_all(tmp_);
    }

    void aWholeSittingAtTheKeyboard() {
        RankingPanel panel;
        panel.resize(1100, 700);
        panel.show();
        panel.setProject(store_);
        panel.setLabeller(QStringLiteral("ana"));
        RankingItemView* view = panel.itemView();
        QVERIFY(panel.emptyText().isEmpty());
        QCOMPARE(view->itemId(), qint64(1));
        const auto first = view->shownItem();
        QTest::keyClick(view, Qt::Key_2);
        QTest::keyClick(view, Qt::Key_1);
        QTest::keyClick(view, Qt::Key_T);
        QCOMPARE(view->rankingText(), QStringLiteral("B = A"));
        QTest::keyClick(view, Qt::Key_Return);  // the third is ranked last on its own
        QCOMPARE(view->itemId(), qint64(2));    // the next item is there at once …
        const auto stored = judgementOnDisk(1, "ana");  // … and the judgement was committed before it showed
        QVERIFY(stored);
        std::vector<int> best = {first.order[0], first.order[1]};
        std::sort(best.begin(), best.end());
        QCOMPARE(stored->ranking, (std::vector<std::vector<int>>{best, {first.order[2]}}));
        QCOMPARE(stored->shown, first.shown());
        QVERIFY(stored->secondsTaken.has_value());

        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);  // no pick yet: takes the last judgement back
        QCOMPARE(view->itemId(), qint64(1));
        QVERIFY(!judgementOnDisk(1, "ana"));
        QTest::keyClick(view, Qt::Key_3);
        QTest::keyClick(view, Qt::Key_1);
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);  // a pick back
        QCOMPARE(view->rankingText(), QString(QStringLiteral("C")));
        QTest::keyClick(view, Qt::Key_2);
        QTest::keyClick(view, Qt::Key_Enter);
        QCOMPARE(judgementOnDisk(1, "ana")->ranking,
                 (std::vector<std::vector<int>>{{first.order[2]}, {first.order[1]}, {first.order[0]}}));

        QCOMPARE(view->itemId(), qint64(2));
        QTest::keyClick(view, Qt::Key_B);
        QCOMPARE(view->rankingText(), QStringLiteral("all bad / not rankable"));
        QTest::keyClick(view, Qt::Key_Return);
        QVERIFY(judgementOnDisk(2, "ana")->unrankable);

        QCOMPARE(view->itemId(), qint64(3));
        view->findChild<QMenu*>()->actions().at(1)->setChecked(true);  // "hallucination"
        QTest::keyClick(view, Qt::Key_1);
        auto* rationale = view->findChild<QLineEdit*>();
        QTest::keyClicks(rationale, QStringLiteral("shorter is better 2"));  // digits typed here are text, not picks
        QTest::keyClick(rationale, Qt::Key_Return);
        const auto third = judgementOnDisk(3, "ana");
        QCOMPARE(third->flags, std::vector<std::string>{"hallucination"});
        QCOMPARE(third->rationale, std::string("shorter is better 2"));
        QVERIFY(panel.emptyText().contains(QStringLiteral("has judged every item")));
        QVERIFY2(panel.paceText().startsWith(QStringLiteral("3 judged in all · this sitting: 3 items")), qPrintable(panel.paceText()));
    }

    void anotherLabellerStartsFromTheFirstItem() {
        RankingPanel panel;
        panel.setProject(store_);
        panel.setLabeller(QStringLiteral("bo"));
        QCOMPARE(panel.itemView()->itemId(), qint64(1));
        panel.setLabeller(QString());
        QVERIFY(panel.emptyText().contains(QStringLiteral("Who is labelling?")));
    }

    void anEmptyProjectSaysHowToGetItems() {
        RankingPanel panel;
        auto empty = std::shared_ptr<data::ProjectStore>(data::ProjectStore::open((tmp_ / "empty.rlhf").string(), true));
        panel.setProject(empty);
        panel.setLabeller(QStringLiteral("ana"));
        QVERIFY(panel.emptyText().contains(QStringLiteral("no items to rank yet")));
    }

    void theAgreementViewShowsTheCommandLinesNumbers() {
        std::ofstream(tmp_ / "others.jsonl")
            << R"({"prompt": "What sound does a cow make?", "responses": ["Moo.", "Woof.", "It says moo!"], "ranking": [[2], [0], [1]], "labeller": "cy"})" "\n"
            << R"({"prompt": "What sound does a cow make?", "responses": ["Moo.", "Woof.", "It says moo!"], "ranking": [[2], [1], [0]], "labeller": "dee"})" "\n"
            << R"({"prompt": "Opposite of hot?", "responses": ["Cold.", "Warm."], "ranking": [[0], [1]], "labeller": "cy"})" "\n";
        store_->importFile((tmp_ / "others.jsonl").string(), {});
        const auto expected = data::projectAgreement(store_->database());
        AgreementDialog dialog(QString::fromStdString(store_->path()));
        QSignalSpy computed(&dialog, &AgreementDialog::computed);
        QVERIFY(computed.wait(10000));
        QVERIFY(dialog.summaryText().contains(QStringLiteral("<b>%1 units</b>").arg(expected.units)));
        QVERIFY(dialog.summaryText().contains(QStringLiteral("percent agreement <b>%1</b>").arg(*expected.percentAgreement, 0, 'f', 3)));
        int withKappa = 0;
        for (const auto& k : expected.cohenKappa) withKappa += k.kappa.has_value();
        QVERIFY(withKappa > 0);
        QCOMPARE(dialog.kappaCells(), 2 * withKappa);
    }
};

QTEST_MAIN(RankingPanelTest)
#include "RankingPanelTest.moc"
