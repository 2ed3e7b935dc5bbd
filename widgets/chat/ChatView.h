#pragma once
// The Chat panel's first tab: ELIZA and any of the project's models (or a model directory) side by side,
// one input line for all. "Compare stages" puts pretrained / SFT / RLHF of one lineage next to each other.
// Every exchange is committed to the project's transcripts (data/ChatTranscripts) when the last column
// has replied; a new set of columns or a reset starts a new transcript.

#include <memory>

#include <QWidget>

class QComboBox;
class QPushButton;

namespace rlhf::data {
class ProjectStore;
}

namespace rlhf::widgets {

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

    std::shared_ptr<data::ProjectStore> project_;
    ChatColumnsArea* area_ = nullptr;
    QComboBox* models_ = nullptr;
    QPushButton* addModel_ = nullptr;
    QPushButton* compare_ = nullptr;
    qint64 chatId_ = 0;
};

}  // namespace rlhf::widgets
