#pragma once
// One candidate response in the Ranking panel, at its shown position (A, B, …; key 1, 2, …): its text
// (markdown, or words marked where it differs from the first candidate), long texts collapsed, its rank
// badge, an optional 1–7 rating. Blinded: nothing says which model wrote it. Clicking picks it; dragging
// it onto the ranking strip places it.

#include <optional>
#include <string>
#include <vector>

#include <QFrame>

#include "labelling/WordDiff.h"

class QComboBox;
class QLabel;
class QPushButton;

namespace rlhf::widgets {

class CandidateColumn : public QFrame {
    Q_OBJECT
public:
    static constexpr const char* kMimeType = "application/x-rlhf-candidate";

    CandidateColumn(int position, QWidget* parent = nullptr);

    // `diffShown` false: the text as markdown; true: `diff`'s words as plain text, changed ones marked (the
    // reference candidate too, unmarked, so no candidate looks different for its rendering alone).
    void setText(const QString& text, const std::vector<labelling::DiffWord>& diff, bool diffShown);
    void setRank(int rank, bool tied, bool allBad);
    std::optional<int> rating() const;
    void clearRating();
    int position() const { return position_; }
    static QString letter(int position);

signals:
    void picked(int position);
    void ratingChosen();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void showText();

    int position_;
    QLabel* title_ = nullptr;
    QLabel* badge_ = nullptr;
    QLabel* body_ = nullptr;
    QPushButton* more_ = nullptr;
    QComboBox* rating_ = nullptr;
    QString text_;
    std::vector<labelling::DiffWord> diff_;
    bool expanded_ = false, diffShown_ = false;
    QPoint pressedAt_;
};

}  // namespace rlhf::widgets
