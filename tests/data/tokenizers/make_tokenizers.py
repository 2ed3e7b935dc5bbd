#!/usr/bin/python3
"""Writes small tokenizer.json files in the layouts of today's byte-level BPE checkpoints (Llama-3, Qwen2,
SmolLM) for TokenizerFormatsTest. The vocabulary is the 256 byte symbols plus merges trained here on a
little text; the pipelines (normalizer, pre-tokenizer, post-processor, added tokens) are those of the
real files. Reference ids come from reference_ids.mjs (Hugging Face's tokenizers.js, an implementation
independent of ours): run `node reference_ids.mjs > expected.json` in a folder where
`npm install @huggingface/tokenizers` was run, with this folder as its argument."""
import collections, json, os, sys

def byte_symbols():
    printable = list(range(ord('!'), ord('~') + 1)) + list(range(0xA1, 0xAD)) + list(range(0xAE, 0x100))
    table, extra = {}, 0
    for b in range(256):
        if b in printable: table[b] = chr(b)
        else: table[b] = chr(256 + extra); extra += 1
    return table

SYM = byte_symbols()
CORPUS = ("The quick brown fox jumps over the lazy dog. I'm sure they're here, we'll see. "
          "Numbers: 12345 and 2024 and 3.14159. Café naïve résumé 東京 東京都 hello hello world world "
          "the the the and and in in on on it's don't can't user assistant system\n\n  indented\tline ")

def train_merges(n):
    words = collections.Counter()
    for w in CORPUS.replace("\n", " ").split(" "):
        if w: words[tuple(SYM[b] for b in (" " + w).encode())] += 1
    merges = []
    for _ in range(n):
        pairs = collections.Counter()
        for w, c in words.items():
            for a, b in zip(w, w[1:]): pairs[(a, b)] += c
        if not pairs: break
        best = max(pairs.items(), key=lambda kv: (kv[1], kv[0]))[0]
        merges.append(best)
        new = collections.Counter()
        for w, c in words.items():
            out, i = [], 0
            while i < len(w):
                if i + 1 < len(w) and (w[i], w[i + 1]) == best: out.append(w[i] + w[i + 1]); i += 2
                else: out.append(w[i]); i += 1
            new[tuple(out)] += c
        words = new
    return merges

def vocab_and_merges():
    vocab = {SYM[b]: b for b in range(256)}
    merges = train_merges(120)
    for a, b in merges:
        vocab.setdefault(a + b, len(vocab))
    # A whole word no merge makes: with ignore_merges (Llama-3) a pre-token equal to it is one token.
    vocab.setdefault("Ġzebra", len(vocab))
    vocab.setdefault("12", len(vocab))
    return vocab, [a + " " + b for a, b in merges]

def added(tokens, first_id):
    return [{"id": first_id + i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
             "normalized": False, "special": True} for i, t in enumerate(tokens)]

LLAMA3 = r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"
QWEN2 = r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"

def tokenizer(vocab, merges, specials, normalizer, pre, post, ignore_merges):
    return {"version": "1.0", "truncation": None, "padding": None,
            "added_tokens": added(specials, len(vocab)), "normalizer": normalizer, "pre_tokenizer": pre,
            "post_processor": post, "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
            "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                      "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False,
                      "ignore_merges": ignore_merges, "vocab": vocab, "merges": merges}}

def split(pattern):
    return {"type": "Split", "pattern": {"Regex": pattern}, "behavior": "Isolated", "invert": False}

BYTE_LEVEL_NO_REGEX = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": False}

def main(out):
    vocab, merges = vocab_and_merges()
    v = len(vocab)
    llama3_specials = ["<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"]
    bos = {"<|begin_of_text|>": {"id": "<|begin_of_text|>", "ids": [v], "tokens": ["<|begin_of_text|>"]}}
    llama3_post = {"type": "Sequence", "processors": [
        {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": False, "use_regex": True},
        {"type": "TemplateProcessing",
         "single": [{"SpecialToken": {"id": "<|begin_of_text|>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
         "pair": [{"SpecialToken": {"id": "<|begin_of_text|>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                  {"SpecialToken": {"id": "<|begin_of_text|>", "type_id": 1}}, {"Sequence": {"id": "B", "type_id": 1}}],
         "special_tokens": bos}]}
    files = {
        "llama3": (tokenizer(vocab, merges, llama3_specials, None,
                             {"type": "Sequence", "pretokenizers": [split(LLAMA3), BYTE_LEVEL_NO_REGEX]}, llama3_post, True),
                   {"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>"}),
        "qwen2": (tokenizer(vocab, merges, ["<|endoftext|>", "<|im_start|>", "<|im_end|>"], {"type": "NFC"},
                            {"type": "Sequence", "pretokenizers": [split(QWEN2), BYTE_LEVEL_NO_REGEX]},
                            {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": False, "use_regex": False}, False),
                  {"bos_token": None, "eos_token": "<|im_end|>", "pad_token": "<|endoftext|>"}),
        "smollm": (tokenizer(vocab, merges, ["<|endoftext|>", "<|im_start|>", "<|im_end|>"], None,
                             {"type": "Sequence", "pretokenizers": [{"type": "Digits", "individual_digits": True},
                                                                   {"type": "ByteLevel", "add_prefix_space": False,
                                                                    "trim_offsets": True, "use_regex": True}]},
                             {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": False, "use_regex": True}, False),
                   {"bos_token": "<|im_start|>", "eos_token": "<|im_end|>"}),
    }
    for name, (tok, config) in files.items():
        os.makedirs(os.path.join(out, name), exist_ok=True)
        with open(os.path.join(out, name, "tokenizer.json"), "w", encoding="utf-8") as f:
            json.dump(tok, f, ensure_ascii=False, indent=1)
        with open(os.path.join(out, name, "tokenizer_config.json"), "w", encoding="utf-8") as f:
            json.dump(config, f, ensure_ascii=False, indent=1)

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))
