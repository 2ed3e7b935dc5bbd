#pragma once
// Undoable dataset edits for the panel's QUndoStack. Each redo()/undo() is one committed core
// transaction, so what the user sees has already reached the disk.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <QUndoCommand>

#include "data/DatasetEdits.h"

namespace rlhf::data { class ProjectStore; }

namespace rlhf::widgets {

using AfterEdit = std::function<void(int64_t promptId)>;  // refresh views

class EditPromptTextCommand : public QUndoCommand {
public:
    EditPromptTextCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, std::string before,
                          std::string after, AfterEdit refresh);
    void redo() override;
    void undo() override;

private:
    std::shared_ptr<data::ProjectStore> store_;
    int64_t promptId_;
    std::string before_, after_;
    AfterEdit refresh_;
};

class SetTagsCommand : public QUndoCommand {
public:
    SetTagsCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, std::vector<std::string> before,
                   std::vector<std::string> after, AfterEdit refresh);
    void redo() override;
    void undo() override;

private:
    std::shared_ptr<data::ProjectStore> store_;
    int64_t promptId_;
    std::vector<std::string> before_, after_;
    AfterEdit refresh_;
};

class EditResponseTextCommand : public QUndoCommand {
public:
    EditResponseTextCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, int64_t responseId,
                            std::string before, std::string after, AfterEdit refresh);
    void redo() override;
    void undo() override;

private:
    std::shared_ptr<data::ProjectStore> store_;
    int64_t promptId_, responseId_;
    std::string before_, after_;
    AfterEdit refresh_;
};

class AddDemonstrationCommand : public QUndoCommand {
public:
    AddDemonstrationCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, std::string text, AfterEdit refresh);
    void redo() override;
    void undo() override;

private:
    std::shared_ptr<data::ProjectStore> store_;
    int64_t promptId_;
    int64_t responseId_ = -1;
    std::string text_;
    AfterEdit refresh_;
};

class DeletePromptCommand : public QUndoCommand {
public:
    DeletePromptCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, AfterEdit refresh);
    void redo() override;
    void undo() override;

private:
    std::shared_ptr<data::ProjectStore> store_;
    int64_t promptId_;
    data::PromptSnapshot snapshot_;
    AfterEdit refresh_;
};

}  // namespace rlhf::widgets
