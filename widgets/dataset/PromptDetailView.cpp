#include "dataset/PromptDetailView.h"

#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace rlhf::widgets {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
QStringList toList(const std::vector<std::string>& v) {
    QStringList out;
    for (const auto& s : v) out << q(s);
    return out;
}
}  // namespace

PromptDetailView::PromptDetailView(QWidget* parent) : QWidget(parent) {
    header_ = new QLabel(this);
    header_->setTextFormat(Qt::RichText);
    text_ = new QPlainTextEdit(this);
    text_->setPlaceholderText(tr("Select a prompt"));
    save_ = new QPushButton(tr("Save prompt"), this);
    save_->setToolTip(tr("Save the edited prompt (Ctrl+S); Ctrl+Z undoes it"));
    tags_ = new QLineEdit(this);
    tags_->setPlaceholderText(tr("Tags, separated by commas — Enter to apply"));
    responses_ = new QListWidget(this);
    responses_->setWordWrap(true);
    responses_->setAlternatingRowColors(true);
    editResponse_ = new QPushButton(tr("Edit response…"), this);
    addDemonstration_ = new QPushButton(tr("Add demonstration…"), this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(header_);
    layout->addWidget(text_, 2);
    auto* row = new QHBoxLayout;
    row->addWidget(tags_, 1);
    row->addWidget(save_);
    layout->addLayout(row);
    auto* responsesRow = new QHBoxLayout;
    responsesRow->addWidget(new QLabel(tr("<b>Responses</b>"), this), 1);
    responsesRow->addWidget(editResponse_);
    responsesRow->addWidget(addDemonstration_);
    layout->addLayout(responsesRow);
    layout->addWidget(responses_, 3);
    connect(save_, &QPushButton::clicked, this, &PromptDetailView::saveText);
    connect(new QShortcut(QKeySequence::Save, this), &QShortcut::activated, this, &PromptDetailView::saveText);
    connect(tags_, &QLineEdit::returnPressed, this, &PromptDetailView::saveTags);
    connect(editResponse_, &QPushButton::clicked, this, &PromptDetailView::askEditResponse);
    connect(responses_, &QListWidget::itemDoubleClicked, this, &PromptDetailView::askEditResponse);
    connect(addDemonstration_, &QPushButton::clicked, this, &PromptDetailView::askAddDemonstration);
    connect(responses_, &QListWidget::currentRowChanged, this, [this](int row) { editResponse_->setEnabled(row >= 0); });
    connect(text_, &QPlainTextEdit::textChanged, this, [this] {
        save_->setEnabled(detail_ && text_->toPlainText() != q(detail_->text));
    });
    show(std::nullopt);
}

void PromptDetailView::show(const std::optional<data::PromptDetail>& detail) {
    detail_ = detail;
    const bool has = detail_.has_value();
    text_->setEnabled(has);
    tags_->setEnabled(has);
    addDemonstration_->setEnabled(has);
    editResponse_->setEnabled(false);
    text_->setPlainText(has ? q(detail_->text) : QString());
    tags_->setText(has ? toList(detail_->tags).join(QStringLiteral(", ")) : QString());
    header_->setText(has ? tr("<b>Prompt %1</b> · split %2 · %3").arg(detail_->id).arg(q(detail_->split).isEmpty() ? tr("none") : q(detail_->split), q(detail_->source).toHtmlEscaped())
                         : tr("<b>No prompt selected</b>"));
    fillResponses();
    save_->setEnabled(false);
}

void PromptDetailView::saveText() {
    if (!detail_ || text_->toPlainText() == q(detail_->text)) return;
    emit promptTextEdited(detail_->id, q(detail_->text), text_->toPlainText());
}

void PromptDetailView::saveTags() {
    if (!detail_) return;
    QStringList after;
    for (const QString& t : tags_->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty() && !after.contains(t.trimmed())) after << t.trimmed();
    after.sort();
    const QStringList before = toList(detail_->tags);
    if (after != before) emit tagsEdited(detail_->id, before, after);
}

// Each response with its origin; a comparison shows which response won.
void PromptDetailView::fillResponses() {
    responses_->clear();
    if (!detail_) return;
    for (const auto& r : detail_->responses) {
        QString role;
        for (const auto& c : detail_->comparisons) {
            if (c.chosenId == r.id) role = tr(" · chosen");
            if (c.rejectedId == r.id && role.isEmpty()) role = tr(" · rejected");
        }
        auto* item = new QListWidgetItem(tr("#%1 · %2%3\n%4").arg(r.id).arg(q(r.origin), role, q(r.text).trimmed()), responses_);
        item->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(r.id));
        if (role == tr(" · chosen")) item->setForeground(QColor(0x1a, 0x5f, 0x2a));
        if (role == tr(" · rejected")) item->setForeground(QColor(0x9a, 0x1b, 0x12));
    }
}

void PromptDetailView::askEditResponse() {
    QListWidgetItem* item = responses_->currentItem();
    if (!detail_ || !item) return;
    const int64_t id = item->data(Qt::UserRole).toLongLong();
    for (const auto& r : detail_->responses) {
        if (r.id != id) continue;
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(this, tr("Edit response #%1").arg(id), tr("Response:"), q(r.text), &ok);
        if (ok) editResponse(id, text);
    }
}

void PromptDetailView::askAddDemonstration() {
    if (!detail_) return;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this, tr("Add demonstration"),
                                                        tr("The response a good assistant would give:"), QString(), &ok);
    if (ok && !text.trimmed().isEmpty()) addDemonstration(text);
}

void PromptDetailView::editResponse(int64_t responseId, const QString& text) {
    if (!detail_) return;
    for (const auto& r : detail_->responses)
        if (r.id == responseId && q(r.text) != text) emit responseTextEdited(responseId, q(r.text), text);
}

void PromptDetailView::addDemonstration(const QString& text) {
    if (detail_) emit demonstrationAdded(detail_->id, text);
}

}  // namespace rlhf::widgets
