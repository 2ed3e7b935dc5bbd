// The Chat panel offscreen, as a user drives it: ELIZA from the keyboard (reply and trace), a tiny GPT-2
// beside it streaming from its rlhf-engine child while the window keeps handling events (token
// probabilities on hover, the exchange committed to the project's transcripts), and a blind arena battle
// voted, stored with both conversations, revealed and ranked on the Leaderboard tab with the numbers
// `rlhf arena` computes.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTranslator>
#include <QTreeWidget>

#include "../TinySftProject.h"
#include "arena/Leaderboard.h"
#include "chat/ArenaView.h"
#include "chat/ChatColumnsArea.h"
#include "chat/ChatPanel.h"
#include "chat/ChatView.h"
#include "chat/ElizaChatColumn.h"
#include "chat/GptChatColumn.h"
#include "chat/LeaderboardView.h"
#include "chat/TokenTranscript.h"
#include "data/ArenaFile.h"
#include "data/ChatTranscripts.h"
#include "data/ProjectStore.h"
#include "data/RunStore.h"

using namespace rlhf;
using namespace rlhf::widgets;
namespace fs = std::filesystem;

namespace {

void type(ChatColumnsArea* area, const QString& text) {
    QTest::keyClicks(area->input(), text);
    QTest::keyClick(area->input(), Qt::Key_Return);
}

QPushButton* button(QWidget* parent, const QString& text) {
    for (auto* b : parent->findChildren<QPushButton*>())
        if (b->text() == text) return b;
    return nullptr;
}

}  // namespace

class ChatPanelTest : public QObject {
    Q_OBJECT
    fs::path tmp_;
    test::TinySftProject tiny_;

private slots:
    void initTestCase() {
        qputenv("RLHF_ENGINE", RLHF_ENGINE);
        tmp_ = fs::temp_directory_path() / ("rlhf-chat-panel-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
        tiny_ = test::makeTinySftProject(tmp_);
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void elizaAnswersWithItsTrace() {
        ChatView view;
        view.show();
        auto* eliza = view.findChild<ElizaChatColumn*>();
        QVERIFY(eliza);
        QVERIFY(eliza->transcriptText().contains("HOW DO YOU DO. PLEASE TELL ME YOUR PROBLEM"));
        QCOMPARE(eliza->contestant(), QString("eliza-doctor-1966"));
        type(view.area(), "Men are all alike.");
        QVERIFY(eliza->transcriptText().contains("You: Men are all alike."));
        QVERIFY(eliza->transcriptText().contains("ELIZA: IN WHAT WAY"));
        QVERIFY(view.area()->input()->text().isEmpty());
        auto* trace = eliza->findChild<QTreeWidget*>();
        auto keystackShown = [&] { return trace->findItems("Keystack (top first)", Qt::MatchExactly, 0).value(0)->text(1); };
        QCOMPARE(keystackShown(), QString("ALIKE ARE"));
        type(view.area(), "They're always bugging us about something or other.");
        QVERIFY(eliza->transcriptText().endsWith("ELIZA: CAN YOU THINK OF A SPECIFIC EXAMPLE"));
        QVERIFY(keystackShown() != QString("ALIKE ARE"));
        // Each reply links to its trace: the first reply's link brings the first trace back.
        auto* transcript = eliza->findChild<QTextBrowser*>();
        emit transcript->anchorClicked(QUrl("trace:0"));
        QCOMPARE(keystackShown(), QString("ALIKE ARE"));
        QCOMPARE(eliza->turns().size(), size_t(4));
        QCOMPARE(eliza->turns().back().text, std::string("CAN YOU THINK OF A SPECIFIC EXAMPLE"));
    }

    void blankInputIsIgnoredAndResetStartsAfresh() {
        ChatView view;
        auto* eliza = view.findChild<ElizaChatColumn*>();
        type(view.area(), "   ");
        QCOMPARE(eliza->traceRowCount(), 0);
        type(view.area(), "Bullies.");
        QVERIFY(eliza->transcriptText().contains("I AM NOT SURE I UNDERSTAND YOU FULLY"));
        view.area()->resetConversations();
        QVERIFY(!eliza->transcriptText().contains("Bullies"));
        QVERIFY(eliza->turns().empty());
        type(view.area(), "Bullies.");
        QVERIFY(eliza->transcriptText().contains("I AM NOT SURE I UNDERSTAND YOU FULLY"));
    }

    void aModelStreamsBesideElizaAndTheExchangeIsKept() {
        std::shared_ptr<data::ProjectStore> store = data::ProjectStore::open(tiny_.project.string(), false);
        ChatPanel panel;
        panel.setProject(store);
        panel.show();
        ChatView* view = panel.chatView();
        QVERIFY(!button(view, "Compare stages")->isEnabled());  // no RLHF run in this project
        view->addModel(QString::fromStdString(tiny_.model.string()), "tiny");
        auto* gpt = view->findChild<GptChatColumn*>();
        QVERIFY(gpt);
        gpt->setSampling(1.0, 1.0, 8, true);
        int ticks = 0, ticksWhileWriting = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, [&] {
            ++ticks;
            ticksWhileWriting += view->area()->busy();
        });
        timer.start(5);
        type(view->area(), "Hello there");
        QVERIFY(view->area()->busy());
        QTRY_VERIFY_WITH_TIMEOUT(!view->area()->busy(), 120000);
        QVERIFY2(ticksWhileWriting > 0, "the window handled events while the model was loading and writing");
        QCOMPARE(gpt->contestant(), QString("base"));  // the engine's name for the directory
        QVERIFY(gpt->transcriptText().contains("You: Hello there"));
        QVERIFY(gpt->transcript()->tokenCount() >= 1);
        QVERIFY2(gpt->transcript()->tokenTip(0).contains("p = "), qPrintable(gpt->transcript()->tokenTip(0)));
        QVERIFY(gpt->transcript()->tokenTip(0).contains("The likeliest tokens at this step"));
        QCOMPARE(gpt->turns().size(), size_t(2));
        // Committed when the last column replied: the message, ELIZA's reply and the model's.
        const auto chats = data::ChatTranscripts(store->database()).chats();
        QCOMPARE(chats.size(), size_t(1));
        QCOMPARE(chats[0].title, std::string("eliza-doctor-1966 | base"));
        QCOMPARE(chats[0].messages.size(), size_t(3));
        QCOMPARE(chats[0].messages[0].text, std::string("Hello there"));
        QCOMPARE(chats[0].messages[1].text, std::string("HOW DO YOU DO. PLEASE STATE YOUR PROBLEM"));
        QCOMPARE(chats[0].messages[2].author, std::string("base"));
        QCOMPARE(chats[0].messages[2].text, gpt->turns().back().text);
        QCOMPARE(view->transcriptId(), qint64(chats[0].id));

        // Closing the model while it writes: ELIZA's reply is the exchange, kept in the same transcript.
        type(view->area(), "Tell me more");
        QVERIFY(view->area()->busy());
        view->area()->removeColumn(gpt);
        QVERIFY(!view->area()->busy());
        const auto after = data::ChatTranscripts(store->database()).chats();
        QCOMPARE(after.size(), size_t(1));
        QCOMPARE(after[0].messages.size(), size_t(5));
        QCOMPARE(after[0].messages[4].author, std::string("eliza-doctor-1966"));
    }

    // A model added mid-chat joins the transcript under way: the title names it, and its side starts with
    // the message it first answered.
    void aModelJoiningMidChatContinuesTheTranscript() {
        std::shared_ptr<data::ProjectStore> store = data::ProjectStore::open(tiny_.project.string(), false);
        const size_t before = data::ChatTranscripts(store->database()).chats().size();
        ChatView view;
        view.setProject(store);
        view.show();
        type(view.area(), "I feel sad.");
        QCOMPARE(data::ChatTranscripts(store->database()).chats().size(), before + 1);
        view.addModel(QString::fromStdString(tiny_.model.string()), "tiny");
        auto* gpt = view.findChild<GptChatColumn*>();
        gpt->setSampling(1.0, 1.0, 4, true);
        type(view.area(), "Why?");
        QTRY_VERIFY_WITH_TIMEOUT(!view.area()->busy(), 120000);
        const auto chats = data::ChatTranscripts(store->database()).chats();
        QCOMPARE(chats.size(), before + 1);
        const auto& chat = chats.back();
        QCOMPARE(view.transcriptId(), qint64(chat.id));
        QCOMPARE(chat.title, std::string("eliza-doctor-1966 | base"));
        QCOMPARE(chat.settings, std::string("{\"columns\":[{\"model\":\"eliza-doctor-1966\"},{\"model\":\"base\"}]}"));
        QCOMPARE(chat.messages.size(), size_t(5));
        QCOMPARE(chat.messages[2].text, std::string("Why?"));
        QCOMPARE(chat.messages[4].author, std::string("base"));
        // The model closed and added anew: a new transcript, as "base"'s side would mix two conversations.
        view.area()->removeColumn(gpt);
        view.addModel(QString::fromStdString(tiny_.model.string()), "tiny");
        QTRY_VERIFY(view.findChildren<GptChatColumn*>().size() == 1);
        view.findChild<GptChatColumn*>()->setSampling(1.0, 1.0, 4, true);
        type(view.area(), "And then?");
        QTRY_VERIFY_WITH_TIMEOUT(!view.area()->busy(), 120000);
        QCOMPARE(data::ChatTranscripts(store->database()).chats().size(), before + 2);
        QCOMPARE(data::ChatTranscripts(store->database()).chats().back().messages.size(), size_t(3));
        // A reset starts the next one.
        view.area()->resetConversations();
        type(view.area(), "Hello");
        QTRY_VERIFY_WITH_TIMEOUT(!view.area()->busy(), 120000);
        QCOMPARE(data::ChatTranscripts(store->database()).chats().size(), before + 3);
    }

    // Compare stages, a conversation under way: it asks first; No keeps everything, Yes puts the lineage's
    // models (an SFT run and the DPO run started from it) beside a restarted ELIZA.
    void compareStagesAsksThenRestartsEveryConversation() {
        const fs::path project = tmp_ / "lineage.rlhf";
        auto store = std::shared_ptr<data::ProjectStore>(data::ProjectStore::open(project.string(), true));
        data::RunStore runs(store->database());
        const int64_t sft = runs.createRun("sft", "sft", "{}", 0);
        runs.recordCheckpoint(sft, 1, tiny_.model.string(), "-");
        runs.setStatus(sft, "finished");
        const int64_t dpo = runs.createRun("dpo", "dpo", "{}", 0);
        runs.setParentCheckpoint(dpo, runs.checkpoints(sft).at(0).id);
        runs.recordCheckpoint(dpo, 1, tiny_.model.string(), "-");
        runs.setStatus(dpo, "finished");
        ChatView view;
        view.setProject(store);
        view.show();
        type(view.area(), "Hello");
        auto* eliza = view.findChild<ElizaChatColumn*>();
        QCOMPARE(eliza->turns().size(), size_t(2));
        const auto answerNextQuestion = [](QMessageBox::StandardButton answer, QString* text) {
            QTimer::singleShot(0, [answer, text] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                QVERIFY(box);
                *text = box->text();
                box->button(answer)->click();
            });
        };
        QString asked;
        answerNextQuestion(QMessageBox::No, &asked);
        view.compareStages();
        QVERIFY2(asked.startsWith("Compare stages closes the model columns and starts every conversation afresh"), qPrintable(asked));
        QCOMPARE(view.area()->columns().size(), 1);
        QCOMPARE(eliza->turns().size(), size_t(2));
        answerNextQuestion(QMessageBox::Yes, &asked);
        view.compareStages();
        QCOMPARE(view.area()->columns().size(), 3);
        QVERIFY(eliza->turns().empty());
        QCOMPARE(view.findChildren<GptChatColumn*>().size(), 2);
        QCOMPARE(view.transcriptId(), qint64(0));  // the next exchange starts a new transcript
    }

    // A Llama-family directory (tests/data/tiny-llama/llama3-chat) chats in its own format, which its
    // column's title names.
    void aLlamaDirectoryChatsInItsOwnFormat() {
        ChatView view;
        view.show();
        view.addModel(QString(RLHF_TEST_DATA_DIR) + "/tiny-llama/llama3-chat", "llama3-chat");
        auto* llama = view.findChild<GptChatColumn*>();
        QVERIFY(llama);
        llama->setSampling(1.0, 1.0, 6, true);
        type(view.area(), "Hi!");
        QTRY_VERIFY_WITH_TIMEOUT(!view.area()->busy(), 120000);
        QCOMPARE(llama->contestant(), QString("llama3-chat"));
        QCOMPARE(llama->turns().size(), size_t(2));
        QVERIFY(llama->transcript()->tokenCount() >= 1);
        bool titled = false;
        for (auto* label : llama->findChildren<QLabel*>()) titled |= label->text().contains("context 256 · llama-3");
        QVERIFY2(titled, "the column's title names the chat format");
        // Its format choice, which only a GPT-2's cues follow, shows the template and is disabled.
        QComboBox* format = nullptr;
        for (auto* combo : llama->findChildren<QComboBox*>())
            if (combo->currentText().endsWith(QStringLiteral(" template"))) format = combo;
        QVERIFY(format);
        QCOMPARE(format->currentText(), QStringLiteral("llama-3 template"));
        QCOMPARE(format->count(), 1);
        QVERIFY(!format->isEnabled());
        // The transcripts start level beside ELIZA's (title and script row), however the titles wrap.
        auto* eliza = view.findChild<ElizaChatColumn*>();
        const auto top = [&view](QWidget* w) { return w->mapTo(&view, QPoint(0, 0)).y(); };
        for (int width : {1200, 600}) {
            view.resize(width, 500);
            QTRY_COMPARE(top(llama->transcript()), top(eliza->findChild<QTextBrowser*>()));
        }
    }

    void aBlindArenaVoteIsStoredThenRevealedAndRanked() {
        std::shared_ptr<data::ProjectStore> store = data::ProjectStore::open(tiny_.project.string(), false);
        ChatPanel panel;
        panel.setProject(store);
        panel.show();
        ArenaView* arena = panel.arenaView();
        QCOMPARE(arena->pool(), QStringList{"eliza"});  // no trained runs: ELIZA alone cannot battle
        QVERIFY(!button(arena, "Reset")->isEnabled());   // no battle to restart
        arena->startBattle("eliza", QString::fromStdString(tiny_.model.string()));
        QVERIFY(button(arena, "Reset")->isEnabled());
        auto* eliza = arena->findChild<ElizaChatColumn*>();
        QVERIFY(eliza->transcriptText().isEmpty());  // no greeting gives ELIZA away
        QCOMPARE(eliza->findChild<QTextBrowser*>()->placeholderText(), QString("Model A answers here."));
        QVERIFY(!button(arena, "A is better")->isEnabled());       // nothing to judge yet
        type(arena->area(), "Hello there");
        QTRY_VERIFY_WITH_TIMEOUT(!arena->area()->busy(), 120000);
        QVERIFY(button(arena, "B is better")->isEnabled());
        QTest::mouseClick(button(arena, "B is better"), Qt::LeftButton);
        QVERIFY(!button(arena, "B is better")->isEnabled());  // one vote per battle
        QVERIFY(!arena->area()->input()->isEnabled());
        QVERIFY(!button(arena, "Reset")->isEnabled());  // a voted battle is over
        const auto battles = data::readArenaBattles(store->database());
        QCOMPARE(battles.battles.size(), size_t(1));
        QCOMPARE(battles.models, (std::vector<std::string>{"eliza-doctor-1966", "base"}));
        QVERIFY(battles.battles[0].winner == arena::Winner::B);
        auto q = store->database().prepare("SELECT conversation_a, tstamp FROM arena_battles");
        QVERIFY(q.step());
        const auto conversation = nlohmann::json::parse(q.columnText(0));
        QCOMPARE(conversation[0]["content"], nlohmann::json("Hello there"));
        QCOMPARE(conversation[1]["content"], nlohmann::json("HOW DO YOU DO. PLEASE STATE YOUR PROBLEM"));
        QVERIFY(eliza->transcriptText().startsWith("You: Hello there\nModel A: HOW DO YOU DO"));
        QVERIFY(q.columnDouble(1) > 1.7e9);
        q.reset();
        QVERIFY(arena->findChild<QLabel*>()->text().contains("eliza-doctor-1966"));  // revealed after the vote

        LeaderboardView* board = panel.leaderboardView();
        panel.tabs()->setCurrentWidget(board);
        QSignalSpy refreshed(board, &LeaderboardView::refreshed);
        QVERIFY(refreshed.wait(30000));
        const auto expected = arena::computeLeaderboard(battles.models, battles.battles, 1000, 0);
        QCOMPARE(board->table()->rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            const auto& e = expected.rows[static_cast<size_t>(row)];
            QCOMPARE(board->table()->item(row, 0)->text(), QString::fromStdString(e.model));
            QCOMPARE(board->table()->item(row, 1)->text(), QString::number(e.btRating, 'f', 1));
            QCOMPARE(board->table()->item(row, 3)->text(), QString::number(e.eloOnline, 'f', 1));
            QCOMPARE(board->table()->item(row, 4)->text(), QString("1"));
            // One battle: every resample is that battle, so the interval has no width and is not shown as one.
            QCOMPARE(e.ciLow, e.ciHigh);
            QCOMPARE(board->table()->item(row, 2)->text(), QString("—"));
            QVERIFY(board->table()->item(row, 2)->toolTip().startsWith("The 95 % bootstrap interval has no width at this precision"));
        }
        QCOMPARE(board->table()->item(0, 0)->text(), QString("base"));  // the winner first
        QCOMPARE(board->table()->item(0, 5)->text(), QString("1"));
        QCOMPARE(board->matrixCells(), 2);

        // The vote as a reward-model comparison: the message, the winner's (B's) reply chosen.
        QSignalSpy said(board, &LeaderboardView::statusMessage);
        QTest::mouseClick(button(board, "Votes → comparisons"), Qt::LeftButton);
        QVERIFY(said.wait(30000));
        QVERIFY2(said[0][0].toString().startsWith("1 new comparison"), qPrintable(said[0][0].toString()));
        auto pair = store->database().prepare(
            "SELECT p.text, c.text, r.text FROM comparisons x JOIN prompts p ON p.id = x.prompt_id "
            "JOIN responses c ON c.id = x.chosen_id JOIN responses r ON r.id = x.rejected_id");
        QVERIFY(pair.step());
        QCOMPARE(pair.columnText(0), std::string("\n\nHuman: Hello there\n\nAssistant:"));
        QCOMPARE(QString::fromStdString(pair.columnText(2)), QString("HOW DO YOU DO. PLEASE STATE YOUR PROBLEM"));
        QVERIFY(!pair.step());
    }

    // Battles that resample differently: each model's 95 % interval as `rlhf arena` computes it.
    void theLeaderboardShowsBootstrapIntervals() {
        const fs::path battlesFile = tmp_ / "battles.jsonl";
        {
            std::ofstream out(battlesFile);
            const char* winners[] = {"model_a", "model_a", "model_b", "model_a", "tie", "model_a", "model_b", "model_a"};
            int tstamp = 0;  // identical records would be one battle
            for (const char* w : winners)  // (no raw strings in this file: moc misreads them)
                out << "{\"model_a\": \"A\", \"model_b\": \"B\", \"winner\": \"" << w << "\", \"tstamp\": " << ++tstamp << "}\n";
            out << "{\"model_a\": \"B\", \"model_b\": \"C\", \"winner\": \"model_a\", \"tstamp\": 20}\n"
                << "{\"model_a\": \"C\", \"model_b\": \"B\", \"winner\": \"model_a\", \"tstamp\": 21}\n";
        }
        const fs::path project = tmp_ / "arena.rlhf";
        {
            auto store = data::ProjectStore::open(project.string(), true);
            QCOMPARE(store->importFile(battlesFile.string(), {}).battles, int64_t(10));
        }
        LeaderboardView board;
        QSignalSpy refreshed(&board, &LeaderboardView::refreshed);
        board.setProject(QString::fromStdString(project.string()));
        board.show();
        QVERIFY(refreshed.wait(30000));
        auto store = data::ProjectStore::open(project.string(), false);
        const auto battles = data::readArenaBattles(store->database());
        const auto expected = arena::computeLeaderboard(battles.models, battles.battles, 1000, 0);
        QCOMPARE(board.table()->rowCount(), 3);
        for (int row = 0; row < 3; ++row) {
            const auto& e = expected.rows[static_cast<size_t>(row)];
            QVERIFY(e.ciHigh - e.ciLow > 1);
            QCOMPARE(board.table()->item(row, 0)->text(), QString::fromStdString(e.model));
            QCOMPARE(board.table()->item(row, 2)->text(),
                     QStringLiteral("%1 – %2").arg(QString::number(e.ciLow, 'f', 1), QString::number(e.ciHigh, 'f', 1)));
        }
        // The matrix beside the table where both fit, under it in a narrow window (every column in view).
        auto* splitter = board.findChild<QSplitter*>();
        board.resize(1600, 600);
        QCOMPARE(splitter->orientation(), Qt::Horizontal);
        board.resize(700, 600);
        QCOMPARE(splitter->orientation(), Qt::Vertical);
        QTRY_COMPARE(board.table()->horizontalScrollBar()->maximum(), 0);
    }

    void germanTranslationIsBuiltIn() {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/rlhf_workbench_de.qm")));
        QCoreApplication::installTranslator(&translator);
        ChatPanel panel;
        QVERIFY(button(&panel, QStringLiteral("Senden")));
        QCOMPARE(panel.tabs()->tabText(1), QStringLiteral("Arena"));
        QCoreApplication::removeTranslator(&translator);
    }

    void englishPluralFormsAreBuiltIn() {
        QTranslator english;
        QVERIFY(english.load(QStringLiteral(":/i18n/rlhf_workbench_en.qm")));
        QCOMPARE(english.translate("rlhf::widgets::DatasetPanel", "%n prompt(s) match", nullptr, 1), QStringLiteral("%n prompt matches"));
        QCOMPARE(english.translate("rlhf::widgets::DatasetPanel", "%n prompt(s) match", nullptr, 7), QStringLiteral("%n prompts match"));
    }
};

QTEST_MAIN(ChatPanelTest)
#include "ChatPanelTest.moc"
