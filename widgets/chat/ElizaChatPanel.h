#pragma once
// The ELIZA half of the Chat panel: a conversation with any 1966-syntax script and, beside it, the
// trace of a reply — the last one, or any earlier one clicked in the transcript (keywords, keystack, decomposition, reassembly, links, memory, LIMIT) —
// the classroom point is to *see* that ELIZA is rules. ELIZA replies in microseconds, so the engine
// runs on the UI thread (no torch, no I/O).

#include <memory>
#include <vector>

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace rlhf::eliza {
class ElizaEngine;
struct ElizaTrace;
}

namespace rlhf::widgets {

class ElizaChatPanel : public QWidget {
    Q_OBJECT
public:
    explicit ElizaChatPanel(QWidget* parent = nullptr);
    ~ElizaChatPanel() override;

    QString transcriptText() const;  // for tests and copying
    int traceRowCount() const;

public slots:
    void sendInput();
    void restartConversation();
    void loadScriptFile();

signals:
    void statusMessage(const QString& message);

private:
    void selectBuiltinScript(int index);
    void startEngine(std::unique_ptr<eliza::ElizaEngine> engine, const QString& title);
    void appendLine(const QString& who, const QString& text, const QString& color);
    void showTrace(size_t index);  // of traces_

    std::unique_ptr<eliza::ElizaEngine> engine_;
    QComboBox* scriptChoice_ = nullptr;
    QTextBrowser* transcript_ = nullptr;
    QLineEdit* input_ = nullptr;
    QPushButton* send_ = nullptr;
    QTreeWidget* trace_ = nullptr;
    QLabel* traceTitle_ = nullptr;
    std::vector<eliza::ElizaTrace> traces_;  // one per reply of this conversation, in order
};

}  // namespace rlhf::widgets
