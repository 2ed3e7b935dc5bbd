#include "data/RunStore.h"

#include "util/Clock.h"

namespace rlhf::data {

namespace {
const char* kRunColumns =
    "SELECT r.id, r.kind, r.name, r.status, r.message, r.config, r.seed, r.created_at, r.finished_at, "
    // the last step: logged, or checkpointed (a run imported without curves has a checkpoint only)
    "max(coalesce((SELECT max(step) FROM metrics m WHERE m.run_id = r.id), 0), "
    "coalesce((SELECT max(step) FROM checkpoints k WHERE k.run_id = r.id), 0)), "
    "(SELECT path FROM checkpoints c WHERE c.run_id = r.id ORDER BY step DESC LIMIT 1), r.parent_checkpoint_id, "
    "(SELECT run_id FROM checkpoints p WHERE p.id = r.parent_checkpoint_id) FROM runs r ";
const char* kCheckpointColumns = "SELECT id, run_id, step, path, sha256, created_at FROM checkpoints ";

RunRow rowOf(const Statement& q) {
    RunRow r;
    r.id = q.columnInt(0);
    r.kind = q.columnText(1);
    r.name = q.columnText(2);
    r.status = q.columnText(3);
    r.message = q.columnText(4);
    r.config = q.columnText(5);
    r.seed = q.columnInt(6);
    r.createdAt = q.columnDouble(7);
    if (!q.columnIsNull(8)) r.finishedAt = q.columnDouble(8);
    r.lastStep = q.columnInt(9);
    if (!q.columnIsNull(10)) r.lastCheckpoint = q.columnText(10);
    if (!q.columnIsNull(11)) r.parentCheckpointId = q.columnInt(11);
    if (!q.columnIsNull(12)) r.parentRunId = q.columnInt(12);
    return r;
}

CheckpointRow checkpointOf(const Statement& q) {
    return {q.columnInt(0), q.columnInt(1), q.columnInt(2), q.columnText(3), q.columnText(4), q.columnDouble(5)};
}
}  // namespace

int64_t RunStore::createRun(const std::string& kind, const std::string& name, const std::string& configJson, int64_t seed) {
    Transaction tx(db_);
    auto q = db_.prepare("INSERT INTO runs(kind, name, config, status, seed, created_at) VALUES (?1, ?2, ?3, 'running', ?4, ?5)");
    q.bind(1, std::string_view(kind)).bind(2, std::string_view(name)).bind(3, std::string_view(configJson)).bind(4, seed).bind(5, unixSeconds()).run();
    const int64_t id = db_.lastInsertId();
    tx.commit();
    return id;
}

void RunStore::setConfig(int64_t runId, const std::string& configJson) {
    Transaction tx(db_);
    db_.prepare("UPDATE runs SET config = ?1 WHERE id = ?2").bind(1, std::string_view(configJson)).bind(2, runId).run();
    tx.commit();
}

void RunStore::setStatus(int64_t runId, const std::string& status, const std::string& message) {
    Transaction tx(db_);
    auto q = db_.prepare("UPDATE runs SET status = ?1, message = ?2, finished_at = CASE WHEN ?1 IN ('running', 'paused', 'queued') THEN NULL ELSE ?3 END WHERE id = ?4");
    q.bind(1, std::string_view(status)).bind(2, std::string_view(message)).bind(3, unixSeconds()).bind(4, runId).run();
    tx.commit();
}

void RunStore::setParentCheckpoint(int64_t runId, int64_t checkpointId) {
    Transaction tx(db_);
    db_.prepare("UPDATE runs SET parent_checkpoint_id = ?1 WHERE id = ?2").bind(1, checkpointId).bind(2, runId).run();
    tx.commit();
}

void RunStore::insertMetrics(int64_t runId, const std::vector<StepValues>& steps) {
    auto q = db_.prepare("INSERT OR REPLACE INTO metrics(run_id, name, step, value, time) VALUES (?1, ?2, ?3, ?4, ?5)");
    for (const auto& s : steps)
        for (const auto& [name, value] : s.values)
            q.bind(1, runId).bind(2, std::string_view(name)).bind(3, s.step).bind(4, value).bind(5, s.time).run();
}

void RunStore::insertCheckpoint(int64_t runId, int64_t step, const std::string& path, const std::string& sha256) {
    auto q = db_.prepare("INSERT INTO checkpoints(run_id, step, path, sha256, created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    q.bind(1, runId).bind(2, step).bind(3, std::string_view(path)).bind(4, std::string_view(sha256)).bind(5, unixSeconds()).run();
}

void RunStore::recordMetrics(int64_t runId, const std::vector<StepValues>& steps) {
    Transaction tx(db_);
    insertMetrics(runId, steps);
    tx.commit();
}

void RunStore::recordMetrics(int64_t runId, int64_t step, const std::map<std::string, double>& values) {
    recordMetrics(runId, {{step, unixSeconds(), values}});
}

void RunStore::discardAfterStep(int64_t runId, int64_t step) {
    Transaction tx(db_);
    db_.prepare("DELETE FROM metrics WHERE run_id = ?1 AND step > ?2").bind(1, runId).bind(2, step).run();
    db_.prepare("UPDATE runs SET parent_checkpoint_id = NULL WHERE parent_checkpoint_id IN "
                "(SELECT id FROM checkpoints WHERE run_id = ?1 AND step > ?2)").bind(1, runId).bind(2, step).run();
    db_.prepare("DELETE FROM checkpoints WHERE run_id = ?1 AND step > ?2").bind(1, runId).bind(2, step).run();
    tx.commit();
}

void RunStore::recordCheckpoint(int64_t runId, int64_t step, const std::string& path, const std::string& sha256) {
    Transaction tx(db_);
    insertCheckpoint(runId, step, path, sha256);
    tx.commit();
}

int64_t RunStore::addFinishedRun(const FinishedRun& run, const std::function<std::string(int64_t runId)>& placeCheckpoint) {
    Transaction tx(db_);
    const double now = unixSeconds();
    auto q = db_.prepare("INSERT INTO runs(kind, name, config, status, message, seed, created_at, finished_at) "
                         "VALUES (?1, ?2, ?3, 'finished', ?4, 0, ?5, ?5)");
    q.bind(1, std::string_view(run.kind)).bind(2, std::string_view(run.name)).bind(3, std::string_view(run.config));
    q.bind(4, std::string_view(run.message)).bind(5, now).run();
    const int64_t id = db_.lastInsertId();
    insertMetrics(id, run.steps);
    insertCheckpoint(id, run.checkpointStep, placeCheckpoint(id), run.checkpointSha256);
    tx.commit();
    return id;
}

std::vector<RunRow> RunStore::runs() {
    std::vector<RunRow> out;
    auto q = db_.prepare(std::string(kRunColumns) + "ORDER BY r.id");
    while (q.step()) out.push_back(rowOf(q));
    return out;
}

std::optional<RunRow> RunStore::run(int64_t runId) {
    auto q = db_.prepare(std::string(kRunColumns) + "WHERE r.id = ?1");
    q.bind(1, runId);
    if (!q.step()) return std::nullopt;
    return rowOf(q);
}

std::vector<MetricPoint> RunStore::metrics(int64_t runId, int64_t afterStep) {
    std::vector<MetricPoint> out;
    auto q = db_.prepare("SELECT name, step, value, time FROM metrics WHERE run_id = ?1 AND step > ?2 AND value IS NOT NULL ORDER BY name, step");
    q.bind(1, runId).bind(2, afterStep);
    while (q.step()) out.push_back({q.columnText(0), q.columnInt(1), q.columnDouble(2), q.columnDouble(3)});
    return out;
}

std::vector<MetricPoint> RunStore::metric(int64_t runId, const std::string& name) {
    std::vector<MetricPoint> out;
    auto q = db_.prepare("SELECT step, value, time FROM metrics WHERE run_id = ?1 AND name = ?2 AND value IS NOT NULL ORDER BY step");
    q.bind(1, runId).bind(2, std::string_view(name));
    while (q.step()) out.push_back({name, q.columnInt(0), q.columnDouble(1), q.columnDouble(2)});
    return out;
}

std::optional<double> RunStore::latestMetric(int64_t runId, const std::string& name) {
    auto q = db_.prepare("SELECT value FROM metrics WHERE run_id = ?1 AND name = ?2 AND value IS NOT NULL ORDER BY step DESC LIMIT 1");
    q.bind(1, runId).bind(2, std::string_view(name));
    if (!q.step()) return std::nullopt;
    return q.columnDouble(0);
}

std::vector<CheckpointRow> RunStore::checkpoints(int64_t runId) {
    std::vector<CheckpointRow> out;
    auto q = db_.prepare(std::string(kCheckpointColumns) + "WHERE run_id = ?1 ORDER BY step");
    q.bind(1, runId);
    while (q.step()) out.push_back(checkpointOf(q));
    return out;
}

std::optional<CheckpointRow> RunStore::checkpointAt(const std::string& path) {
    auto q = db_.prepare(std::string(kCheckpointColumns) + "WHERE path = ?1 ORDER BY id DESC LIMIT 1");
    q.bind(1, std::string_view(path));
    if (!q.step()) return std::nullopt;
    return checkpointOf(q);
}

void RunStore::deleteCheckpoint(int64_t checkpointId) {
    Transaction tx(db_);
    db_.prepare("UPDATE runs SET parent_checkpoint_id = NULL WHERE parent_checkpoint_id = ?1").bind(1, checkpointId).run();
    db_.prepare("DELETE FROM checkpoints WHERE id = ?1").bind(1, checkpointId).run();
    tx.commit();
}

void RunStore::deleteRun(int64_t runId) {
    Transaction tx(db_);
    db_.prepare("UPDATE runs SET parent_checkpoint_id = NULL WHERE parent_checkpoint_id IN (SELECT id FROM checkpoints WHERE run_id = ?1)")
        .bind(1, runId).run();
    db_.prepare("DELETE FROM metrics WHERE run_id = ?1").bind(1, runId).run();
    db_.prepare("DELETE FROM samples WHERE run_id = ?1").bind(1, runId).run();
    db_.prepare("DELETE FROM checkpoints WHERE run_id = ?1").bind(1, runId).run();
    db_.prepare("DELETE FROM runs WHERE id = ?1").bind(1, runId).run();
    tx.commit();
}

std::string RunStore::directoryOf(const std::string& checkpointsDirectory, int64_t runId, const std::string& kind) {
    return checkpointsDirectory + "/runs/" + std::to_string(runId) + "-" + kind;
}

}  // namespace rlhf::data
