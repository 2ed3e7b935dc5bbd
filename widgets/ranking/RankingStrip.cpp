#include "ranking/RankingStrip.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>

#include "ranking/CandidateColumn.h"

namespace rlhf::widgets {

namespace {

// A group of the strip (or the empty slot after it) that takes dropped candidates.
class DropSlot : public QLabel {
public:
    DropSlot(const QString& text, std::function<void(int)> onDrop, QWidget* parent) : QLabel(text, parent), onDrop_(std::move(onDrop)) {
        setAcceptDrops(true);
        setFrameShape(QFrame::StyledPanel);
        setMargin(4);
    }

protected:
    void dragEnterEvent(QDragEnterEvent* event) override {
        if (event->mimeData()->hasFormat(CandidateColumn::kMimeType)) event->acceptProposedAction();
    }
    void dropEvent(QDropEvent* event) override {
        onDrop_(event->mimeData()->data(CandidateColumn::kMimeType).toInt());
        event->acceptProposedAction();
    }

private:
    std::function<void(int)> onDrop_;
};

}  // namespace

RankingStrip::RankingStrip(QWidget* parent) : QWidget(parent) {
    layout_ = new QHBoxLayout(this);
    layout_->setContentsMargins(0, 0, 0, 0);
}

void RankingStrip::setGroups(const std::vector<std::vector<int>>& groups, int candidates, bool allBad) {
    while (QLayoutItem* item = layout_->takeAt(0)) {
        if (QWidget* w = item->widget()) {  // later: a slot's own drop handler may be what called this
            w->hide();
            w->deleteLater();
        }
        delete item;
    }
    layout_->addWidget(new QLabel(tr("Ranking:"), this));
    QStringList parts;
    if (allBad) {
        text_ = tr("all bad / not rankable");
        layout_->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(text_), this));
        layout_->addStretch();
        return;
    }
    int ranked = 0;
    for (size_t g = 0; g < groups.size(); ++g) {
        QStringList letters;
        for (int p : groups[g]) letters << CandidateColumn::letter(p);
        ranked += static_cast<int>(groups[g].size());
        parts << letters.join(QStringLiteral(" = "));
        if (g > 0) layout_->addWidget(new QLabel(QStringLiteral(">"), this));
        const int group = static_cast<int>(g);
        layout_->addWidget(new DropSlot(QStringLiteral("<b>%1</b>").arg(parts.back()), [this, group](int p) { emit dropped(p, group); }, this));
    }
    text_ = parts.join(QStringLiteral(" > "));
    if (ranked < candidates) {
        const int next = static_cast<int>(groups.size());
        layout_->addWidget(new DropSlot(groups.empty() ? tr("press 1–%1 for the best, or drop it here").arg(candidates)
                                                       : tr("next (%n left)", nullptr, candidates - ranked),
                                        [this, next](int p) { emit dropped(p, next); }, this));
    }
    layout_->addStretch();
}

}  // namespace rlhf::widgets
