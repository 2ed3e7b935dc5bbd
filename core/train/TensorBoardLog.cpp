#include "train/TensorBoardLog.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>

#include "util/Crc32c.h"

namespace rlhf::train {

namespace fs = std::filesystem;

namespace {

// Protobuf's wire format over one message's bytes: each field a varint key (number << 3 | wire type),
// then a varint (0), 8 bytes (1), a varint length and that many bytes (2) or 4 bytes (5). Throws
// std::out_of_range past the end; the caller names the record.
class WireReader {
public:
    explicit WireReader(std::string_view bytes) : bytes_(bytes) {}
    struct Key {
        uint64_t field;
        uint32_t wire;
    };
    bool done() const { return at_ >= bytes_.size(); }
    Key key() {
        const uint64_t k = varint();
        return {k >> 3, static_cast<uint32_t>(k & 7)};
    }
    uint64_t varint() {
        uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            const auto byte = static_cast<unsigned char>(take(1)[0]);
            value |= uint64_t(byte & 0x7F) << shift;
            if (!(byte & 0x80)) return value;
        }
        throw std::out_of_range("a varint longer than 10 bytes");
    }
    std::string_view take(size_t n) {
        if (n > bytes_.size() - at_) throw std::out_of_range("a field past the end of its message");
        const auto out = bytes_.substr(at_, n);
        at_ += n;
        return out;
    }
    std::string_view lengthDelimited() { return take(static_cast<size_t>(varint())); }
    template <typename T>
    T fixed() {
        T value;
        std::memcpy(&value, take(sizeof(T)).data(), sizeof(T));
        return value;
    }
    void skip(uint32_t wireType) {
        if (wireType == 0) varint();
        else if (wireType == 1) take(8);
        else if (wireType == 2) lengthDelimited();
        else if (wireType == 5) take(4);
        else throw std::out_of_range("wire type " + std::to_string(wireType) + " (groups are not written by TensorBoard)");
    }

private:
    std::string_view bytes_;
    size_t at_ = 0;
};

// A TensorProto holding one float or double (add_scalar(new_style=True)); nullopt for anything else.
std::optional<double> tensorScalar(std::string_view bytes) {
    WireReader r(bytes);
    uint64_t dtype = 0;
    std::vector<double> values;
    std::string_view content;
    while (!r.done()) {
        const auto [field, wire] = r.key();
        if (field == 1 && wire == 0) dtype = r.varint();
        else if (field == 4 && wire == 2) content = r.lengthDelimited();
        else if (field == 5 && wire == 2) for (WireReader p(r.lengthDelimited()); !p.done();) values.push_back(p.fixed<float>());
        else if (field == 5 && wire == 5) values.push_back(r.fixed<float>());
        else if (field == 6 && wire == 2) for (WireReader p(r.lengthDelimited()); !p.done();) values.push_back(p.fixed<double>());
        else if (field == 6 && wire == 1) values.push_back(r.fixed<double>());
        else r.skip(wire);
    }
    if (dtype == 1 && content.size() == 4) values.push_back(WireReader(content).fixed<float>());
    if (dtype == 2 && content.size() == 8) values.push_back(WireReader(content).fixed<double>());
    if ((dtype != 1 && dtype != 2) || values.size() != 1) return std::nullopt;
    return values.front();
}

// A Summary.Value's tag and scalar, when it is a scalar.
std::optional<TensorBoardScalar> summaryValue(std::string_view bytes, int64_t step) {
    WireReader r(bytes);
    TensorBoardScalar s{step, "", 0};
    std::optional<double> value;
    while (!r.done()) {
        const auto [field, wire] = r.key();
        if (field == 1 && wire == 2) s.tag = std::string(r.lengthDelimited());
        else if (field == 2 && wire == 5) value = r.fixed<float>();
        else if (field == 8 && wire == 2) value = tensorScalar(r.lengthDelimited());
        else r.skip(wire);
    }
    if (!value || s.tag.empty()) return std::nullopt;
    s.value = *value;
    return s;
}

// An Event's scalars: its step, then each value of its summary.
void eventScalars(std::string_view bytes, std::vector<TensorBoardScalar>& out) {
    WireReader r(bytes);
    int64_t step = 0;
    std::vector<std::string_view> values;
    while (!r.done()) {
        const auto [field, wire] = r.key();
        if (field == 2 && wire == 0) step = static_cast<int64_t>(r.varint());
        else if (field == 5 && wire == 2) {
            for (WireReader summary(r.lengthDelimited()); !summary.done();) {
                const auto inner = summary.key();
                if (inner.field == 1 && inner.wire == 2) values.push_back(summary.lengthDelimited());
                else summary.skip(inner.wire);
            }
        } else r.skip(wire);
    }
    for (const auto v : values)
        if (auto scalar = summaryValue(v, step)) out.push_back(std::move(*scalar));
}

uint32_t littleEndian32(const unsigned char* p) { return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24; }

}  // namespace

std::vector<TensorBoardScalar> readTensorBoardScalars(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::invalid_argument(file + ": cannot be read");
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    std::vector<TensorBoardScalar> out;
    size_t at = 0;
    while (bytes.size() - at >= 12) {
        uint64_t length = 0;
        std::memcpy(&length, data + at, 8);
        if (maskedCrc32c(data + at, 8) != littleEndian32(data + at + 8))
            throw std::invalid_argument(file + ": byte " + std::to_string(at) + ": the record's length fails its CRC-32C (not a TensorBoard event file, or damaged)");
        if (length > bytes.size() - at - 12 || bytes.size() - at - 12 - length < 4) break;  // cut short: the writer stopped mid-record
        const unsigned char* record = data + at + 12;
        if (maskedCrc32c(record, length) != littleEndian32(record + length))
            throw std::invalid_argument(file + ": byte " + std::to_string(at) + ": the record fails its CRC-32C (damaged)");
        try {
            eventScalars(std::string_view(bytes).substr(at + 12, length), out);
        } catch (const std::out_of_range& e) {
            throw std::invalid_argument(file + ": byte " + std::to_string(at) + ": not an Event record (" + e.what() + ")");
        }
        at += 12 + length + 4;
    }
    return out;
}

std::vector<std::string> tensorBoardEventFiles(const std::string& path) {
    if (fs::is_regular_file(path)) return {path};
    if (!fs::is_directory(path)) throw std::invalid_argument(path + ": no such file or directory");
    std::vector<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(path))
        if (entry.is_regular_file() && entry.path().filename().string().starts_with("events.out.tfevents.")) files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

TrainerStateLog readTensorBoardLog(const std::string& path) {
    const auto files = tensorBoardEventFiles(path);
    if (files.empty()) throw std::invalid_argument(path + ": no TensorBoard event file (events.out.tfevents.*) in it");
    std::set<std::string> runs;  // OpenRLHF writes each launch into tensorboard_dir/run_name/
    for (const auto& file : files) runs.insert(fs::path(file).parent_path().string());
    if (runs.size() > 1) {
        std::string list;
        for (const auto& run : runs) list += "\n  " + run;
        throw std::invalid_argument(path + ": event files of " + std::to_string(runs.size()) + " runs; give one folder with --tensorboard:" + list);
    }
    TrainerStateLog log;
    for (const auto& file : files)
        for (const auto& s : readTensorBoardScalars(file)) {
            log.steps[s.step][openRlhfMetricName(s.tag)] = s.value;
            log.globalStep = std::max(log.globalStep, s.step);
        }
    if (log.steps.empty()) throw std::invalid_argument(path + ": its TensorBoard event files hold no scalar");
    return log;
}

std::string openRlhfMetricName(const std::string& tag) {
    static const std::map<std::string, std::string> names = {
        {"train/reward", "objective/scores"},          {"train/policy_loss", "loss/policy_avg"},
        {"train/critic_loss", "loss/value_avg"},       {"train/ppo_clip_ratio", "policy/clipfrac_avg"},
        {"train/response_length", "response_length"}, {"train/actor_lr", "lr"},
        {"train/lr", "lr"},                            {"train/loss_mean", "loss"},
        {"train/acc_mean", "rewards/accuracies"},      {"train/chosen_reward", "rewards/chosen"},
        {"train/reject_reward", "rewards/rejected"},   {"train/grad_norm", "grad_norm"},
        {"train/actor_grad_norm", "grad_norm"}};
    const auto found = names.find(tag);
    return found == names.end() ? tag : found->second;
}

}  // namespace rlhf::train
