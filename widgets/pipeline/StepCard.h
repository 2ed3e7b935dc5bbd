#pragma once
// One step of the Pipeline board: what it is (title and a one-line hint), the data it learns from, its
// newest run (status and key metric), and the action that starts it. Filled by PipelinePanel.

#include <QFrame>

class QLabel;
class QPushButton;

namespace rlhf::widgets {

class StepCard : public QFrame {
    Q_OBJECT
public:
    StepCard(const QString& title, const QString& hint, const QString& actionText, QWidget* parent = nullptr);
    void setData(const QString& text);
    // The newest run's line ("#4 finished · val accuracy 0.91"), empty for none; `done`: it finished.
    void setRun(const QString& text, bool done);
    void setActionEnabled(bool enabled, const QString& whyNot = {});
    QPushButton* actionButton() const { return action_; }
    QString runText() const;

signals:
    void actionTriggered();
    void showRunTriggered();

private:
    QLabel* data_;
    QLabel* run_;
    QPushButton* action_;
    QPushButton* showRun_;
};

}  // namespace rlhf::widgets
