#!/usr/bin/python3
"""Writes a small SentencePiece BPE model trained as Llama-2's was (byte fallback, digits split, identity
normalization, a dummy prefix, <unk> <s> </s> as ids 0 1 2) and the Hugging Face files beside it, for
SentencePieceTokenizerTest and the tiny Llama-2-style chat model:
  legacy/   tokenizer.model + tokenizer.json as transformers' LlamaConverter writes it for Llama-2 and
            TinyLlama (Prepend("▁") and Replace(" ", "▁") normalizer, BPE with byte fallback, Replace /
            ByteFallback / Fuse / Strip decoder) + tokenizer_config.json with TinyLlama-Chat's template;
  first/    the same model with the converter's newer form (Metaspace, prepend_scheme "first");
  model-only/  tokenizer.model + tokenizer_config.json (no tokenizer.json: transformers converts it);
  variant/  another model for the comparison with libsentencepiece itself: extra whitespace removed, no
            byte fallback (<unk>), user-defined pieces.
Needs Debian's python3-sentencepiece (/usr/bin/python3). Reference ids come from reference_ids.mjs
(Hugging Face's tokenizers.js, independent of libsentencepiece) on the two tokenizer.json files."""
import json, os, shutil, sys
import sentencepiece as spm

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = """The quick brown fox jumps over the lazy dog. Hello world, hello there!
I'm sure they're here, we'll see. It's a test of the tokenizer: numbers 12345 and 2024 and 3.14.
How do you do? Please tell me more about your family. Why do you say that you are unhappy?
The user asks a question and the assistant answers it helpfully and honestly.
Summarize the following text in one sentence. Write a short poem about the sea.
What is the capital of France? Paris is the capital of France.
You are a helpful assistant. Answer the question below.
"""

ZEPHYR = ("{% for message in messages %}\n{% if message['role'] == 'user' %}\n{{ '<|user|>\\n' + message['content'] + eos_token }}\n"
          "{% elif message['role'] == 'system' %}\n{{ '<|system|>\\n' + message['content'] + eos_token }}\n"
          "{% elif message['role'] == 'assistant' %}\n{{ '<|assistant|>\\n'  + message['content'] + eos_token }}\n{% endif %}\n"
          "{% if loop.last and add_generation_prompt %}\n{{ '<|assistant|>' }}\n{% endif %}\n{% endfor %}")


def train(out, **options):
    corpus = os.path.join(out, "corpus.txt")
    with open(corpus, "w", encoding="utf-8") as f:
        f.write(CORPUS * 4)
    settings = dict(model_type="bpe", vocab_size=384, byte_fallback=True, split_digits=True,
                    normalization_rule_name="identity", add_dummy_prefix=True, remove_extra_whitespaces=False,
                    allow_whitespace_only_pieces=True, character_coverage=0.9999, unk_id=0, bos_id=1, eos_id=2,
                    pad_id=-1, num_threads=1, minloglevel=2, seed_sentencepiece_size=100000)
    settings.update(options)
    spm.SentencePieceTrainer.train(input=corpus, model_prefix=os.path.join(out, "tokenizer"), **settings)
    os.remove(corpus)
    os.remove(os.path.join(out, "tokenizer.vocab"))
    return os.path.join(out, "tokenizer.model")


def vocab_and_merges(sp):
    """transformers' SentencePieceExtractor with the model's scores (LlamaConverter)."""
    vocab = {sp.id_to_piece(i): i for i in range(sp.get_piece_size())}
    scores = {sp.id_to_piece(i): sp.get_score(i) for i in range(sp.get_piece_size())}
    merges = []
    for piece, score in scores.items():
        local = [(piece[:k], piece[k:], score) for k in range(1, len(piece)) if piece[:k] in vocab and piece[k:] in vocab]
        merges.extend(sorted(local, key=lambda m: (vocab[m[0]], vocab[m[1]])))
    merges.sort(key=lambda m: m[2], reverse=True)
    return vocab, [f"{a} {b}" for a, b, _ in merges]


def tokenizer_json(sp, first):
    vocab, merges = vocab_and_merges(sp)
    specials = [{"id": i, "content": sp.id_to_piece(i), "single_word": False, "lstrip": False, "rstrip": False,
                 "normalized": False, "special": True} for i in range(3)]
    bos = {"<s>": {"id": "<s>", "ids": [1], "tokens": ["<s>"]}}
    decoders = [{"type": "Replace", "pattern": {"String": "▁"}, "content": " "}, {"type": "ByteFallback"}, {"type": "Fuse"},
                {"type": "Strip", "content": " ", "start": 1, "stop": 0}]
    return {"version": "1.0", "truncation": None, "padding": None, "added_tokens": specials,
            "normalizer": None if first else {"type": "Sequence", "normalizers": [
                {"type": "Prepend", "prepend": "▁"}, {"type": "Replace", "pattern": {"String": " "}, "content": "▁"}]},
            "pre_tokenizer": {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "first", "split": False} if first else None,
            "post_processor": {"type": "TemplateProcessing",
                               "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
                               "pair": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                                        {"SpecialToken": {"id": "<s>", "type_id": 1}}, {"Sequence": {"id": "B", "type_id": 1}}],
                               "special_tokens": bos},
            "decoder": {"type": "Sequence", "decoders": decoders},
            "model": {"type": "BPE", "dropout": None, "unk_token": "<unk>", "continuing_subword_prefix": None,
                      "end_of_word_suffix": None, "fuse_unk": True, "byte_fallback": True, "ignore_merges": False,
                      "vocab": vocab, "merges": merges}}


def config(legacy):
    c = {"add_bos_token": True, "add_eos_token": False, "bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>",
         "pad_token": "</s>", "legacy": legacy, "tokenizer_class": "LlamaTokenizer", "chat_template": ZEPHYR}
    return c


def main():
    model = train(HERE)
    sp = spm.SentencePieceProcessor(model_file=model)
    for name, first in (("legacy", False), ("first", True)):
        d = os.path.join(HERE, name)
        os.makedirs(d, exist_ok=True)
        shutil.copy(model, d)
        with open(os.path.join(d, "tokenizer.json"), "w", encoding="utf-8") as f:
            json.dump(tokenizer_json(sp, first), f, ensure_ascii=False, indent=1)
        with open(os.path.join(d, "tokenizer_config.json"), "w", encoding="utf-8") as f:
            json.dump(config(legacy=not first), f, ensure_ascii=False, indent=1)
    d = os.path.join(HERE, "model-only")
    os.makedirs(d, exist_ok=True)
    shutil.copy(model, d)
    with open(os.path.join(d, "tokenizer_config.json"), "w", encoding="utf-8") as f:
        json.dump({k: v for k, v in config(legacy=True).items() if k != "legacy"}, f, ensure_ascii=False, indent=1)
    os.remove(model)
    variant = os.path.join(HERE, "variant")
    os.makedirs(variant, exist_ok=True)
    train(variant, vocab_size=200, byte_fallback=False, remove_extra_whitespaces=True, character_coverage=0.98,
          user_defined_symbols=["<|user|>", "<|assistant|>", "##"], allow_whitespace_only_pieces=False)


if __name__ == "__main__":
    main()
