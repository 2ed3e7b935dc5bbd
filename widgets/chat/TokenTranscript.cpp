#include "chat/TokenTranscript.h"

#include <QHelpEvent>
#include <QScrollBar>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QToolTip>

namespace rlhf::widgets {

namespace {

QString visible(const QString& token) {  // a token's text as a tooltip shows it: spaces and newlines made visible
    QString t = token;
    t.replace(QLatin1Char('\n'), QStringLiteral("↵"));
    return QStringLiteral("“%1”").arg(t.toHtmlEscaped());
}

// Likely tokens plain (an invalid colour: no background); the less likely, the warmer the shade.
QColor shadeOf(double p) {
    if (p >= 0.5) return {};
    if (p >= 0.2) return QColor(0xff, 0xf3, 0xc4);
    if (p >= 0.05) return QColor(0xff, 0xd9, 0xa8);
    return QColor(0xff, 0xb4, 0xa0);
}

}  // namespace

TokenTranscript::TokenTranscript(QWidget* parent) : QTextBrowser(parent) {
    setOpenLinks(false);
    setMouseTracking(true);
}

// Inserted as text with an anchor format, not as HTML: HTML would drop a token's leading space.
void TokenTranscript::appendToken(const QString& text, const QTextCharFormat& format) {
    QScrollBar* bar = verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;  // follow the reply unless the reader scrolled up
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text, format);
    if (atEnd) bar->setValue(bar->maximum());
}

void TokenTranscript::addMessage(const QString& who, const QString& text, const QString& color) {
    append(QStringLiteral("<p><b style='color:%1'>%2:</b> %3</p>").arg(color, who, text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
}

void TokenTranscript::beginReply(const QString& who, const QString& color) {
    append(QStringLiteral("<p><b style='color:%1'>%2:</b></p>").arg(color, who));
}

void TokenTranscript::addToken(const QString& text, double probability, const QList<TokenAlternative>& alternatives) {
    const int index = static_cast<int>(tokens_.size());
    tokens_.push_back({text, probability, alternatives});
    QTextCharFormat format;
    format.setAnchor(true);
    format.setAnchorHref(QStringLiteral("token:%1").arg(index));
    format.setForeground(QColor(0x20, 0x20, 0x20));
    if (const QColor shade = shadeOf(probability); shade.isValid()) format.setBackground(shade);
    QString shown = text;
    shown.replace(QLatin1Char('\n'), QChar::LineSeparator);  // a line break inside the reply's paragraph
    appendToken(shown, format);
}

void TokenTranscript::addNote(const QString& text) {
    append(QStringLiteral("<p style='color:gray'><i>%1</i></p>").arg(text.toHtmlEscaped()));
}

void TokenTranscript::clearConversation() {
    clear();
    tokens_.clear();
}

QString TokenTranscript::tokenTip(int index) const {
    if (index < 0 || index >= tokenCount()) return {};
    const Token& t = tokens_[static_cast<size_t>(index)];
    QString tip = tr("<b>%1</b> — the model gave it p = %2").arg(visible(t.text)).arg(t.probability, 0, 'f', 3);
    if (!t.alternatives.isEmpty()) tip += QStringLiteral("<br>") + tr("The likeliest tokens at this step:");
    for (const auto& a : t.alternatives) tip += QStringLiteral("<br>&nbsp;&nbsp;%1 &nbsp;%2").arg(visible(a.text)).arg(a.probability, 0, 'f', 3);
    return tip;
}

bool TokenTranscript::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString anchor = anchorAt(help->pos());
        if (anchor.startsWith(QLatin1String("token:"))) QToolTip::showText(help->globalPos(), tokenTip(anchor.mid(6).toInt()), this);
        else QToolTip::hideText();
        return true;
    }
    return QTextBrowser::viewportEvent(event);
}

}  // namespace rlhf::widgets
