#pragma once
// The right side of the Dataset panel: one prompt, editable, with its tags, responses and comparisons.
// Emits requests; the panel turns them into undoable commands.

#include <optional>
#include <string>
#include <vector>

#include <QWidget>

#include "data/DatasetQueries.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QListWidget;
class QPushButton;

namespace rlhf::widgets {

class PromptDetailView : public QWidget {
    Q_OBJECT
public:
    explicit PromptDetailView(QWidget* parent = nullptr);
    void show(const std::optional<data::PromptDetail>& detail);
    int64_t promptId() const { return detail_ ? detail_->id : -1; }
    const std::optional<data::PromptDetail>& detail() const { return detail_; }

public slots:
    // What the buttons do after their text dialog; public so they can be driven without a modal dialog.
    void editResponse(int64_t responseId, const QString& text);
    void addDemonstration(const QString& text);

signals:
    void promptTextEdited(int64_t promptId, const QString& before, const QString& after);
    void tagsEdited(int64_t promptId, const QStringList& before, const QStringList& after);
    void responseTextEdited(int64_t responseId, const QString& before, const QString& after);
    void demonstrationAdded(int64_t promptId, const QString& text);

private:
    void saveText();
    void saveTags();
    void fillResponses();
    void askEditResponse();
    void askAddDemonstration();

    std::optional<data::PromptDetail> detail_;
    QLabel* header_ = nullptr;
    QPlainTextEdit* text_ = nullptr;
    QPushButton* save_ = nullptr;
    QLineEdit* tags_ = nullptr;
    QListWidget* responses_ = nullptr;
    QPushButton* editResponse_ = nullptr;
    QPushButton* addDemonstration_ = nullptr;
};

}  // namespace rlhf::widgets
