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

EditResponseTextCommand::EditResponseTextCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, int64_t responseId,
                                                 std::string before, std::string after, AfterEdit refresh)
    : store_(std::move(store)), promptId_(promptId), responseId_(responseId), before_(std::move(before)),
      after_(std::move(after)), refresh_(std::move(refresh)) {
    setText(QCoreApplication::translate("DatasetPanel", "Edit response %1").arg(responseId));
}
void EditResponseTextCommand::redo() {
    data::DatasetEdits(store_->database()).setResponseText(responseId_, after_);
    refresh_(promptId_);
}
void EditResponseTextCommand::undo() {
    data::DatasetEdits(store_->database()).setResponseText(responseId_, before_);
    refresh_(promptId_);
}

AddDemonstrationCommand::AddDemonstrationCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, std::string text,
                                                 AfterEdit refresh)
    : store_(std::move(store)), promptId_(promptId), text_(std::move(text)), refresh_(std::move(refresh)) {
    setText(QCoreApplication::translate("DatasetPanel", "Add demonstration to prompt %1").arg(promptId));
}
void AddDemonstrationCommand::redo() {
    responseId_ = data::DatasetEdits(store_->database()).addDemonstration(promptId_, text_);
    refresh_(promptId_);
}
void AddDemonstrationCommand::undo() {
    data::DatasetEdits(store_->database()).deleteResponse(responseId_);
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
