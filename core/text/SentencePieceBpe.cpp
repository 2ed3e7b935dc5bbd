#include "text/SentencePieceBpe.h"

#include <algorithm>
#include <cstdio>
#include <queue>

#include "text/ByteLevelBpe.h"
#include "text/TokenizerFiles.h"

namespace rlhf::text {

namespace {

size_t utf8Length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;
}

}  // namespace

SentencePieceBpe::SentencePieceBpe(SentencePieceModelProto model, const std::string& origin) : model_(std::move(model)) {
    if (model_.modelType != SentencePieceModelProto::ModelType::Bpe)
        throw TokenizerError(origin + ": a SentencePiece " +
                             std::string(model_.modelType == SentencePieceModelProto::ModelType::Unigram ? "Unigram" : "word or char") +
                             " model; the workbench reads SentencePiece BPE models (Llama-2, TinyLlama, Mistral)");
    if (model_.hasCharsMap)
        throw TokenizerError(origin + ": normalizer_spec " + jsonQuoted(model_.normalizerName) +
                             " has a normalization table; the workbench reads models with the identity normalization (Llama-2, TinyLlama, Mistral)");
    byteIds_.fill(-1);
    pieceBytes_.assign(model_.pieces.size(), -1);
    for (int id = 0; id < pieceCount(); ++id) {
        const auto& p = model_.pieces[static_cast<size_t>(id)];
        const bool mergeable = p.type == PieceType::Normal || p.type == PieceType::UserDefined || p.type == PieceType::Unused;
        if (!(mergeable ? mergeable_ : reserved_).emplace(p.text, id).second)
            throw TokenizerError(origin + ": the piece " + jsonQuoted(p.text) + " is there twice");
        if (p.type == PieceType::UserDefined) userDefined_.push_back(p.text);
        if (p.type == PieceType::Unknown) unknownId_ = id;
        if (p.type != PieceType::Byte) continue;
        unsigned byte = 0;
        char end = 0;
        if (p.text.size() != 6 || std::sscanf(p.text.c_str(), "<0x%2X%c", &byte, &end) != 2 || end != '>')
            throw TokenizerError(origin + ": the byte piece " + jsonQuoted(p.text) + " is not of the form <0xNN>");
        byteIds_[byte] = id;
        pieceBytes_[static_cast<size_t>(id)] = static_cast<int>(byte);
    }
    if (unknownId_ < 0) throw TokenizerError(origin + ": the model has no unknown piece (<unk>)");
    if (model_.byteFallback && std::count(byteIds_.begin(), byteIds_.end(), -1) > 0)
        throw TokenizerError(origin + ": byte_fallback is on but the model lacks byte pieces <0x00> … <0xFF>");
}

std::string SentencePieceBpe::normalize(std::string_view text, bool dummyPrefix) const {
    const bool removeExtra = model_.removeExtraWhitespaces;
    if (removeExtra) text.remove_prefix(std::min(text.find_first_not_of(' '), text.size()));
    if (text.empty()) return {};
    const std::string space = model_.escapeWhitespaces ? std::string(kSentencePieceSpace) : " ";
    std::string out;
    if (dummyPrefix && !model_.treatWhitespaceAsSuffix) out += space;
    bool previousSpace = removeExtra;
    for (char c : text) {
        if (c == ' ' && previousSpace) continue;
        out += c == ' ' ? space : std::string(1, c);
        previousSpace = removeExtra && c == ' ';
    }
    if (removeExtra)
        while (out.size() >= space.size() && out.compare(out.size() - space.size(), space.size(), space) == 0) out.resize(out.size() - space.size());
    if (dummyPrefix && model_.treatWhitespaceAsSuffix) out += space;
    return out;
}

size_t SentencePieceBpe::userDefinedAt(std::string_view text, size_t at) const {
    size_t longest = 0;
    for (const auto& piece : userDefined_)
        if (piece.size() > longest && text.compare(at, piece.size(), piece) == 0) longest = piece.size();
    return longest;
}

int SentencePieceBpe::pieceId(std::string_view piece) const {
    if (auto it = reserved_.find(piece); it != reserved_.end()) return it->second;
    if (auto it = mergeable_.find(piece); it != mergeable_.end()) return it->second;
    return unknownId_;
}

// An unused piece a merge made is split back into the two it came from (they may be unused too); a symbol
// that is no piece becomes its bytes with byte fallback, else <unk> (one for a run of them, as
// libsentencepiece merges continuous unknown pieces).
void SentencePieceBpe::resegment(std::string_view piece,
                                 const std::unordered_map<std::string, std::pair<std::string, std::string>>& unusedMerges,
                                 std::vector<int>& out) const {
    const int id = pieceId(piece);
    if (type(id) == PieceType::Unused) {
        if (auto it = unusedMerges.find(std::string(piece)); it != unusedMerges.end()) {
            resegment(it->second.first, unusedMerges, out);
            resegment(it->second.second, unusedMerges, out);
            return;
        }
    }
    if (id == unknownId_ && !model_.byteFallback && !out.empty() && out.back() == unknownId_) return;  // one <unk> for a run
    if (id != unknownId_ || !model_.byteFallback) {
        out.push_back(id);
        return;
    }
    for (unsigned char b : piece) out.push_back(byteIds_[b]);
}

std::vector<int> SentencePieceBpe::encode(std::string_view utf8, bool dummyPrefix) const {
    const std::string text = normalize(utf8, dummyPrefix);
    struct Symbol {
        size_t begin, length;
        int prev, next;
        bool frozen;  // a user-defined piece
    };
    std::vector<Symbol> symbols;
    for (size_t at = 0; at < text.size();) {
        const size_t defined = userDefinedAt(text, at);
        const size_t length = defined > 0 ? defined : std::min(utf8Length(static_cast<unsigned char>(text[at])), text.size() - at);
        symbols.push_back({at, length, static_cast<int>(symbols.size()) - 1, -1, defined > 0});
        at += length;
    }
    for (size_t i = 0; i + 1 < symbols.size(); ++i) symbols[i].next = static_cast<int>(i + 1);

    struct Pair {
        float score;
        int left, right;
        size_t length;
    };
    const auto lower = [](const Pair& a, const Pair& b) { return a.score < b.score || (a.score == b.score && a.left > b.left); };
    std::priority_queue<Pair, std::vector<Pair>, decltype(lower)> agenda(lower);
    std::unordered_map<std::string, std::pair<std::string, std::string>> unusedMerges;
    const auto view = [&](const Symbol& s) { return std::string_view(text).substr(s.begin, s.length); };
    const auto consider = [&](int left, int right) {
        if (left < 0 || right < 0 || symbols[left].frozen || symbols[right].frozen) return;
        const std::string_view merged = std::string_view(text).substr(symbols[left].begin, symbols[left].length + symbols[right].length);
        const auto it = mergeable_.find(merged);
        if (it == mergeable_.end()) return;
        agenda.push({model_.pieces[static_cast<size_t>(it->second)].score, left, right, merged.size()});
        if (type(it->second) == PieceType::Unused)
            unusedMerges[std::string(merged)] = {std::string(view(symbols[left])), std::string(view(symbols[right]))};
    };
    for (size_t i = 1; i < symbols.size(); ++i) consider(static_cast<int>(i - 1), static_cast<int>(i));
    while (!agenda.empty()) {
        const Pair top = agenda.top();
        agenda.pop();
        Symbol& left = symbols[static_cast<size_t>(top.left)];
        Symbol& right = symbols[static_cast<size_t>(top.right)];
        if (left.length == 0 || right.length == 0 || left.length + right.length != top.length) continue;  // stale
        left.length += right.length;
        left.next = right.next;
        if (right.next >= 0) symbols[static_cast<size_t>(right.next)].prev = top.left;
        right.length = 0;
        consider(left.prev, top.left);
        consider(top.left, left.next);
    }
    std::vector<int> ids;
    for (int i = symbols.empty() ? -1 : 0; i != -1; i = symbols[static_cast<size_t>(i)].next)
        resegment(view(symbols[static_cast<size_t>(i)]), unusedMerges, ids);
    return ids;
}

}  // namespace rlhf::text
