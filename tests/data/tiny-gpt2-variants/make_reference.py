#!/usr/bin/python3
"""Reference logits for GPT-2 config variants, computed by an independent PyTorch forward written from
the transformers GPT2 semantics: attention scaling (scale_attn_weights divides scores by sqrt(head_dim);
scale_attn_by_inverse_layer_idx divides them by layer_idx + 1), the MLP's activation_function (ACT2FN)
and layer_norm_epsilon.

Uses tests/data/tiny-gpt2/policy weights with each variant's config.json; writes <variant>/expected.safetensors
holding `last_logits` [50257] for expected.json sequence 0. Run: /usr/bin/python3 make_reference.py"""
import json, math, os, struct
import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, "..", "tiny-gpt2")

def read_safetensors(path):
    raw = open(path, "rb").read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        out[name] = torch.from_numpy(np.frombuffer(raw[8 + n + a:8 + n + b], dtype=np.float32).reshape(info["shape"]).copy())
    return out

def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        data = t.numpy().astype(np.float32).tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))

ACT2FN = {
    "gelu_new": lambda x: torch.nn.functional.gelu(x, approximate="tanh"),
    "gelu": torch.nn.functional.gelu,
    "relu": torch.relu,
    "silu": torch.nn.functional.silu,
    "quick_gelu": lambda x: x * torch.sigmoid(1.702 * x),
}

def hidden(w, cfg, ids):
    C, H = cfg["n_embd"], cfg["n_head"]
    eps = cfg.get("layer_norm_epsilon", 1e-5)
    act = ACT2FN[cfg.get("activation_function", "gelu_new")]
    D = C // H
    x = w["transformer.wte.weight"][ids] + w["transformer.wpe.weight"][torch.arange(len(ids))]
    T = len(ids)
    for l in range(cfg["n_layer"]):
        p = f"transformer.h.{l}."
        h = torch.nn.functional.layer_norm(x, (C,), w[p + "ln_1.weight"], w[p + "ln_1.bias"], eps)
        qkv = h @ w[p + "attn.c_attn.weight"] + w[p + "attn.c_attn.bias"]
        q, k, v = [t.view(T, H, D).transpose(0, 1) for t in qkv.split(C, 1)]
        s = q @ k.transpose(-1, -2)
        if cfg.get("scale_attn_weights", True):
            s = s / math.sqrt(D)
        if cfg.get("scale_attn_by_inverse_layer_idx", False):
            s = s / float(l + 1)
        s = s.masked_fill(torch.ones(T, T, dtype=torch.bool).triu(1), float("-inf")).softmax(-1)
        y = (s @ v).transpose(0, 1).reshape(T, C) @ w[p + "attn.c_proj.weight"] + w[p + "attn.c_proj.bias"]
        x = x + y
        h = torch.nn.functional.layer_norm(x, (C,), w[p + "ln_2.weight"], w[p + "ln_2.bias"], eps)
        h = act(h @ w[p + "mlp.c_fc.weight"] + w[p + "mlp.c_fc.bias"])
        x = x + h @ w[p + "mlp.c_proj.weight"] + w[p + "mlp.c_proj.bias"]
    return torch.nn.functional.layer_norm(x, (C,), w["transformer.ln_f.weight"], w["transformer.ln_f.bias"], eps)

def forward(w, cfg, ids):
    return hidden(w, cfg, ids) @ w["transformer.wte.weight"].t()

def reward_reference(w, cfg, dpo):
    """GPT2ForSequenceClassification with one label: score [1, C] on the last token's final hidden state,
    for expected.json's dpo prompt + chosen and prompt + rejected (tokenized separately, concatenated)."""
    score = torch.randn(1, cfg["n_embd"], generator=torch.Generator().manual_seed(11)) * 0.5
    out = os.path.join(HERE, "reward")
    os.makedirs(out, exist_ok=True)
    write_safetensors(os.path.join(out, "score.safetensors"), {"score.weight": score})
    rewards = {}
    with torch.no_grad():
        for name in ("chosen", "rejected"):
            rewards[name] = float(hidden(w, cfg, torch.tensor(dpo["prompt"] + dpo[name]))[-1] @ score[0])
    json.dump(rewards, open(os.path.join(out, "expected.json"), "w"), indent=2)
    print("reward", rewards)

def main():
    base_cfg = json.load(open(os.path.join(BASE, "policy", "config.json")))
    ids = torch.tensor(json.load(open(os.path.join(BASE, "expected.json")))["sequences"][0])
    w = read_safetensors(os.path.join(BASE, "policy", "model.safetensors"))
    variants = {"inverse-layer-scale": {"scale_attn_by_inverse_layer_idx": True},
                "unscaled-attention": {"scale_attn_weights": False},
                "quick-gelu-activation": {"activation_function": "quick_gelu"},
                "relu-activation": {"activation_function": "relu", "layer_norm_epsilon": 1e-3}}
    for name, change in variants.items():
        cfg = dict(base_cfg, **change)
        os.makedirs(os.path.join(HERE, name), exist_ok=True)
        json.dump(cfg, open(os.path.join(HERE, name, "config.json"), "w"), indent=2)
        with torch.no_grad():
            logits = forward(w, cfg, ids)
        write_safetensors(os.path.join(HERE, name, "expected.safetensors"), {"last_logits": logits[-1]})
        print(name, logits[-1, :3].tolist())
    reward_reference(w, base_cfg, json.load(open(os.path.join(BASE, "expected.json")))["dpo"])
    # Sanity: the default config reproduces transformers' own logits for the same sequence.
    with torch.no_grad():
        default = forward(w, base_cfg, ids)[-1]
    print("default", default[:3].tolist())

if __name__ == "__main__":
    main()
