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
class QPushButton;
class QTextBrowser;

namespace rlhf::widgets {

class PromptDetailView : public QWidget {
    Q_OBJECT
public:
    explicit PromptDetailView(QWidget* parent = nullptr);
    void show(const std::optional<data::PromptDetail>& detail);
    int64_t promptId() const { return detail_ ? detail_->id : -1; }
    const std::optional<data::PromptDetail>& detail() const { return detail_; }

signals:
    void promptTextEdited(int64_t promptId, const QString& before, const QString& after);
    void tagsEdited(int64_t promptId, const QStringList& before, const QStringList& after);

private:
    void saveText();
    void saveTags();
    QString responsesHtml() const;

    std::optional<data::PromptDetail> detail_;
    QLabel* header_ = nullptr;
    QPlainTextEdit* text_ = nullptr;
    QPushButton* save_ = nullptr;
    QLineEdit* tags_ = nullptr;
    QTextBrowser* responses_ = nullptr;
};

}  // namespace rlhf::widgets
