#pragma once
// ELIZA's column of the Chat panel: a conversation with any 1966-syntax script and, below it, the
// trace of a reply — the last one, or any earlier one clicked in the transcript (keywords, keystack, decomposition, reassembly, links, memory, LIMIT) —
// the classroom point is to *see* that ELIZA is rules. ELIZA replies in microseconds, so the engine
// runs on the UI thread (no torch, no I/O).

#include <memory>
#include <vector>

#include "chat/ChatColumn.h"

class QComboBox;
class QLabel;
class QTextBrowser;
class QTreeWidget;

namespace rlhf::eliza {
class ElizaEngine;
struct ElizaTrace;
}

namespace rlhf::widgets {

class ElizaChatColumn : public ChatColumn {
    Q_OBJECT
public:
    explicit ElizaChatColumn(QWidget* parent = nullptr);
    ~ElizaChatColumn() override;

    QString contestant() const override;  // "eliza-" + the script's short name
    void send(const QString& message) override;
    void reset() override;
    QString transcriptText() const override;
    void setAlias(const QString& alias) override;
    int traceRowCount() const;

public slots:
    void loadScriptFile();

private:
    void selectBuiltinScript(int index);
    void startEngine(std::unique_ptr<eliza::ElizaEngine> engine, const QString& title);
    void appendLine(const QString& who, const QString& text, const QString& color);
    void showTrace(size_t index);  // of traces_

    QString speaker() const;  // the name in the transcript: ELIZA, or the arena's alias
    void showHeader();        // the title, and the script and trace unless an alias hides them

    std::unique_ptr<eliza::ElizaEngine> engine_;
    QString scriptTitle_, alias_;
    QWidget* scriptRow_ = nullptr;
    QWidget* traceBox_ = nullptr;
    QLabel* title_ = nullptr;
    QComboBox* scriptChoice_ = nullptr;
    QTextBrowser* transcript_ = nullptr;
    QTreeWidget* trace_ = nullptr;
    QLabel* traceTitle_ = nullptr;
    std::vector<eliza::ElizaTrace> traces_;  // one per reply of this conversation, in order
};

}  // namespace rlhf::widgets
