#pragma once
// A PPO run while it trains: its latest rollouts (RUN/samples.jsonl: prompt, response, score, KL to the
// reference, length; newest first), and the reward/KL trade-off, mean score against mean KL per step.

#include <cstdint>
#include <string>
#include <vector>

#include <QWidget>

class QCustomPlot;
class QLabel;
class QTableWidget;

namespace rlhf::widgets {

struct PpoSample {
    int64_t step = 0;
    std::string prompt, response;
    double score = 0, kl = 0, length = 0;
};

// Lines of RUN/samples.jsonl, the last `keep` of them; lines that do not parse are skipped (the file grows
// while it is read: its last line may be cut).
std::vector<PpoSample> parsePpoSamples(const std::string& jsonLines, size_t keep);

class PpoSamplesView : public QWidget {
    Q_OBJECT
public:
    explicit PpoSamplesView(QWidget* parent = nullptr);
    // Samples oldest first; trade-off points (KL, score) in step order.
    void showRun(const std::vector<PpoSample>& samples, const std::vector<std::pair<double, double>>& klAndScore);

private:
    QLabel* summary_ = nullptr;
    QTableWidget* table_ = nullptr;
    QCustomPlot* tradeOff_ = nullptr;
};

}  // namespace rlhf::widgets
