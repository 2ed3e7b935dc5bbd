#include "runs/RunComparison.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "data/RunStore.h"
#include "model/MemoryEstimate.h"

namespace rlhf::widgets {

namespace {

void readShape(ComparedRun& run) {
    if (run.checkpoint.empty()) return;
    try {
        const model::ModelShape m = model::modelShapeOf(run.checkpoint);
        run.family = m.family;
        run.parameters = m.parameters;
        run.shape = std::to_string(m.layers) + " × " + std::to_string(m.hidden) +
                    (m.family == "mamba" ? " · state " + std::to_string(m.stateSize) : " · " + std::to_string(m.heads) + " heads");
    } catch (const std::exception&) {
        run.family.clear();  // a checkpoint deleted or unreadable: the row says so
    }
}

void readMetrics(ComparedRun& run, data::RunStore& runs) {
    std::vector<double> speeds;
    std::map<std::string, std::pair<int64_t, double>> last;  // name -> (step, value)
    for (const auto& p : runs.metrics(run.id, -1)) {
        if (p.name == "tokens_per_s") speeds.push_back(p.value);
        auto& l = last[p.name];
        if (p.step >= l.first) l = {p.step, p.value};
        run.steps = std::max(run.steps, p.step);
    }
    if (!speeds.empty()) {
        std::nth_element(speeds.begin(), speeds.begin() + static_cast<long>(speeds.size() / 2), speeds.end());
        run.tokensPerSecond = speeds[speeds.size() / 2];
    }
    if (last.count("loss")) run.loss = last["loss"].second;
    if (last.count("val_loss")) run.valLoss = last["val_loss"].second;
}

}  // namespace

std::vector<ComparedRun> compareRuns(data::ProjectStore& store, const std::vector<std::tuple<int64_t, std::string, std::string>>& runs) {
    data::RunStore runStore(store.database());
    std::vector<ComparedRun> out;
    for (const auto& [id, kind, checkpoint] : runs) {
        ComparedRun run;
        run.id = id;
        run.kind = kind;
        run.checkpoint = checkpoint;
        readShape(run);
        readMetrics(run, runStore);
        out.push_back(std::move(run));
    }
    return out;
}

std::string parameterText(double n) {
    char text[32];
    if (n >= 1e9) std::snprintf(text, sizeof text, "%.3g G", n / 1e9);
    else if (n >= 1e6) std::snprintf(text, sizeof text, "%.3g M", n / 1e6);
    else if (n >= 1e3) std::snprintf(text, sizeof text, "%.3g k", n / 1e3);
    else std::snprintf(text, sizeof text, "%.0f", n);
    return text;
}

}  // namespace rlhf::widgets
