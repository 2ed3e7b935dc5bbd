#include "runs/RunStageViews.h"

#include <fstream>
#include <memory>
#include <sstream>

#include "common/OffThread.h"
#include "common/ProjectQuery.h"
#include "data/ProjectStore.h"
#include "runs/PpoSamplesView.h"
#include "runs/RewardEvaluationView.h"
#include "runs/RunCompareView.h"
#include "runs/RunCurvesView.h"

namespace rlhf::widgets {

namespace {
std::string readWhole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

RunStageViews::RunStageViews(QWidget* parent) : QTabWidget(parent) {
    curves_ = new RunCurvesView(this);
    reward_ = new RewardEvaluationView(this);
    ppo_ = new PpoSamplesView(this);
    compare_ = new RunCompareView(this);
    addTab(curves_, tr("Curves"));
    addTab(reward_, tr("Reward model"));
    addTab(ppo_, tr("PPO samples"));
    addTab(compare_, tr("Compare"));
    setTabEnabled(1, false);
    setTabEnabled(2, false);
    connect(compare_, &RunCompareView::curvesRequested, this, [this] { setCurrentWidget(curves_); });
    connect(reward_, &RewardEvaluationView::showPromptRequested, this, &RunStageViews::showPromptRequested);
}

void RunStageViews::showRun(const RunEntry* run, const QString& projectPath) {
    const bool rm = run && run->row.kind == "rm", ppo = run && run->row.kind == "ppo";
    setTabEnabled(1, rm);
    setTabEnabled(2, ppo);
    if (!isTabEnabled(currentIndex())) setCurrentIndex(0);
    if (!run) {
        shownRun_ = 0;
        return;
    }
    if (run->row.id == shownRun_ && run->row.lastStep == loadedStep_) return;  // nothing new
    shownRun_ = run->row.id;
    loadedStep_ = run->row.lastStep;
    if (rm) loadRewardEvaluation(*run);
    if (ppo) loadPpoSamples(*run, projectPath);
}

void RunStageViews::loadRewardEvaluation(const RunEntry& run) {
    struct Loaded {
        std::vector<EvaluatedPair> pairs;
        QString problem;
    };
    const std::string path = run.directory + "/evaluation.jsonl";
    runOffThread<Loaded>(
        this,
        [path] {
            Loaded l;
            try {
                const std::string text = readWhole(path);
                if (text.empty()) l.problem = tr("No evaluation yet: a reward-model run writes one every eval_every steps when the "
                                                 "project has validation preferences.");
                else l.pairs = parseEvaluation(text);
            } catch (const std::exception& e) {
                l.problem = QString::fromStdString(e.what());
            }
            return l;
        },
        [this, id = run.row.id](Loaded& l) {
            if (id == shownRun_) reward_->showEvaluation(l.pairs, l.problem);
        });
}

void RunStageViews::loadPpoSamples(const RunEntry& run, const QString& projectPath) {
    const std::string path = run.directory + "/samples.jsonl";
    runOffThread<std::vector<PpoSample>>(
        this, [path] { return parsePpoSamples(readWhole(path), 400); },
        [this, id = run.row.id, projectPath](std::vector<PpoSample>& samples) {
            if (id != shownRun_) return;
            auto shown = std::make_shared<std::vector<PpoSample>>(std::move(samples));
            queryProject<std::vector<std::pair<double, double>>>(
                this, projectPath,
                [id](data::ProjectStore& store) {
                    data::RunStore runs(store.database());
                    std::map<int64_t, double> kl;
                    for (const auto& p : runs.metric(id, "objective/kl")) kl[p.step] = p.value;
                    std::vector<std::pair<double, double>> out;
                    for (const auto& p : runs.metric(id, "objective/scores"))
                        if (const auto it = kl.find(p.step); it != kl.end()) out.emplace_back(it->second, p.value);
                    return out;
                },
                [this, id, shown](std::vector<std::pair<double, double>>& points) {
                    if (id == shownRun_) ppo_->showRun(*shown, points);
                });
        });
}

}  // namespace rlhf::widgets
