#include "data/NearDuplicates.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

#include "data/ContentHash.h"

namespace rlhf::data {

namespace {

// Lower-cased ASCII letters, words split on anything that is not a letter, digit or non-ASCII byte.
std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::string w;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c >= 0x80) {
            w += static_cast<char>(std::tolower(c));
        } else if (!w.empty()) {
            out.push_back(std::move(w));
            w.clear();
        }
    }
    if (!w.empty()) out.push_back(std::move(w));
    return out;
}

std::vector<uint64_t> shingleHashes(const std::string& text) {
    const auto ws = words(text);
    std::vector<uint64_t> hashes;
    if (ws.size() >= 3) {
        for (size_t i = 0; i + 3 <= ws.size(); ++i) hashes.push_back(contentHash("w", ws[i] + ' ' + ws[i + 1] + ' ' + ws[i + 2]));
    } else {
        std::string joined;
        for (const auto& w : ws) joined += (joined.empty() ? "" : " ") + w;
        for (size_t i = 0; i + 5 <= joined.size(); ++i) hashes.push_back(contentHash("c", joined.substr(i, 5)));
        if (joined.size() < 5 && !joined.empty()) hashes.push_back(contentHash("c", joined));
    }
    return hashes;
}

struct UnionFind {
    std::vector<size_t> parent;
    explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    size_t find(size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void unite(size_t a, size_t b) { parent[find(a)] = find(b); }
};

double similarity(const uint32_t* a, const uint32_t* b, int n) {
    int same = 0;
    for (int i = 0; i < n; ++i) same += a[i] == b[i];
    return static_cast<double>(same) / n;
}

}  // namespace

std::vector<uint32_t> minHashSignature(const std::string& text, int numHashes) {
    std::vector<uint32_t> sig(static_cast<size_t>(numHashes), std::numeric_limits<uint32_t>::max());
    for (uint64_t h : shingleHashes(text))
        for (int i = 0; i < numHashes; ++i)
            sig[static_cast<size_t>(i)] = std::min(sig[static_cast<size_t>(i)],
                                                   static_cast<uint32_t>(mix64(h ^ (0x9e3779b97f4a7c15ull * (i + 1)))));
    return sig;
}

std::vector<DuplicateCluster> findNearDuplicatePrompts(Database& db, const NearDuplicateOptions& o, const std::atomic<bool>* cancel) {
    if (o.numHashes <= 0 || o.bands <= 0 || o.numHashes % o.bands != 0)
        throw std::invalid_argument("near duplicates: the number of hashes must be a positive multiple of the bands");
    if (o.threshold <= 0 || o.threshold > 1) throw std::invalid_argument("near duplicates: threshold must be in (0, 1]");
    std::vector<int64_t> ids;
    std::vector<uint32_t> signatures;  // ids.size() x numHashes
    auto q = db.prepare("SELECT id, text FROM prompts ORDER BY id");
    while (q.step()) {
        if (cancel && cancel->load()) return {};
        ids.push_back(q.columnInt(0));
        const auto sig = minHashSignature(q.columnText(1), o.numHashes);
        signatures.insert(signatures.end(), sig.begin(), sig.end());
    }
    const int rows = o.numHashes / o.bands;
    UnionFind sets(ids.size());
    std::map<size_t, double> weakest;  // root -> lowest similarity linked so far
    for (int band = 0; band < o.bands; ++band) {
        std::unordered_map<uint64_t, size_t> firstInBucket;
        for (size_t p = 0; p < ids.size(); ++p) {
            const uint32_t* s = &signatures[p * static_cast<size_t>(o.numHashes) + static_cast<size_t>(band * rows)];
            uint64_t key = static_cast<uint64_t>(band);
            for (int r = 0; r < rows; ++r) key = mix64(key ^ s[r]);
            auto [it, inserted] = firstInBucket.emplace(key, p);
            if (inserted || sets.find(it->second) == sets.find(p)) continue;
            const double sim = similarity(&signatures[it->second * static_cast<size_t>(o.numHashes)],
                                          &signatures[p * static_cast<size_t>(o.numHashes)], o.numHashes);
            if (sim < o.threshold) continue;
            const double low = std::min({sim, weakest.count(sets.find(p)) ? weakest[sets.find(p)] : 1.0,
                                         weakest.count(sets.find(it->second)) ? weakest[sets.find(it->second)] : 1.0});
            sets.unite(p, it->second);
            weakest[sets.find(p)] = low;
        }
    }
    std::map<size_t, DuplicateCluster> clusters;
    for (size_t p = 0; p < ids.size(); ++p) clusters[sets.find(p)].promptIds.push_back(ids[p]);
    std::vector<DuplicateCluster> out;
    for (auto& [root, c] : clusters) {
        if (c.promptIds.size() < 2) continue;
        c.minSimilarity = weakest.count(root) ? weakest[root] : 1.0;
        out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.promptIds.size() > b.promptIds.size(); });
    return out;
}

}  // namespace rlhf::data
