#pragma once
// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), as TFRecord files (TensorBoard's event files)
// check their records, and TFRecord's masked form of it: ((crc >> 15) | (crc << 17)) + 0xa282ead8.

#include <cstddef>
#include <cstdint>

namespace rlhf {

uint32_t crc32c(const unsigned char* data, size_t size);
uint32_t maskedCrc32c(const unsigned char* data, size_t size);

}  // namespace rlhf
