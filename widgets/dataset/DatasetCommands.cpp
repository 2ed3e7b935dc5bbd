#include "dataset/DatasetCommands.h"

#include <QCoreApplication>

#include "data/ProjectStore.h"

namespace rlhf::widgets {

namespace {
// `text` is marked with QT_TRANSLATE_NOOP at each call, so lupdate still finds it.
// `text` is marked with QT_TRANSLATE_NOOP where it is written, so lupdate still finds it.
QString label(const char* text, int64_t id) { return QCoreApplication::translate("DatasetPanel", text).arg(id); }
}  // namespace

DatasetCommand::DatasetCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, const QString& text,
                               AfterEdit refresh)
    : store_(std::move(store)), promptId_(promptId), refresh_(std::move(refresh)) {
    setText(text);
}

data::DatasetEdits DatasetCommand::edits() const { return data::DatasetEdits(store_->database()); }

QUndoCommand* editPromptTextCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, std::string before,
                                    std::string after, AfterEdit refresh) {
    const QString text = label(QT_TRANSLATE_NOOP("DatasetPanel", "Edit prompt %1"), promptId);
    return new SetValueCommand<std::string>(
        std::move(store), promptId, text, std::move(before), std::move(after),
        [promptId](data::DatasetEdits& e, const std::string& text) { e.setPromptText(promptId, text); }, std::move(refresh));
}

QUndoCommand* setTagsCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, std::vector<std::string> before,
                             std::vector<std::string> after, AfterEdit refresh) {
    const QString text = label(QT_TRANSLATE_NOOP("DatasetPanel", "Tag prompt %1"), promptId);
    return new SetValueCommand<std::vector<std::string>>(
        std::move(store), promptId, text, std::move(before), std::move(after),
        [promptId](data::DatasetEdits& e, const std::vector<std::string>& tags) { e.setTags(promptId, tags); },
        std::move(refresh));
}

QUndoCommand* editResponseTextCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, int64_t responseId,
                                      std::string before, std::string after, AfterEdit refresh) {
    const QString text = label(QT_TRANSLATE_NOOP("DatasetPanel", "Edit response %1"), responseId);
    return new SetValueCommand<std::string>(
        std::move(store), promptId, text, std::move(before), std::move(after),
        [responseId](data::DatasetEdits& e, const std::string& text) { e.setResponseText(responseId, text); },
        std::move(refresh));
}

AddDemonstrationCommand::AddDemonstrationCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, std::string text,
                                                 AfterEdit refresh)
    : DatasetCommand(std::move(store), promptId,
                     label(QT_TRANSLATE_NOOP("DatasetPanel", "Add demonstration to prompt %1"), promptId), std::move(refresh)),
      text_(std::move(text)) {}
void AddDemonstrationCommand::redo() {
    responseId_ = edits().addDemonstration(promptId(), text_);
    refresh(promptId());
}
void AddDemonstrationCommand::undo() {
    edits().deleteResponse(responseId_);
    refresh(promptId());
}

AddPromptCommand::AddPromptCommand(std::shared_ptr<data::ProjectStore> store, std::string text, AfterEdit refresh)
    : store_(std::move(store)), text_(std::move(text)), refresh_(std::move(refresh)) {
    setText(QCoreApplication::translate("DatasetPanel", "New prompt"));
}
void AddPromptCommand::redo() {
    data::DatasetEdits edits(store_->database());
    if (removed_) edits.restorePrompt(*removed_);
    else promptId_ = edits.addPrompt(text_);
    refresh_(promptId_);
}
void AddPromptCommand::undo() {
    removed_ = data::DatasetEdits(store_->database()).deletePrompt(promptId_);
    refresh_(-1);
}

MergePromptsCommand::MergePromptsCommand(std::shared_ptr<data::ProjectStore> store, int64_t keep, std::vector<int64_t> others,
                                         AfterEdit refresh)
    : DatasetCommand(std::move(store), keep, label(QT_TRANSLATE_NOOP("DatasetPanel", "Merge near-duplicates into prompt %1"), keep),
                     std::move(refresh)),
      others_(std::move(others)) {}
void MergePromptsCommand::redo() {
    merge_ = edits().mergePrompts(promptId(), others_);
    refresh(promptId());
}
void MergePromptsCommand::undo() {
    edits().unmergePrompts(merge_);
    refresh(promptId());
}

DeletePromptCommand::DeletePromptCommand(std::shared_ptr<data::ProjectStore> store, int64_t promptId, AfterEdit refresh)
    : DatasetCommand(std::move(store), promptId, label(QT_TRANSLATE_NOOP("DatasetPanel", "Delete prompt %1"), promptId),
                     std::move(refresh)) {}
void DeletePromptCommand::redo() {
    snapshot_ = edits().deletePrompt(promptId());
    refresh(-1);
}
void DeletePromptCommand::undo() {
    edits().restorePrompt(snapshot_);
    refresh(promptId());
}

}  // namespace rlhf::widgets
