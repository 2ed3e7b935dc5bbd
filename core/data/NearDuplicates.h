#pragma once
// Near-duplicate prompts for curation: MinHash signatures over word 3-gram shingles (character
// 5-grams for prompts under three words), LSH banding for candidates, then the estimated Jaccard
// similarity decides; similar prompts are grouped with union-find. Memory: 4 bytes x numHashes per prompt.

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "data/Database.h"

namespace rlhf::data {

struct NearDuplicateOptions {
    double threshold = 0.8;  // estimated Jaccard similarity of shingle sets
    int numHashes = 64;      // signature length (bands x rows)
    int bands = 16;          // LSH bands: more bands find lower similarities, with more candidates
};

struct DuplicateCluster {
    std::vector<int64_t> promptIds;  // ascending
    double minSimilarity = 1.0;      // lowest estimated similarity of a linked pair
};

// Clusters of two or more prompts, largest first. Throws std::invalid_argument for bad options.
std::vector<DuplicateCluster> findNearDuplicatePrompts(Database& db, const NearDuplicateOptions& options,
                                                       const std::atomic<bool>* cancel = nullptr);

// The MinHash signature of one text (exposed for tests).
std::vector<uint32_t> minHashSignature(const std::string& text, int numHashes);

}  // namespace rlhf::data
