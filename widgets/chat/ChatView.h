#pragma once
// The Chat panel's first tab: ELIZA and any of the project's models (or a model directory) side by side,
// one input line for all. "Compare stages" puts pretrained / SFT / RLHF of one lineage next to each other.
// Every exchange is committed to the project's transcripts (data/ChatTranscripts) when the last column
// has replied. A column added mid-chat joins the transcript under way (its side starts with the message it
// first answers); a reset, or columns that all start afresh, start a new transcript.

#include <memory>

#include <QList>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QPushButton;

namespace rlhf::data {
class ProjectStore;
}

namespace rlhf::widgets {

class ChatColumn;
class ChatColumnsArea;

class ChatView : public QWidget {
    Q_OBJECT
public:
    explicit ChatView(QWidget* parent = nullptr);

    void setProject(std::shared_ptr<data::ProjectStore> project);
    ChatColumnsArea* area() const { return area_; }
    qint64 transcriptId() const { return chatId_; }  // 0 until the first exchange is recorded

public slots:
    void addEliza();
    void addChosenModel();
    void addModelDirectory();
    void addModel(const QString& model, const QString& label);
    void compareStages();
    void exportTranscripts();

signals:
    void statusMessage(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;  // runs finished meanwhile show up in the model list

private:
    void refreshModels();
    void recordExchange(const QString& message);
    bool anyConversation() const;  // a column has exchanged a message since its last reset

    std::shared_ptr<data::ProjectStore> project_;
    ChatColumnsArea* area_ = nullptr;
    QComboBox* models_ = nullptr;
    QPushButton* addModel_ = nullptr;
    QPushButton* compare_ = nullptr;
    qint64 chatId_ = 0;
    QStringList chatColumns_;  // the contestants of transcript chatId_, in the order they joined
    QList<QPointer<ChatColumn>> chatMembers_;  // the columns that took part in it (closed ones turn null)
};

}  // namespace rlhf::widgets
