#pragma once
// The Chat panel's Leaderboard tab: the arena's numbers exactly as `rlhf arena` computes them
// (arena/Leaderboard: Bradley–Terry rating with its bootstrap interval, online Elo, battles, wins, losses,
// ties; 1000 resamples, seed 0), and the win-rate matrix as a plot (row model's share of its battles
// against the column model, ties half). Computed off the UI thread: bootstrapping many battles takes time.

#include <QWidget>

#include "arena/Leaderboard.h"

class QCustomPlot;
class QLabel;
class QSplitter;
class QPushButton;
class QTableWidget;

namespace rlhf::data {
class ProjectStore;
}

namespace rlhf::widgets {

class LeaderboardView : public QWidget {
    Q_OBJECT
public:
    explicit LeaderboardView(QWidget* parent = nullptr);

    void setProject(const QString& projectPath);
    QTableWidget* table() const { return table_; }
    int matrixCells() const { return matrixCells_; }  // labelled cells of the plot (pairs that met, both ways)

public slots:
    void refresh();
    void addVotesAsComparisons();  // on a worker; reports through statusMessage

signals:
    void refreshed();
    void statusMessage(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Results {
        arena::Leaderboard board;
        std::vector<std::string> models;  // in the matrix's order
        std::vector<std::vector<double>> winRates;
        std::vector<std::vector<int>> met;
    };
    static Results readResults(data::ProjectStore& store);
    void showResults(const Results& r);
    void plotMatrix(const Results& r);
    void arrangeSideBySideOrStacked(bool resizeParts);  // resizeParts: size the parts anew even if the arrangement stays

    QString projectPath_;
    QLabel* summary_ = nullptr;
    QPushButton* toComparisons_ = nullptr;
    QTableWidget* table_ = nullptr;
    QCustomPlot* matrix_ = nullptr;
    QSplitter* splitter_ = nullptr;  // the table and the matrix: side by side where both fit, else stacked
    int matrixCells_ = 0;
    int generation_ = 0;  // of the newest refresh
};

}  // namespace rlhf::widgets
