#include "model/Safetensors.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "util/FileSync.h"

namespace rlhf::model {

namespace {

struct DtypeInfo {
    const char* name;
    torch::Dtype dtype;
    size_t size;
};
const DtypeInfo kDtypes[] = {
    {"F32", torch::kFloat32, 4}, {"F16", torch::kFloat16, 2}, {"BF16", torch::kBFloat16, 2},
    {"F64", torch::kFloat64, 8}, {"I64", torch::kInt64, 8},   {"I32", torch::kInt32, 4},
    {"I16", torch::kInt16, 2},   {"I8", torch::kInt8, 1},     {"U8", torch::kUInt8, 1},
    {"BOOL", torch::kBool, 1}};

const DtypeInfo* dtypeByName(const std::string& name) {
    for (const auto& d : kDtypes)
        if (name == d.name) return &d;
    return nullptr;
}
const DtypeInfo& dtypeOf(torch::Dtype dtype) {
    for (const auto& d : kDtypes)
        if (d.dtype == dtype) return d;
    throw SafetensorsError(std::string("cannot store tensors of dtype ") + c10::toString(dtype));
}

TensorInfo parseTensorInfo(const std::string& file, const std::string& name, const nlohmann::json& j, uint64_t dataSize) {
    const std::string where = file + ": tensor '" + name + "': ";
    if (!j.is_object() || !j.contains("dtype") || !j.contains("shape") || !j.contains("data_offsets"))
        throw SafetensorsError(where + "needs dtype, shape and data_offsets");
    TensorInfo info;
    if (!j["dtype"].is_string() || !dtypeByName(j["dtype"].get<std::string>()))
        throw SafetensorsError(where + "unknown dtype " + j["dtype"].dump());
    info.dtype = j["dtype"].get<std::string>();
    uint64_t elements = 1;
    if (!j["shape"].is_array()) throw SafetensorsError(where + "shape is not a list");
    for (const auto& d : j["shape"]) {
        if (!d.is_number_unsigned() || d.get<uint64_t>() > (1ull << 40))
            throw SafetensorsError(where + "shape has an invalid dimension " + d.dump());
        info.shape.push_back(d.get<int64_t>());
        elements *= d.get<uint64_t>();
        if (elements > (1ull << 40)) throw SafetensorsError(where + "shape is implausibly large");
    }
    const auto& off = j["data_offsets"];
    if (!off.is_array() || off.size() != 2 || !off[0].is_number_unsigned() || !off[1].is_number_unsigned())
        throw SafetensorsError(where + "data_offsets must be two non-negative integers");
    info.begin = off[0].get<uint64_t>();
    info.end = off[1].get<uint64_t>();
    if (info.begin > info.end || info.end > dataSize)
        throw SafetensorsError(where + "data_offsets [" + std::to_string(info.begin) + ", " + std::to_string(info.end) +
                               "] lie outside the " + std::to_string(dataSize) + "-byte data area");
    if (elements * dtypeByName(info.dtype)->size != info.end - info.begin)
        throw SafetensorsError(where + "dtype " + info.dtype + " x shape needs " +
                               std::to_string(elements * dtypeByName(info.dtype)->size) + " bytes but data_offsets span " +
                               std::to_string(info.end - info.begin));
    return info;
}

void checkNoOverlap(const std::string& file, const std::map<std::string, TensorInfo>& tensors) {
    std::vector<std::pair<const std::string*, const TensorInfo*>> byOffset;
    for (const auto& [name, info] : tensors) byOffset.emplace_back(&name, &info);
    std::sort(byOffset.begin(), byOffset.end(), [](auto a, auto b) { return a.second->begin < b.second->begin; });
    // Each non-empty tensor must start at or after the furthest end so far (not just its neighbour's:
    // an empty tensor between two others must not hide their overlap).
    uint64_t reach = 0;
    const std::string* reacher = nullptr;
    for (const auto& [name, info] : byOffset) {
        if (info->begin == info->end) continue;
        if (reacher && info->begin < reach)
            throw SafetensorsError(file + ": tensors '" + *reacher + "' and '" + *name + "' overlap");
        if (info->end > reach) {
            reach = info->end;
            reacher = name;
        }
    }
}

}  // namespace

SafetensorsFile::SafetensorsFile(const std::string& path) : path_(path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw SafetensorsError(path + ": cannot open: " + std::strerror(errno));
    struct stat st {};
    if (fstat(fd, &st) != 0 || st.st_size < 8) {
        ::close(fd);
        throw SafetensorsError(path + ": too short to be a safetensors file (needs an 8-byte header length)");
    }
    mappedSize_ = static_cast<size_t>(st.st_size);
    void* map = mmap(nullptr, mappedSize_, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) throw SafetensorsError(path + ": cannot map: " + std::strerror(errno));
    mapped_ = static_cast<const uint8_t*>(map);
    try {
        uint64_t headerSize = 0;
        for (int i = 7; i >= 0; --i) headerSize = (headerSize << 8) | mapped_[i];
        if (headerSize > mappedSize_ - 8)
            throw SafetensorsError(path + ": header length " + std::to_string(headerSize) + " exceeds the file size");
        dataStart_ = 8 + headerSize;
        nlohmann::json header;
        try {
            header = nlohmann::json::parse(mapped_ + 8, mapped_ + dataStart_);
        } catch (const nlohmann::json::parse_error& e) {
            throw SafetensorsError(path + ": header is not valid JSON (byte " + std::to_string(e.byte) + ")");
        }
        if (!header.is_object()) throw SafetensorsError(path + ": header is not a JSON object");
        for (const auto& [name, value] : header.items()) {
            if (name == "__metadata__") {
                if (value.is_object())
                    for (const auto& [k, v] : value.items()) metadata_[k] = v.is_string() ? v.get<std::string>() : v.dump();
                continue;
            }
            tensors_.emplace(name, parseTensorInfo(path, name, value, mappedSize_ - dataStart_));
        }
        checkNoOverlap(path, tensors_);
    } catch (...) {
        munmap(const_cast<uint8_t*>(mapped_), mappedSize_);
        throw;
    }
}

SafetensorsFile::~SafetensorsFile() {
    if (mapped_) munmap(const_cast<uint8_t*>(mapped_), mappedSize_);
}

torch::Tensor SafetensorsFile::load(const std::string& name) const {
    auto it = tensors_.find(name);
    if (it == tensors_.end()) throw SafetensorsError(path_ + ": no tensor named '" + name + "'");
    const TensorInfo& info = it->second;
    const DtypeInfo* d = dtypeByName(info.dtype);
    torch::Tensor out = torch::empty(info.shape, torch::TensorOptions().dtype(d->dtype));
    const uint8_t* from = mapped_ + dataStart_ + info.begin;
    std::memcpy(out.data_ptr(), from, info.end - info.begin);
    // The copied pages leave the mapping (they are the file's, read again if touched): loading a checkpoint
    // then holds its tensors, not also the whole file (a 0.5B bf16 model: about 1 GB less at the peak).
    const auto page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
    const auto first = reinterpret_cast<uintptr_t>(from) & ~(page - 1);
    madvise(reinterpret_cast<void*>(first), reinterpret_cast<uintptr_t>(from) + (info.end - info.begin) - first, MADV_DONTNEED);
    return out;
}

void saveSafetensors(const std::string& path, const std::map<std::string, torch::Tensor>& tensors,
                     const std::map<std::string, std::string>& metadata) {
    nlohmann::json header = nlohmann::json::object();
    if (!metadata.empty()) header["__metadata__"] = metadata;
    std::vector<torch::Tensor> cpu;
    uint64_t offset = 0;
    for (const auto& [name, t] : tensors) {
        cpu.push_back(t.detach().to(torch::kCPU).contiguous());
        const uint64_t bytes = static_cast<uint64_t>(cpu.back().numel()) * dtypeOf(cpu.back().scalar_type()).size;
        header[name] = {{"dtype", dtypeOf(cpu.back().scalar_type()).name},
                        {"shape", cpu.back().sizes().vec()},
                        {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
    }
    std::string headerText = header.dump();
    headerText.append((8 - headerText.size() % 8) % 8, ' ');  // data area 8-byte aligned
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw SafetensorsError(tmp + ": cannot create: " + std::strerror(errno));
        uint64_t n = headerText.size();
        char len[8];
        for (int i = 0; i < 8; ++i) len[i] = static_cast<char>((n >> (8 * i)) & 0xFF);
        out.write(len, 8);
        out.write(headerText.data(), static_cast<std::streamsize>(headerText.size()));
        for (const auto& t : cpu)
            out.write(static_cast<const char*>(t.data_ptr()),
                      static_cast<std::streamsize>(t.numel() * dtypeOf(t.scalar_type()).size));
        if (!out.flush()) throw SafetensorsError(tmp + ": write failed: " + std::strerror(errno));
    }
    fsyncPath(tmp);
    std::filesystem::rename(tmp, path);
}

}  // namespace rlhf::model
