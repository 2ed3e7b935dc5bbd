#pragma once
// A thin RAII layer over one SQLite connection (core/data only: nothing outside core/data sees SQL).
// One Database per thread; statements are prepared once and reused.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

struct sqlite3;
struct sqlite3_stmt;

namespace rlhf::data {

// One SQL value with its storage class (NULL, INTEGER, REAL, TEXT; BLOBs are not used).
using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;

class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Another connection held the lock past the busy timeout (thrown by exec, e.g. for BEGIN IMMEDIATE).
class BusyError : public StoreError {
public:
    using StoreError::StoreError;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;

    Statement& bind(int index, int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    // Binds without copying: `text` must stay alive and unchanged until the statement is reset.
    Statement& bindStatic(int index, std::string_view text);
    Statement& bindNull(int index);
    Statement& bind(int index, const std::optional<std::string>& text);
    Statement& bind(int index, const std::optional<double>& value);
    bool step();       // true while a row is available
    void run();        // step to completion, then reset
    void reset();      // clears bindings too
    int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    bool columnIsNull(int column) const;
    int columnCount() const;
    SqlValue columnValue(int column) const;
    Statement& bind(int index, const SqlValue& value);

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class Database {
public:
    // Opens (and creates when `create`) the file; WAL, foreign keys on, a 5 s busy timeout.
    Database(const std::string& path, bool create);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);  // one or more statements, no results
    Statement prepare(std::string_view sql) { return Statement(db_, sql); }
    int64_t lastInsertId() const;
    int64_t queryInt(std::string_view sql);  // first column of the first row; 0 when none
    const std::string& path() const { return path_; }
    // Throws StoreError when `path` is this database's file or one of SQLite's side files (-wal, -shm,
    // -journal): an export renamed over it would replace the project with its own export, and reading it
    // as data in this process would drop SQLite's locks on it when the read closes.
    void refuseOwnFile(const std::string& path) const;
    // The same for every Database open in this process: for a reader of files the user picks (an ELIZA
    // script) that has no project at hand. Thread-safe.
    static void refuseOpenFile(const std::string& path);
    sqlite3* handle() const { return db_; }
    // How long a statement waits for another connection's lock before failing (kBusyTimeoutMs from the start).
    static constexpr int kBusyTimeoutMs = 5000;
    void setBusyTimeout(int milliseconds);
    // Makes the statement running on this connection fail soon with "interrupted". The one call that
    // may come from another thread (while the connection is open).
    void interrupt();

private:
    sqlite3* db_ = nullptr;
    std::string path_;
    std::string canonicalPath_;  // path_ resolved, as refuseOpenFile compares it ("" when it cannot be)
};

// BEGIN IMMEDIATE .. COMMIT; rolls back unless commit() was called.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

}  // namespace rlhf::data
