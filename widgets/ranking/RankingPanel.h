#pragma once
// The Ranking panel (docs/labelling.md): one labeller at a time ranks the project's items side by side,
// blind (no model names; the order shuffled per sitting from a recorded seed), keyboard first. Each
// judgement is committed (its own transaction, fsynced) before the next item shows; Ctrl+Z with no pick
// takes the last judgement back. Beside it: the guidelines in force (markdown, versioned), the pace of
// the sitting, and the Agreement view. A labelling package opens with its labeller fixed.
//
// Candidates come from imports or from models (Candidates…: a child rlhf-engine commits items while the
// labeller ranks); Rounds… shows an evaluation round's win rates.
//
// Threading: the queries here are single indexed lookups and one small transaction per judgement, run on
// the UI thread against the window's connection (docs/benchmarks.md: next item in about a millisecond
// with 100k items); the Agreement view computes off the UI thread.

#include <memory>
#include <vector>

#include <QWidget>

#include "data/LabellingSession.h"

class QComboBox;
class QHBoxLayout;
class QSplitter;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace rlhf::data {
class ProjectStore;
}

namespace rlhf::widgets {

class CandidateGeneration;
class RankingItemView;

class RankingPanel : public QWidget {
    Q_OBJECT
public:
    explicit RankingPanel(QWidget* parent = nullptr);
    ~RankingPanel() override;

    void setProject(std::shared_ptr<data::ProjectStore> project);
    void setLabeller(const QString& name);   // starts a sitting
    RankingItemView* itemView() const { return itemView_; }
    QString emptyText() const;               // what the panel says when it shows no item ('' when it does)
    QString paceText() const;

public slots:
    void editGuidelines();
    void editFlags();
    void showAgreement();
    void createPackage();
    void generateCandidates();   // or, while generating, stop
    void showRounds();

signals:
    void statusMessage(const QString& message);
    void judgementsChanged();

protected:
    void showEvent(QShowEvent* event) override;  // items imported meanwhile show up

private:
    QHBoxLayout* createLabellerBar();
    QHBoxLayout* createTools();
    QSplitter* createBody();
    void showNext(int64_t afterItemId);
    void showEmpty(const QString& text);
    void record(qint64 itemId, const labelling::Judgement& judgement, double seconds);
    void takeBack();
    void refreshLabellers();
    void refreshGuideline();
    void refreshPace();

    std::shared_ptr<data::ProjectStore> project_;
    std::unique_ptr<data::LabellingSession> session_;
    bool packageMode_ = false;
    QComboBox* labeller_ = nullptr;
    QLabel* guidelineVersion_ = nullptr;
    QLabel* pace_ = nullptr;
    QPushButton* guidelinesToggle_ = nullptr;
    QPushButton* candidates_ = nullptr;
    std::vector<QPushButton*> projectOnly_;  // hidden in a labelling package: candidates, rounds, packages, agreement
    CandidateGeneration* generation_ = nullptr;
    QStackedWidget* stack_ = nullptr;
    QLabel* empty_ = nullptr;
    RankingItemView* itemView_ = nullptr;
    QTextBrowser* guideline_ = nullptr;
    QWidget* guidelinePane_ = nullptr;
};

}  // namespace rlhf::widgets
