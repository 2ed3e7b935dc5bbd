#include "dataset/DatasetCommands.h"

#include <QCoreApplication>

#include "data/ProjectStore.h"

namespace rlhf::widgets {

EditPromptTextCommand::EditPromptTextCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, std::string before,
                                             std::string after, AfterEdit refresh)
    : store_(std::move(store)), promptId_(promptId), before_(std::move(before)), after_(std::move(after)),
      refresh_(std::move(refresh)) {
    setText(QCoreApplication::translate("DatasetPanel", "Edit prompt %1").arg(promptId));
}
void EditPromptTextCommand::redo() {
    data::DatasetEdits(store_->database()).setPromptText(promptId_, after_);
    refresh_(promptId_);
}
void EditPromptTextCommand::undo() {
    data::DatasetEdits(store_->database()).setPromptText(promptId_, before_);
    refresh_(promptId_);
}

SetTagsCommand::SetTagsCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, std::vector<std::string> before,
                               std::vector<std::string> after, AfterEdit refresh)
    : store_(std::move(store)), promptId_(promptId), before_(std::move(before)), after_(std::move(after)),
      refresh_(std::move(refresh)) {
    setText(QCoreApplication::translate("DatasetPanel", "Tag prompt %1").arg(promptId));
}
void SetTagsCommand::redo() {
    data::DatasetEdits(store_->database()).setTags(promptId_, after_);
    refresh_(promptId_);
}
void SetTagsCommand::undo() {
    data::DatasetEdits(store_->database()).setTags(promptId_, before_);
    refresh_(promptId_);
}

DeletePromptCommand::DeletePromptCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, AfterEdit refresh)
    : store_(std::move(store)), promptId_(promptId), refresh_(std::move(refresh)) {
    setText(QCoreApplication::translate("DatasetPanel", "Delete prompt %1").arg(promptId));
}
void DeletePromptCommand::redo() {
    snapshot_ = data::DatasetEdits(store_->database()).deletePrompt(promptId_);
    refresh_(-1);
}
void DeletePromptCommand::undo() {
    data::DatasetEdits(store_->database()).restorePrompt(snapshot_);
    refresh_(promptId_);
}

}  // namespace rlhf::widgets
