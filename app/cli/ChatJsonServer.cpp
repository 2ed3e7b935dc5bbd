#include "ChatJsonServer.h"

#include <condition_variable>
#include <deque>
#include <iostream>
#include <limits>
#include <mutex>
#include <set>
#include <thread>
#include <type_traits>
#include <utility>

#include <nlohmann/json.hpp>

#include "CliSupport.h"

namespace rlhf::cli {

namespace {

using nlohmann::json;

// A request line, parsed once by the reader: its value, or why it is not JSON.
struct Request {
    json value;
    std::string parseError;
};

// stdin's lines for the main thread; "stop" lines are acted on at once instead. A stop names the request
// it ends ({"op": "stop", "id": N}; without an id: the one being answered), so one that arrives before its
// request is taken still ends it, and one that arrives after its reply is done ends nothing else.
class RequestQueue {
public:
    explicit RequestQueue(std::atomic<bool>& cancel) : cancel_(cancel), reader_([this] { read(); }) {}
    ~RequestQueue() { reader_.detach(); }  // blocked in getline until stdin closes; the process is ending

    // The next request; false once stdin has ended and every request was taken.
    bool next(Request& request) {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return !requests_.empty() || ended_; });
        if (requests_.empty()) return false;
        request = std::move(requests_.front());
        requests_.pop_front();
        current_ = idOf(request.value);
        cancel_ = !current_.is_null() && stopsAhead_.erase(current_.dump()) > 0;
        return true;
    }

    void done() {
        std::lock_guard lock(mutex_);
        current_ = nullptr;
        cancel_ = false;
    }

private:
    static json idOf(const json& request) { return request.is_object() ? request.value("id", json()) : json(); }

    // "request line N is not JSON: column C: what went wrong", from nlohmann's "[json.exception.parse_error.101]
    // parse error at line 1, column C: …" (its line is always 1: one request per line).
    static std::string notJson(size_t lineNumber, const std::string& what) {
        const size_t column = what.find("column ");
        return "request line " + std::to_string(lineNumber) + " is not JSON: " + (column == std::string::npos ? what : what.substr(column));
    }

    void read() {
        size_t lineNumber = 0;
        for (std::string line; std::getline(std::cin, line);) {
            ++lineNumber;
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            Request request;
            try {
                request.value = json::parse(line);
            } catch (const json::parse_error& e) {
                request.parseError = notJson(lineNumber, e.what());
            }
            std::lock_guard lock(mutex_);
            const json& v = request.value;
            if (v.is_object() && v.contains("op") && v["op"] == "stop") stop(idOf(v));
            else requests_.push_back(std::move(request));
            ready_.notify_one();
        }
        std::lock_guard lock(mutex_);
        ended_ = true;
        ready_.notify_one();
    }

    void stop(const json& id) {  // under mutex_
        if (id.is_null() || id == current_) cancel_ = true;
        else stopsAhead_.insert(id.dump());
    }

    std::atomic<bool>& cancel_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Request> requests_;
    json current_;                       // the id of the request being answered
    std::set<std::string> stopsAhead_;  // ids stopped before their request was taken
    bool ended_ = false;
    std::thread reader_;
};

// A request's keys; any other is an error naming it (a misspelt "temprature" would else be ignored).
const std::set<std::string> kRequestKeys = {"id", "turns", "max_new_tokens", "temperature", "top_k", "top_p",
                                             "greedy", "seed", "user_cue", "assistant_cue"};

void checkKeys(const json& request) {
    if (request.contains("op")) throw std::invalid_argument("\"op\": \"stop\" is the only operation, not " + request["op"].dump());
    for (const auto& [key, value] : request.items())
        if (!kRequestKeys.count(key)) {
            std::string known;
            for (const auto& k : kRequestKeys) known += (known.empty() ? "" : ", ") + k;
            throw std::invalid_argument("\"" + key + "\": not a request key (the keys: " + known + ")");
        }
}

// The request's `key` as a T, or `fallback` when absent; a value of another type is an error naming the key.
template <class T>
T fieldOr(const json& request, const char* key, const T& fallback) {
    if (!request.contains(key)) return fallback;
    const json& v = request[key];
    const bool fits = std::is_same_v<T, bool>            ? v.is_boolean()
                      : std::is_same_v<T, std::string>   ? v.is_string()
                      : std::is_integral_v<T>            ? v.is_number_integer()
                                                         : v.is_number();
    if (!fits) {
        const char* kind = std::is_same_v<T, bool> ? "true or false" : std::is_same_v<T, std::string> ? "a text"
                           : std::is_integral_v<T> ? "a whole number" : "a number";
        throw std::invalid_argument("\"" + std::string(key) + "\": must be " + kind + ", not " + v.dump());
    }
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>)
        if (v.is_number_unsigned() ? v.get<uint64_t>() > uint64_t(std::numeric_limits<T>::max())
                                   : v.get<int64_t>() < int64_t(std::numeric_limits<T>::min()) ||
                                         v.get<int64_t>() > int64_t(std::numeric_limits<T>::max()))
            throw std::invalid_argument("\"" + std::string(key) + "\": " + v.dump() + " is out of range");
    return v.get<T>();
}

std::vector<chat::ChatTurn> turnsOf(const json& request) {
    std::vector<chat::ChatTurn> turns;
    if (!request.contains("turns") || !request["turns"].is_array()) throw std::invalid_argument("\"turns\": a list of turns is missing");
    for (const auto& t : request["turns"]) {
        if (!t.is_object()) throw std::invalid_argument("\"turns\": each turn is an object {\"role\", \"text\"}, not " + t.dump());
        for (const auto& [key, value] : t.items())  // an OpenAI-style "content" would else be an empty message
            if (key != "role" && key != "text") throw std::invalid_argument("\"" + key + "\": not a turn's key (a turn has \"role\" and \"text\")");
        const std::string role = fieldOr<std::string>(t, "role", "");
        if (role != "user" && role != "assistant") throw std::invalid_argument("\"role\": user or assistant, not \"" + role + "\"");
        turns.push_back({role == "user" ? chat::ChatTurn::Role::User : chat::ChatTurn::Role::Assistant, fieldOr<std::string>(t, "text", "")});
    }
    // Both model paths reply to the last user message (buildChatPrompt's rule, checked here for the Llama path too).
    if (turns.empty() || turns.back().role != chat::ChatTurn::Role::User)
        throw std::invalid_argument("\"turns\": the last turn must be the user's (the reply answers it)");
    return turns;
}

model::SamplingOptions samplingOf(const json& request, model::SamplingOptions s) {
    s.maxNewTokens = fieldOr(request, "max_new_tokens", s.maxNewTokens);
    s.temperature = fieldOr(request, "temperature", s.temperature);
    s.topK = fieldOr(request, "top_k", s.topK);
    s.topP = fieldOr(request, "top_p", s.topP);
    s.greedy = fieldOr(request, "greedy", s.greedy);
    s.seed = fieldOr(request, "seed", s.seed);
    // The first setting out of range, named with its rule and the value given.
    const std::pair<bool, std::string> rules[] = {
        {s.maxNewTokens > 0, "\"max_new_tokens\": must be greater than 0, not " + std::to_string(s.maxNewTokens)},
        {s.temperature > 0, "\"temperature\": must be greater than 0, not " + json(s.temperature).dump()},
        {s.topK >= 0, "\"top_k\": must be 0 (every token) or more, not " + std::to_string(s.topK)},
        {s.topP >= 0 && s.topP <= 1, "\"top_p\": must be between 0 and 1, not " + json(s.topP).dump()}};
    for (const auto& [ok, message] : rules)
        if (!ok) throw std::invalid_argument(message);
    return s;
}

// The conversation format of this request: "user_cue" / "assistant_cue" when it names them.
ChatOptions withFormatOf(const json& request, ChatOptions o) {
    o.format.user = fieldOr(request, "user_cue", o.format.user);
    o.format.assistant = fieldOr(request, "assistant_cue", o.format.assistant);
    if (o.format.assistant.find_first_not_of(" \n") == std::string::npos)
        throw std::invalid_argument("\"assistant_cue\" must hold more than spaces and newlines: the reply starts after it");
    return o;
}

void answer(ChatModel& m, const ChatOptions& o, const Request& given, const std::atomic<bool>& cancel) {
    json id;
    try {
        if (!given.parseError.empty()) throw std::invalid_argument(given.parseError);
        const json& request = given.value;
        if (!request.is_object()) throw std::invalid_argument("a request is a JSON object");
        id = request.value("id", json());
        checkKeys(request);
        const auto turns = turnsOf(request);
        const ChatReply r = writeReply(m, turns, samplingOf(request, o.sampling), withFormatOf(request, o), cancel, [&](const chat::StreamedToken& t) {
            printJsonLine({{"id", id}, {"event", "token"}, {"text", t.text}, {"p", t.probability}, {"top", t.alternatives}});
        });
        printJsonLine({{"id", id}, {"event", "done"}, {"text", r.text}, {"tokens", r.tokens}, {"end", r.end},
                       {"dropped_turns", r.droppedTurns}, {"max_new_tokens", r.maxNewTokens}});
    } catch (const std::exception& e) {  // json::exception and std::invalid_argument: this request only
        printJsonLine({{"id", id}, {"event", "error"}, {"message", e.what()}});
    }
}

}  // namespace

void serveJsonRequests(ChatModel& model, const ChatOptions& options) {
    std::atomic<bool> cancel{false};
    printJsonLine({{"event", "ready"}, {"model", model.name}, {"context", model.context()}, {"device", model.deviceName()},
                   {"chat_format", model.formatName()}, {"precision", model.precisionName()}});
    RequestQueue requests(cancel);
    for (Request request; requests.next(request); requests.done()) answer(model, options, request, cancel);
}

}  // namespace rlhf::cli
