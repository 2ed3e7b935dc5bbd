#!/usr/bin/env python3
"""Writes tiny random Llama-family checkpoints (Hugging Face layout: config.json, generation_config.json,
model.safetensors or shards + model.safetensors.index.json) and expected.json: the logits, per-token
log-probs and greedy ids of a plain PyTorch transcription of transformers' LlamaForCausalLM /
Qwen2ForCausalLM (modeling_llama.py: RMSNorm in fp32, rotate-half rotary embeddings with the default,
linear, dynamic NTK, llama3 and yarn inverse frequencies, repeat_kv grouped-query attention, SwiGLU). Greedy decoding here
recomputes the whole sequence each step (no KV cache), so it checks the C++ cache too. No transformers
needed: run with Debian's python3-torch (/usr/bin/python3 make_tiny_llama.py). A session with the GPU
machine, which has transformers, can check these numbers against it (docs/models.md).
With --bf16 it writes only expected_bf16.json: the same models' logits with bf16 weights."""
import json
import math, os, shutil, sys
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from safetensors_writer import save_safetensors  # noqa: E402

MODELS = {
    # Llama: grouped-query attention (2 query heads per key/value head), untied output layer.
    "llama": dict(model_type="llama", vocab_size=96, hidden_size=32, intermediate_size=48, num_hidden_layers=2,
                  num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=64, rms_norm_eps=1e-6,
                  rope_theta=10000.0, rope_scaling=None, tie_word_embeddings=False, attention_bias=False,
                  mlp_bias=False, bos_token_id=1, eos_token_id=3, hidden_act="silu"),
    # Llama 3.x style: head_dim given (not hidden/heads), 3 query heads per kv head, llama3 rope scaling,
    # tied embeddings, attention and MLP biases, two EOS ids.
    "llama3": dict(model_type="llama", vocab_size=80, hidden_size=48, intermediate_size=64, num_hidden_layers=2,
                   num_attention_heads=6, num_key_value_heads=2, head_dim=16, max_position_embeddings=128,
                   rms_norm_eps=1e-5, rope_theta=500000.0,
                   rope_scaling={"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                                 "original_max_position_embeddings": 32},
                   tie_word_embeddings=True, attention_bias=True, mlp_bias=True, bos_token_id=0, eos_token_id=[2, 5],
                   hidden_act="silu"),
    # Qwen2: q/k/v biases (no o bias), one kv head, linear rope scaling, tied; written as two shards.
    "qwen2": dict(model_type="qwen2", vocab_size=64, hidden_size=32, intermediate_size=40, num_hidden_layers=3,
                  num_attention_heads=4, num_key_value_heads=1, max_position_embeddings=64, rms_norm_eps=1e-6,
                  rope_theta=1000000.0, rope_scaling={"type": "linear", "factor": 2.0}, tie_word_embeddings=True,
                  bos_token_id=None, eos_token_id=7, hidden_act="silu", use_sliding_window=False),
    # A Llama-3 chat model with text: the tokenizer.json of ../tokenizers/llama3 (383 ids) and a
    # tokenizer_config.json with Meta-Llama-3-Instruct's chat template; <|end_of_text|> and <|eot_id|> end.
    "llama3-chat": dict(model_type="llama", vocab_size=384, hidden_size=16, intermediate_size=24, num_hidden_layers=2,
                        num_attention_heads=2, num_key_value_heads=1, max_position_embeddings=256, rms_norm_eps=1e-5,
                        rope_theta=500000.0, rope_scaling=None, tie_word_embeddings=True, attention_bias=False,
                        mlp_bias=False, bos_token_id=378, eos_token_id=[379, 382], hidden_act="silu"),
    # A TinyLlama-Chat-style model: the SentencePiece tokenizer of ../tokenizers/sentencepiece/legacy
    # (384 pieces, <s> 1, </s> 2) with the Zephyr chat template; untied, no biases.
    "llama2-chat": dict(model_type="llama", vocab_size=384, hidden_size=16, intermediate_size=24, num_hidden_layers=2,
                        num_attention_heads=2, num_key_value_heads=1, max_position_embeddings=256, rms_norm_eps=1e-5,
                        rope_theta=10000.0, rope_scaling=None, tie_word_embeddings=False, attention_bias=False,
                        mlp_bias=False, bos_token_id=1, eos_token_id=2, hidden_act="silu"),
    # Qwen2.5 with YaRN as its model card adds it (type, factor, original_max_position_embeddings): the
    # default beta_fast/beta_slow, attention factor 0.1·ln(factor) + 1, head_dim 16 (a ramp of 8).
    "qwen2-yarn": dict(model_type="qwen2", vocab_size=72, hidden_size=64, intermediate_size=48, num_hidden_layers=2,
                       num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=128, rms_norm_eps=1e-6,
                       rope_theta=10000.0, rope_scaling={"type": "yarn", "factor": 4.0, "original_max_position_embeddings": 32},
                       tie_word_embeddings=False, bos_token_id=None, eos_token_id=5, hidden_act="silu",
                       use_sliding_window=False),
    # Llama with every YaRN field: betas, mscale / mscale_all_dim (the attention factor their ratio), an
    # unrounded ramp (truncate false), and factor null (max_position_embeddings / original: 4).
    "llama-yarn": dict(model_type="llama", vocab_size=88, hidden_size=32, intermediate_size=40, num_hidden_layers=2,
                       num_attention_heads=2, num_key_value_heads=2, head_dim=24, max_position_embeddings=256,
                       rms_norm_eps=1e-5, rope_theta=500.0,
                       rope_scaling={"rope_type": "yarn", "factor": None, "original_max_position_embeddings": 64, "beta_fast": 16.0,
                                     "beta_slow": 2.0, "mscale": 0.9, "mscale_all_dim": 0.5, "truncate": False},
                       tie_word_embeddings=True, attention_bias=False, mlp_bias=False, bos_token_id=1, eos_token_id=2,
                       hidden_act="silu"),
    # Dynamic NTK scaling past a max_position_embeddings of 10: the 14 ids' logits rotate by the base
    # stretched to 14 positions; greedy decoding, as transformers' KV cache does, keeps each key as the
    # call that fed it rotated it (the prompt's by the prompt's length, then each new one by its own).
    "llama-dynamic": dict(model_type="llama", vocab_size=70, hidden_size=32, intermediate_size=40, num_hidden_layers=2,
                          num_attention_heads=2, num_key_value_heads=1, head_dim=16, max_position_embeddings=10,
                          rms_norm_eps=1e-6, rope_theta=10000.0, rope_scaling={"type": "dynamic", "factor": 2.0},
                          tie_word_embeddings=False, attention_bias=False, mlp_bias=False, bos_token_id=1, eos_token_id=2,
                          hidden_act="silu"),
}


def head_dim(c):
    return c.get("head_dim") or c["hidden_size"] // c["num_attention_heads"]


def weights(c, seed):
    g = torch.Generator().manual_seed(seed)
    def t(*shape, scale=0.45):
        return torch.randn(*shape, generator=g) * scale
    H, K, D, C, I, V = c["num_attention_heads"], c["num_key_value_heads"], head_dim(c), c["hidden_size"], c["intermediate_size"], c["vocab_size"]
    qwen = c["model_type"] == "qwen2"
    qkv_bias = qwen or c.get("attention_bias", False)
    o_bias = (not qwen) and c.get("attention_bias", False)
    mlp_bias = (not qwen) and c.get("mlp_bias", False)
    w = {"model.embed_tokens.weight": t(V, C, scale=1.0), "model.norm.weight": 1 + t(C, scale=0.1)}
    for i in range(c["num_hidden_layers"]):
        p = f"model.layers.{i}."
        w[p + "input_layernorm.weight"] = 1 + t(C, scale=0.1)
        w[p + "post_attention_layernorm.weight"] = 1 + t(C, scale=0.1)
        for name, shape in (("q_proj", (H * D, C)), ("k_proj", (K * D, C)), ("v_proj", (K * D, C)), ("o_proj", (C, H * D))):
            w[p + f"self_attn.{name}.weight"] = t(*shape)
            if (name != "o_proj" and qkv_bias) or (name == "o_proj" and o_bias):
                w[p + f"self_attn.{name}.bias"] = t(shape[0], scale=0.1)
        for name, shape in (("gate_proj", (I, C)), ("up_proj", (I, C)), ("down_proj", (C, I))):
            w[p + f"mlp.{name}.weight"] = t(*shape)
            if mlp_bias:
                w[p + f"mlp.{name}.bias"] = t(shape[0], scale=0.1)
    if not c["tie_word_embeddings"]:
        w["lm_head.weight"] = t(V, C)
    return w


def rope_kind(c):
    s = c.get("rope_scaling") or {}
    return s.get("type", s.get("rope_type", "default"))


def yarn_mscale(scale, mscale=1):
    return 1.0 if scale <= 1 else 0.1 * mscale * math.log(scale) + 1.0


def yarn_factor(c):
    s = c["rope_scaling"]
    return s.get("factor") or c["max_position_embeddings"] / s.get("original_max_position_embeddings", c["max_position_embeddings"])


def attention_scaling(c):
    """transformers (>= 4.5x) _compute_yarn_parameters' attention_factor; 1 for the other types."""
    if rope_kind(c) != "yarn":
        return 1.0
    s, factor = c["rope_scaling"], yarn_factor(c)
    if s.get("attention_factor") is not None:
        return s["attention_factor"]
    if s.get("mscale") and s.get("mscale_all_dim"):
        return yarn_mscale(factor, s["mscale"]) / yarn_mscale(factor, s["mscale_all_dim"])
    return yarn_mscale(factor)


def yarn_inv_freq(c):
    """transformers' _compute_yarn_parameters, in its newest form: the given factor wins, the correction
    range uses original_max_position_embeddings (default max_position_embeddings), truncate defaults true."""
    s, dim, base, factor = c["rope_scaling"], head_dim(c), c["rope_theta"], yarn_factor(c)
    original = s.get("original_max_position_embeddings", c["max_position_embeddings"])
    def correction_dim(rotations):
        return (dim * math.log(original / (rotations * 2 * math.pi))) / (2 * math.log(base))
    low, high = correction_dim(s.get("beta_fast") or 32), correction_dim(s.get("beta_slow") or 1)
    if s.get("truncate", True):
        low, high = math.floor(low), math.ceil(high)
    low, high = max(low, 0), min(high, dim - 1)
    if low == high:
        high += 0.001
    ramp = torch.clamp((torch.arange(dim // 2, dtype=torch.float32) - low) / (high - low), 0, 1)
    pos_freqs = base ** (torch.arange(0, dim, 2).float() / dim)
    extrapolation, interpolation = 1.0 / pos_freqs, 1.0 / (factor * pos_freqs)
    kept = 1 - ramp
    return interpolation * (1 - kept) + extrapolation * kept


def dynamic_base(c, seq_len):
    """transformers' _compute_dynamic_ntk_parameters: the base stretched for a call of seq_len positions."""
    D, max_pos, factor = head_dim(c), c["max_position_embeddings"], c["rope_scaling"]["factor"]
    seq_len = max(seq_len, max_pos)
    return c["rope_theta"] * ((factor * seq_len / max_pos) - (factor - 1)) ** (D / (D - 2))


def inv_freq(c, seq_len=0):
    D = head_dim(c)
    kind = rope_kind(c)
    base = dynamic_base(c, seq_len) if kind == "dynamic" else c["rope_theta"]
    inv = 1.0 / (base ** (torch.arange(0, D, 2, dtype=torch.int64).float() / D))
    s = c.get("rope_scaling") or {}
    if kind == "yarn":
        return yarn_inv_freq(c)
    if kind == "linear":
        return inv / s["factor"]
    if kind == "llama3":
        factor, low, high, old = s["factor"], s["low_freq_factor"], s["high_freq_factor"], s["original_max_position_embeddings"]
        low_wavelen, high_wavelen = old / low, old / high
        wavelen = 2 * math.pi / inv
        inv_l = torch.where(wavelen > low_wavelen, inv / factor, inv)
        smooth = (old / wavelen - low) / (high - low)
        smoothed = (1 - smooth) * inv_l / factor + smooth * inv_l
        medium = ~(wavelen < high_wavelen) * ~(wavelen > low_wavelen)
        return torch.where(medium, smoothed, inv_l)
    return inv


def rms(x, w, eps):
    wide = x.float()  # bf16: the mean square in float32, the result back in bf16 (LlamaRMSNorm)
    return w * (wide * torch.rsqrt(wide.pow(2).mean(-1, keepdim=True) + eps)).to(x.dtype)


def rotate_half(x):
    x1, x2 = x[..., : x.shape[-1] // 2], x[..., x.shape[-1] // 2:]
    return torch.cat((-x2, x1), dim=-1)


def forward(c, w, ids, lengths=None):
    """logits [T, V] of one sequence, no cache. lengths[p]: the call length whose dynamic NTK frequencies
    rotate position p (default: all T, one call)."""
    T, H, K, D = len(ids), c["num_attention_heads"], c["num_key_value_heads"], head_dim(c)
    x = w["model.embed_tokens.weight"][torch.tensor(ids)]
    per_position = torch.stack([inv_freq(c, n) for n in (lengths or [T] * T)])
    freqs = torch.arange(T).float()[:, None] * per_position
    emb = torch.cat((freqs, freqs), dim=-1)
    scale = attention_scaling(c)
    cos, sin = (emb.cos() * scale)[None].to(x.dtype), (emb.sin() * scale)[None].to(x.dtype)
    mask = torch.full((T, T), float("-inf")).triu(1)
    lin = lambda x, p: torch.nn.functional.linear(x, w[p + ".weight"], w.get(p + ".bias"))  # nn.Linear
    for i in range(c["num_hidden_layers"]):
        p = f"model.layers.{i}."
        h = rms(x, w[p + "input_layernorm.weight"], c["rms_norm_eps"])
        q = lin(h, p + "self_attn.q_proj").view(T, H, D).transpose(0, 1)
        k = lin(h, p + "self_attn.k_proj").view(T, K, D).transpose(0, 1)
        v = lin(h, p + "self_attn.v_proj").view(T, K, D).transpose(0, 1)
        q, k = q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
        k = k[:, None].expand(K, H // K, T, D).reshape(H, T, D)  # repeat_kv
        v = v[:, None].expand(K, H // K, T, D).reshape(H, T, D)
        a = torch.softmax(q @ k.transpose(1, 2) / math.sqrt(D) + mask, dim=-1, dtype=torch.float32).to(v.dtype) @ v
        x = x + lin(a.transpose(0, 1).reshape(T, H * D), p + "self_attn.o_proj")
        h = rms(x, w[p + "post_attention_layernorm.weight"], c["rms_norm_eps"])
        x = x + lin(torch.nn.functional.silu(lin(h, p + "mlp.gate_proj")) * lin(h, p + "mlp.up_proj"), p + "mlp.down_proj")
    head = w.get("lm_head.weight", w["model.embed_tokens.weight"])
    return (rms(x, w["model.norm.weight"], c["rms_norm_eps"]) @ head.T).float()


def greedy(c, w, prompt, n):
    eos = c["eos_token_id"] if isinstance(c["eos_token_id"], list) else [c["eos_token_id"]]
    ids = list(prompt)
    for _ in range(n):
        nxt = int(forward(c, w, ids, [max(len(prompt), p + 1) for p in range(len(ids))])[-1].argmax())
        ids.append(nxt)
        if nxt in eos:
            break
    return ids[len(prompt):]


def add_text_files(d):
    tokenizers = os.path.join(HERE, "..", "tokenizers", "llama3")
    shutil.copy(os.path.join(tokenizers, "tokenizer.json"), d)
    templates = json.load(open(os.path.join(HERE, "..", "chat-formats", "templates.json"), encoding="utf-8"))
    json.dump({"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>", "chat_template": templates["llama3"]},
              open(os.path.join(d, "tokenizer_config.json"), "w"), indent=2)


def add_sentencepiece_files(d):
    source = os.path.join(HERE, "..", "tokenizers", "sentencepiece", "legacy")
    for name in ("tokenizer.model", "tokenizer.json", "tokenizer_config.json"):
        shutil.copy(os.path.join(source, name), d)


def write_model(name, c, w):
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    json.dump({**c, "architectures": ["Qwen2ForCausalLM" if c["model_type"] == "qwen2" else "LlamaForCausalLM"]},
              open(os.path.join(d, "config.json"), "w"), indent=2)
    json.dump({"bos_token_id": c["bos_token_id"], "eos_token_id": c["eos_token_id"]},
              open(os.path.join(d, "generation_config.json"), "w"), indent=2)
    if name == "llama3-chat":
        add_text_files(d)
    if name == "llama2-chat":
        add_sentencepiece_files(d)
    if name != "qwen2":
        save_safetensors(os.path.join(d, "model.safetensors"), w)
        return
    names = list(w)
    shards = {"model-00001-of-00002.safetensors": names[: len(names) // 2], "model-00002-of-00002.safetensors": names[len(names) // 2:]}
    for file, keys in shards.items():
        save_safetensors(os.path.join(d, file), {k: w[k] for k in keys})
    json.dump({"metadata": {}, "weight_map": {k: f for f, ks in shards.items() for k in ks}},
              open(os.path.join(d, "model.safetensors.index.json"), "w"), indent=2)


def bf16_main():
    """expected_bf16.json: the same models with their weights in bf16, computed as transformers computes a
    bf16 model, beside the float32 expected.json (which this leaves as it is)."""
    expected = {}
    for seed, (name, c) in enumerate(MODELS.items()):
        w = {k: t.to(torch.bfloat16) for k, t in weights(c, seed + 1).items()}
        g = torch.Generator().manual_seed(100 + seed)
        ids = torch.randint(0, c["vocab_size"], (14,), generator=g).tolist()
        expected[name] = {"ids": ids, "logits": forward(c, w, ids).tolist()}
    json.dump(expected, open(os.path.join(HERE, "expected_bf16.json"), "w"))


def main():
    if sys.argv[1:] == ["--bf16"]:
        return bf16_main()
    torch.manual_seed(0)
    expected = {}
    for seed, (name, c) in enumerate(MODELS.items()):
        w = weights(c, seed + 1)
        write_model(name, c, w)
        g = torch.Generator().manual_seed(100 + seed)
        ids = torch.randint(0, c["vocab_size"], (14,), generator=g).tolist()
        logits = forward(c, w, ids)
        lp = torch.log_softmax(logits[:-1], -1).gather(1, torch.tensor(ids[1:])[:, None])[:, 0]
        prompt = ids[:5]
        expected[name] = {"ids": ids, "logits": logits.tolist(), "token_logprobs": lp.tolist(), "logprob": float(lp.sum()),
                          "greedy_prompt": prompt, "greedy_new_ids": greedy(c, w, prompt, 24), "max_new_tokens": 24}
    json.dump(expected, open(os.path.join(HERE, "expected.json"), "w"))


if __name__ == "__main__":
    main()
