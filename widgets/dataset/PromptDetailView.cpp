#include "dataset/PromptDetailView.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTextBrowser>
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
    responses_ = new QTextBrowser(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(header_);
    layout->addWidget(text_, 2);
    auto* row = new QHBoxLayout;
    row->addWidget(tags_, 1);
    row->addWidget(save_);
    layout->addLayout(row);
    layout->addWidget(new QLabel(tr("<b>Responses</b>"), this));
    layout->addWidget(responses_, 3);
    connect(save_, &QPushButton::clicked, this, &PromptDetailView::saveText);
    connect(new QShortcut(QKeySequence::Save, this), &QShortcut::activated, this, &PromptDetailView::saveText);
    connect(tags_, &QLineEdit::returnPressed, this, &PromptDetailView::saveTags);
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
    text_->setPlainText(has ? q(detail_->text) : QString());
    tags_->setText(has ? toList(detail_->tags).join(QStringLiteral(", ")) : QString());
    header_->setText(has ? tr("<b>Prompt %1</b> · split %2 · %3").arg(detail_->id).arg(q(detail_->split).isEmpty() ? tr("none") : q(detail_->split), q(detail_->source).toHtmlEscaped())
                         : tr("<b>No prompt selected</b>"));
    responses_->setHtml(has ? responsesHtml() : QString());
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
QString PromptDetailView::responsesHtml() const {
    QString html;
    for (const auto& r : detail_->responses) {
        QString role;
        for (const auto& c : detail_->comparisons) {
            if (c.chosenId == r.id) role = tr(" · <span style='color:#1a7f37'>chosen</span>");
            if (c.rejectedId == r.id && role.isEmpty()) role = tr(" · <span style='color:#b42318'>rejected</span>");
        }
        html += tr("<p><small>#%1 · %2%3</small><br>%4</p>")
                    .arg(r.id)
                    .arg(q(r.origin), role, q(r.text).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    }
    if (detail_->responses.empty()) html = tr("<p><i>No responses yet.</i></p>");
    return html;
}

}  // namespace rlhf::widgets
