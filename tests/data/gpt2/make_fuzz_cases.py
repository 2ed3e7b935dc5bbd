#!/usr/bin/python3
"""Random tokenizer cases with ids from GPT-2's own encoder.py algorithm (the `regex` module with the
GPT-2 pattern, byte-to-unicode table, merge ranks; <|endoftext|> as the special token), over characters
chosen to stress the pre-tokenizer: Unicode whitespace (\\x1c-\\x1f, \\x85, \\xa0, U+2000…, U+3000), combining
marks, letters and numbers of every general category (Lo, Lt, Lm, Nd, Nl, No), emoji with joiners and
modifiers, control characters, contractions, the end-of-text token inside text; then 100 around the
characters regex engines disagree on as whitespace (U+180E, \\x1c-\\x1f).
Writes fuzz_cases.json next to this file. Needs python3-regex. Run: python3 make_fuzz_cases.py"""
import json, os, random
import regex

HERE = os.path.dirname(os.path.abspath(__file__))

def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs, n = bs[:], 0
    for b in range(256):
        if b not in bs:
            bs.append(b); cs.append(256 + n); n += 1
    return dict(zip(bs, map(chr, cs)))

VOCAB = json.load(open(os.path.join(HERE, "vocab.json"), encoding="utf-8"))
MERGES = open(os.path.join(HERE, "merges.txt"), encoding="utf-8").read().split("\n")[1:-1]
RANKS = {tuple(m.split()): i for i, m in enumerate(MERGES)}
B2U = bytes_to_unicode()
PATTERN = regex.compile(r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""")

def bpe(token):
    word = tuple(token)
    while len(word) > 1:
        pair = min(set(zip(word, word[1:])), key=lambda p: RANKS.get(p, float("inf")))
        if pair not in RANKS:
            break
        merged, i = [], 0
        while i < len(word):
            if i < len(word) - 1 and (word[i], word[i + 1]) == pair:
                merged.append(word[i] + word[i + 1]); i += 2
            else:
                merged.append(word[i]); i += 1
        word = tuple(merged)
    return word

def encode(text):
    ids = []
    for k, part in enumerate(text.split("<|endoftext|>")):
        if k:
            ids.append(VOCAB["<|endoftext|>"])
        for piece in PATTERN.findall(part):
            ids.extend(VOCAB[t] for t in bpe("".join(B2U[b] for b in piece.encode("utf-8"))))
    return ids

POOLS = ["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789", " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
         "    \t\n\r\x0b\x0c", "\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2007\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff",
         "éüßñçøåÆŒ", "\u0301\u0308\u0327\u20dd", "日本語中文한국어", "😀👍🏽👨‍👩‍👧🇩🇪", "٠١٢۳४໕²³¼Ⅻⅻ〇", "ªºǅʰʲ",
         "\u200d\u200c\u00ad\u2060", "\ue000\uffff\U0010fffd\U0001d400", "\x00\x01\x07\x7f"]
# Characters that one regex engine's \s takes and another's does not: U+180E (\s to PCRE2, a format
# character to Unicode's White_Space, which the tokenizers follow), \x1c-\x1f (\s to Python's re only).
EDGES = "\u180e\x1c\x1f\u200b\u2060\ufeff\x85\xa0 "
WHOLE = ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S", "<|endoftext|>", "  ", "\n\n", " 123", " don't"]

def edgeOrOther(rng):
    r = rng.random()
    return rng.choice(EDGES) if r < 0.4 else rng.choice(WHOLE) if r < 0.5 else rng.choice(rng.choice(POOLS))

def main():
    rng = random.Random(20261126)
    cases = []
    for _ in range(400):
        text = "".join(rng.choice(WHOLE) if rng.random() < 0.1 else rng.choice(rng.choice(POOLS))
                       for _ in range(rng.randint(1, 30)))
        cases.append({"text": text, "ids": encode(text)})
    edges = random.Random(0x180E)  # 100 more around the edge characters, after the first 400 as they were
    for _ in range(100):
        text = "".join(edgeOrOther(edges) for _ in range(edges.randint(1, 20)))
        cases.append({"text": text, "ids": encode(text)})
    with open(os.path.join(HERE, "fuzz_cases.json"), "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(json.dumps(c, ensure_ascii=True) for c in cases) + "\n]\n")
    # The algorithm above reproduces the Hugging Face cases shipped beside it.
    for case in json.load(open(os.path.join(HERE, "tokenizer_cases.json"), encoding="utf-8")):
        assert encode(case["text"]) == case["ids"], case["text"]
    print(len(cases), "cases")

if __name__ == "__main__":
    main()
