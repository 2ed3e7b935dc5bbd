// The ELIZA chat panel driven from the keyboard, offscreen: type, Enter, read reply and trace.
#include <QtTest>

#include <QLineEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QTranslator>
#include <QTreeWidget>

#include "chat/ElizaChatPanel.h"

using rlhf::widgets::ElizaChatPanel;

class ElizaChatPanelTest : public QObject {
    Q_OBJECT

private slots:
    void typingGetsTheReplyAndItsTrace() {
        ElizaChatPanel panel;
        panel.show();
        QVERIFY(panel.transcriptText().contains("HOW DO YOU DO. PLEASE TELL ME YOUR PROBLEM"));
        auto* input = panel.findChild<QLineEdit*>();
        QVERIFY(input);
        QTest::keyClicks(input, "Men are all alike.");
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(panel.transcriptText().contains("You: Men are all alike."));
        QVERIFY(panel.transcriptText().contains("ELIZA: IN WHAT WAY"));
        QVERIFY(input->text().isEmpty());
        auto* trace = panel.findChild<QTreeWidget*>();
        const auto keystack = trace->findItems("Keystack (top first)", Qt::MatchExactly, 0);
        QCOMPARE(keystack.size(), 1);
        QCOMPARE(keystack[0]->text(1), QString("ALIKE ARE"));
        QTest::keyClicks(input, "They're always bugging us about something or other.");
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(panel.transcriptText().endsWith("ELIZA: CAN YOU THINK OF A SPECIFIC EXAMPLE"));
        auto keystackShown = [&] { return trace->findItems("Keystack (top first)", Qt::MatchExactly, 0).value(0)->text(1); };
        QVERIFY(keystackShown() != QString("ALIKE ARE"));
        // Each reply links to its trace: the first reply's link brings the first trace back.
        auto* transcript = panel.findChild<QTextBrowser*>();
        QVERIFY(transcript->toHtml().contains("trace:0") && transcript->toHtml().contains("trace:1"));
        emit transcript->anchorClicked(QUrl("trace:0"));
        QCOMPARE(keystackShown(), QString("ALIKE ARE"));
        emit transcript->anchorClicked(QUrl("trace:1"));
        QVERIFY(keystackShown() != QString("ALIKE ARE"));
    }

    void blankInputIsIgnoredAndRestartResets() {
        ElizaChatPanel panel;
        auto* input = panel.findChild<QLineEdit*>();
        QTest::keyClick(input, Qt::Key_Return);
        QCOMPARE(panel.traceRowCount(), 0);
        QTest::keyClicks(input, "Bullies.");
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(panel.transcriptText().contains("I AM NOT SURE I UNDERSTAND YOU FULLY"));
        panel.restartConversation();
        QVERIFY(!panel.transcriptText().contains("Bullies"));
        QTest::keyClicks(input, "Bullies.");
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(panel.transcriptText().contains("I AM NOT SURE I UNDERSTAND YOU FULLY"));
    }

    void germanTranslationIsBuiltIn() {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/rlhf_workbench_de.qm")));
        QCoreApplication::installTranslator(&translator);
        ElizaChatPanel panel;
        QStringList buttons;
        for (auto* b : panel.findChildren<QPushButton*>()) buttons << b->text();
        QVERIFY2(buttons.contains(QStringLiteral("Senden")), qPrintable(buttons.join(", ")));
        QVERIFY(panel.transcriptText().contains(QStringLiteral("ELIZA:")));
        QCoreApplication::removeTranslator(&translator);
    }

    void englishPluralFormsAreBuiltIn() {
        QTranslator english;
        QVERIFY(english.load(QStringLiteral(":/i18n/rlhf_workbench_en.qm")));
        QCOMPARE(english.translate("rlhf::widgets::DatasetPanel", "%n prompt(s) match", nullptr, 1), QStringLiteral("%n prompt matches"));
        QCOMPARE(english.translate("rlhf::widgets::DatasetPanel", "%n prompt(s) match", nullptr, 7), QStringLiteral("%n prompts match"));
    }
};

QTEST_MAIN(ElizaChatPanelTest)
#include "ElizaChatPanelTest.moc"
