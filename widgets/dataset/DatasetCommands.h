#pragma once
// Undoable dataset edits for the panel's QUndoStack. Each redo()/undo() is one committed core
// transaction, so what the user sees has already reached the disk; then the panel refreshes.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QUndoCommand>

#include "data/DatasetEdits.h"

namespace rlhf::data { class ProjectStore; }

namespace rlhf::widgets {

using AfterEdit = std::function<void(int64_t promptId)>;  // refresh views

// What every dataset command holds: the project, the prompt it concerns and the refresh to run.
class DatasetCommand : public QUndoCommand {
protected:
    DatasetCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, const QString& text, AfterEdit refresh);
    data::DatasetEdits edits() const;
    void refresh(int64_t promptId) const { refresh_(promptId); }
    int64_t promptId() const { return promptId_; }

private:
    std::shared_ptr<data::ProjectStore> store_;
    int64_t promptId_;
    AfterEdit refresh_;
};

// Sets one stored value to `after` (redo) or back to `before` (undo) with `set`.
template <typename T>
class SetValueCommand : public DatasetCommand {
public:
    using Setter = std::function<void(data::DatasetEdits&, const T&)>;
    SetValueCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, const QString& text, T before, T after,
                    Setter set, AfterEdit refresh)
        : DatasetCommand(std::move(store), promptId, text, std::move(refresh)), before_(std::move(before)),
          after_(std::move(after)), set_(std::move(set)) {}
    void redo() override { apply(after_); }
    void undo() override { apply(before_); }

private:
    void apply(const T& value) {
        data::DatasetEdits e = edits();
        set_(e, value);
        refresh(promptId());
    }
    T before_, after_;
    Setter set_;
};

QUndoCommand* editPromptTextCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, std::string before,
                                    std::string after, AfterEdit refresh);
QUndoCommand* setTagsCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, std::vector<std::string> before,
                             std::vector<std::string> after, AfterEdit refresh);
QUndoCommand* editResponseTextCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, int64_t responseId,
                                      std::string before, std::string after, AfterEdit refresh);

class AddDemonstrationCommand : public DatasetCommand {
public:
    AddDemonstrationCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, std::string text, AfterEdit refresh);
    void redo() override;
    void undo() override;

private:
    int64_t responseId_ = -1;
    std::string text_;
};

// A new prompt typed in (source "manual"); undo deletes it, redo puts it back with the same id.
class AddPromptCommand : public QUndoCommand {
public:
    AddPromptCommand(std::shared_ptr<data::ProjectStore> store, std::string text, AfterEdit refresh);
    void redo() override;
    void undo() override;
    int64_t promptId() const { return promptId_; }

private:
    std::shared_ptr<data::ProjectStore> store_;
    std::string text_;
    AfterEdit refresh_;
    int64_t promptId_ = -1;
    std::optional<data::PromptSnapshot> removed_;  // after an undo
};

// Near-duplicate prompts merged into one: their responses, comparisons, rankings and tags move to the
// kept prompt and they are deleted; undo puts them back with the same ids.
class MergePromptsCommand : public DatasetCommand {
public:
    MergePromptsCommand(std::shared_ptr<data::ProjectStore> store, int64_t keep, std::vector<int64_t> others, AfterEdit refresh);
    void redo() override;
    void undo() override;

private:
    std::vector<int64_t> others_;
    data::PromptMerge merge_;
};

class DeletePromptCommand : public DatasetCommand {
public:
    DeletePromptCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, AfterEdit refresh);
    void redo() override;
    void undo() override;

private:
    data::PromptSnapshot snapshot_;
};

}  // namespace rlhf::widgets
