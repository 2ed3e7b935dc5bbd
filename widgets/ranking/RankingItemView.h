#pragma once
// The item being ranked: the prompt, its candidates side by side in one scroll area (they scroll
// together), the ranking strip, flags and a rationale. Keyboard first: 1–9 picks the candidate shown at
// that position as the next best, T ties the last pick with the one before, B marks the item all bad
// (again: unmarks), F opens the flags, Enter submits, Ctrl+Z takes back the last pick — or, with none,
// asks for the last judgement back (takeBackRequested). Submitting emits the judgement; the panel
// commits it and shows the next item.

#include <string>
#include <vector>

#include <QElapsedTimer>
#include <QWidget>

#include "data/LabellingSession.h"
#include "labelling/Judgement.h"
#include "labelling/RankingDraft.h"

class QCheckBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QScrollArea;

namespace rlhf::widgets {

class CandidateColumn;
class RankingStrip;

class RankingItemView : public QWidget {
    Q_OBJECT
public:
    explicit RankingItemView(QWidget* parent = nullptr);

    void showItem(const data::ShownItem& item, const std::vector<std::string>& flags);
    void clearItem();
    bool hasItem() const { return item_.item.id != 0; }
    qint64 itemId() const { return item_.item.id; }
    const data::ShownItem& shownItem() const { return item_; }
    double secondsOnItem() const { return shownFor_.elapsed() / 1000.0; }
    QString rankingText() const;           // as the strip shows it
    QStringList checkedFlags() const;

public slots:
    void pickPosition(int position);
    void tieWithPrevious();
    void toggleAllBad();
    void openFlags();
    void submit();
    void undo();
    void setDiffHighlight(bool on);

signals:
    void judgementReady(qint64 itemId, const labelling::Judgement& judgement, double seconds);
    void takeBackRequested();
    void statusMessage(const QString& message);

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void refresh();
    void fillColumns();
    void moveToGroup(int position, int group);

    data::ShownItem item_;
    labelling::RankingDraft draft_;      // in the item's indexes
    bool allBad_ = false, diff_ = false;
    QLabel* prompt_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    QWidget* columnsHost_ = nullptr;
    QHBoxLayout* columnsLayout_ = nullptr;
    std::vector<CandidateColumn*> columns_;  // by shown position
    RankingStrip* strip_ = nullptr;
    QMenu* flagsMenu_ = nullptr;
    QPushButton* flagsButton_ = nullptr;
    QLabel* flagsShown_ = nullptr;
    QLineEdit* rationale_ = nullptr;
    QPushButton* submit_ = nullptr;
    QCheckBox* diffBox_ = nullptr;
    QElapsedTimer shownFor_;
};

}  // namespace rlhf::widgets
