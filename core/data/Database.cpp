#include "data/Database.h"

#include <sqlite3.h>

#include <filesystem>
#include <mutex>
#include <set>

namespace rlhf::data {

namespace {
[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    throw StoreError(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}
}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK)
        fail(db, "prepare \"" + std::string(sql.substr(0, 60)) + "\"");
}
Statement::~Statement() { sqlite3_finalize(stmt_); }
Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }

Statement& Statement::bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
}
Statement& Statement::bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
}
Statement& Statement::bind(int i, std::string_view t) {
    sqlite3_bind_text64(stmt_, i, t.data(), t.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}
Statement& Statement::bindStatic(int i, std::string_view t) {
    sqlite3_bind_text64(stmt_, i, t.data(), t.size(), SQLITE_STATIC, SQLITE_UTF8);
    return *this;
}
Statement& Statement::bindNull(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
}
Statement& Statement::bind(int i, const std::optional<std::string>& t) { return t ? bind(i, std::string_view(*t)) : bindNull(i); }
Statement& Statement::bind(int i, const std::optional<double>& v) { return v ? bind(i, *v) : bindNull(i); }

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const std::string message = sqlite3_errmsg(db_);
    sqlite3_reset(stmt_);
    throw StoreError(message);
}
void Statement::run() {
    while (step()) {
    }
    sqlite3_reset(stmt_);
}
void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}
int64_t Statement::columnInt(int c) const { return sqlite3_column_int64(stmt_, c); }
double Statement::columnDouble(int c) const { return sqlite3_column_double(stmt_, c); }
std::string Statement::columnText(int c) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, c))) : std::string();
}
bool Statement::columnIsNull(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
int Statement::columnCount() const { return sqlite3_column_count(stmt_); }
SqlValue Statement::columnValue(int c) const {
    switch (sqlite3_column_type(stmt_, c)) {
    case SQLITE_INTEGER: return columnInt(c);
    case SQLITE_FLOAT: return columnDouble(c);
    case SQLITE_NULL: return std::monostate{};
    default: return columnText(c);
    }
}
Statement& Statement::bind(int i, const SqlValue& v) {
    if (std::holds_alternative<int64_t>(v)) return bind(i, std::get<int64_t>(v));
    if (std::holds_alternative<double>(v)) return bind(i, std::get<double>(v));
    if (std::holds_alternative<std::string>(v)) return bind(i, std::string_view(std::get<std::string>(v)));
    return bindNull(i);
}

void Database::interrupt() { sqlite3_interrupt(db_); }

namespace {

// The files of every Database open in this process (canonical paths, one entry per connection): POSIX
// locks are the process's, so reading any of them as data drops the locks of all its connections. Never
// freed: a connection closed during static destruction (a thread still winding down at exit) finds it.
struct OpenFiles {
    std::mutex mutex;
    std::multiset<std::string> paths;
};
OpenFiles& openFiles() {
    static auto* files = new OpenFiles;
    return *files;
}

std::filesystem::path canonicalOrEmpty(const std::string& path) {
    std::error_code error;
    auto canonical = std::filesystem::weakly_canonical(path, error);
    return error ? std::filesystem::path() : canonical;
}

// `target` is `file` or one of SQLite's side files of it.
bool isFileOrSideFile(const std::filesystem::path& target, const std::string& file) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        if (target == std::filesystem::path(file + suffix)) return true;
    return false;
}

}  // namespace

Database::Database(const std::string& path, bool create) : path_(path) {
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError(path + ": cannot open: " + message);
    }
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    try {
        exec("PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA cache_size=-131072; PRAGMA temp_store=MEMORY;");
    } catch (const StoreError& e) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError(path + ": " + e.what());
    }
    canonicalPath_ = canonicalOrEmpty(path).string();
    std::lock_guard lock(openFiles().mutex);
    openFiles().paths.insert(canonicalPath_);
}

Database::~Database() {
    {
        std::lock_guard lock(openFiles().mutex);
        if (auto it = openFiles().paths.find(canonicalPath_); it != openFiles().paths.end()) openFiles().paths.erase(it);
    }
    sqlite3_close_v2(db_);
}

void Database::exec(std::string_view sql) {
    char* error = nullptr;
    if (const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &error); rc != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errmsg(db_);
        sqlite3_free(error);
        if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) throw BusyError(message);
        throw StoreError(message);
    }
}

void Database::setBusyTimeout(int milliseconds) { sqlite3_busy_timeout(db_, milliseconds); }

int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(db_); }

void Database::refuseOwnFile(const std::string& path) const {
    const auto target = canonicalOrEmpty(path);
    if (!target.empty() && !canonicalPath_.empty() && isFileOrSideFile(target, canonicalPath_))
        throw StoreError(path + ": is this project's own file, not data to import or export (choose another file)");
}

void Database::refuseOpenFile(const std::string& path) {
    const auto target = canonicalOrEmpty(path);
    if (target.empty()) return;
    std::lock_guard lock(openFiles().mutex);
    for (const std::string& file : openFiles().paths)
        if (isFileOrSideFile(target, file))
            throw StoreError(path + ": is an open project's file, not data to read (choose another file)");
}

int64_t Database::queryInt(std::string_view sql) {
    Statement s(db_, sql);
    return s.step() ? s.columnInt(0) : 0;
}

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }
Transaction::~Transaction() {
    if (!done_) {
        try {
            db_.exec("ROLLBACK");
        } catch (...) {
            // nothing more to do: the connection rolls back on close
        }
    }
}
void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

}  // namespace rlhf::data
