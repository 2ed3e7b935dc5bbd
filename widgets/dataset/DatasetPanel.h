#pragma once
// The Dataset panel: every prompt of the project with its demonstrations and comparisons. Search
// (FTS5) and filters (split, tag, demonstrations, labelled) above a lazily loaded table; the selected
// prompt on the right, editable; undo/redo for edits, tags and deletes; import and export run on a
// worker thread with a progress dialog and cancel; a statistics view with histograms.

#include <array>
#include <memory>

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QUndoStack;

namespace rlhf::data { class ProjectStore; }

namespace rlhf::widgets {

class PromptDetailView;
class PromptTableModel;

class DatasetPanel : public QWidget {
    Q_OBJECT
public:
    explicit DatasetPanel(QWidget* parent = nullptr);
    ~DatasetPanel() override;

    void setProject(std::shared_ptr<data::ProjectStore> project);
    QUndoStack* undoStack() const { return undo_; }
    PromptTableModel* model() const { return model_; }

public slots:
    void importFile(const QString& path = {});
    // Without a format, asks for the format and split first; an empty split exports every split.
    void exportFile(const QString& path = {}, const QString& format = {}, const QString& split = {});
    void newPrompt(const QString& text = {});  // without text, asks for it; undoable
    void showStatistics();
    void showNearDuplicates();
    void showPrompt(int64_t promptId);  // clears the filters when the prompt is hidden by them
    void deleteSelectedPrompt();
    void deletePrompts(const QList<qint64>& promptIds);  // one undoable step
    void mergePrompts(qint64 keep, const QList<qint64>& others);  // one undoable step
    void refreshAfterImport();  // new rows, new sources

signals:
    void statusMessage(const QString& message);
    void importFinished(const QString& summary);  // also after failures (summary = the error)

private:
    QWidget* createFilterBar();
    void applyFilters();
    void refreshChoices();  // tags and sources in the filter boxes
    void showSelected();
    void afterEdit(int64_t promptId);         // reloads, then selectWhenLoaded(promptId)
    void selectWhenLoaded(int64_t promptId);  // shows it now, selects its row once loaded
    void selectPendingPrompt();
    void updateCount();
    void updateEmptyHint();
    // The filter combo boxes; index 0 of each means "no filter".
    std::array<QComboBox*, 5> filterBoxes() const { return {split_, tag_, source_, demonstrations_, labelled_}; }

    // A prompt to select when its row arrives, and how many pages may be fetched to reach it.
    static constexpr int kPagesToFindPrompt = 20;  // 10,000 rows
    int64_t pendingPrompt_ = -1;
    int pendingPages_ = 0;

    std::shared_ptr<data::ProjectStore> project_;
    PromptTableModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    PromptDetailView* detail_ = nullptr;
    QLineEdit* search_ = nullptr;
    QComboBox* split_ = nullptr;
    QComboBox* tag_ = nullptr;
    QComboBox* source_ = nullptr;
    QComboBox* demonstrations_ = nullptr;
    QComboBox* labelled_ = nullptr;
    QLabel* count_ = nullptr;
    QLabel* emptyHint_ = nullptr;
    QTimer* searchDelay_ = nullptr;
    QUndoStack* undo_ = nullptr;
};

}  // namespace rlhf::widgets
