#pragma once
// safetensors, the only weight format the workbench reads (never pickles). The header is validated
// before any data is touched: 8-byte little-endian length, JSON header inside the file, known dtype,
// dtype size x shape == byte length, offsets inside the data area, no two tensors overlapping.
// Reading memory-maps the file.

#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <torch/types.h>

namespace rlhf::model {

class SafetensorsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct TensorInfo {
    std::string dtype;            // "F32", "F16", "BF16", "F64", "I64", "I32", "I16", "I8", "U8", "BOOL"
    std::vector<int64_t> shape;
    uint64_t begin = 0, end = 0;  // byte offsets within the data area
};

class SafetensorsFile {
public:
    // Maps `path` and validates its header; throws SafetensorsError naming the file and the problem.
    explicit SafetensorsFile(const std::string& path);
    ~SafetensorsFile();
    SafetensorsFile(const SafetensorsFile&) = delete;
    SafetensorsFile& operator=(const SafetensorsFile&) = delete;

    const std::string& path() const { return path_; }
    const std::map<std::string, TensorInfo>& tensors() const { return tensors_; }
    const std::map<std::string, std::string>& metadata() const { return metadata_; }
    bool contains(const std::string& name) const { return tensors_.count(name) != 0; }
    // A copy of the tensor in its stored dtype (CPU).
    torch::Tensor load(const std::string& name) const;

private:
    std::string path_;
    std::map<std::string, TensorInfo> tensors_;
    std::map<std::string, std::string> metadata_;
    const uint8_t* mapped_ = nullptr;
    size_t mappedSize_ = 0;
    size_t dataStart_ = 0;
};

// Writes tensors (any device; stored contiguous, CPU, in their dtype) atomically: a temporary file in
// the same directory, fsynced, then renamed over `path`.
void saveSafetensors(const std::string& path, const std::map<std::string, torch::Tensor>& tensors,
                     const std::map<std::string, std::string>& metadata = {});

}  // namespace rlhf::model
