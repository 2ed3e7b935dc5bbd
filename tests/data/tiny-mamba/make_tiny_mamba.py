#!/usr/bin/env python3
"""Writes tiny random Mamba checkpoints in Hugging Face's MambaForCausalLM layout (config.json,
generation_config.json, model.safetensors) and expected.json: the logits, per-token log-probs and greedy ids
of a plain PyTorch transcription of transformers' MambaMixer.slow_forward (modeling_mamba.py): in_proj into
x and gate, a causal depthwise conv1d + SiLU, x_proj into dt / B / C, dt_proj + softplus, the selective
scan h_t = exp(dt_t A) h_(t-1) + dt_t B_t x_t run one position after another, y = C_t h_t + D x, y * SiLU(gate),
out_proj; RMSNorm before each mixer and at the end. Greedy decoding recomputes the whole sequence each step
(no recurrent state), so it checks the C++ recurrent step too. No transformers needed: run with Debian's
python3-torch (/usr/bin/python3 make_tiny_mamba.py). A session with the GPU machine, which has transformers,
can check these numbers against MambaForCausalLM itself (docs/models.md)."""
import json
import math, os, sys
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from safetensors_writer import save_safetensors  # noqa: E402

MODELS = {
    # transformers' defaults but small: tied embeddings, no in/out biases, conv bias, time_step_rank "auto".
    "mamba": dict(vocab_size=72, hidden_size=32, state_size=8, num_hidden_layers=2, expand=2, conv_kernel=4,
                  use_bias=False, use_conv_bias=True, time_step_rank="auto", layer_norm_epsilon=1e-5,
                  tie_word_embeddings=True, bos_token_id=0, eos_token_id=0, pad_token_id=0),
    # Other shapes: untied output layer, in/out biases, no conv bias, explicit rank and intermediate size,
    # kernel 3, three layers, EOS from generation_config.json.
    "mamba-untied": dict(vocab_size=56, hidden_size=24, state_size=4, num_hidden_layers=3, expand=3, intermediate_size=72,
                         conv_kernel=3, use_bias=True, use_conv_bias=False, time_step_rank=5, layer_norm_epsilon=1e-6,
                         tie_word_embeddings=False, bos_token_id=1, eos_token_id=None, pad_token_id=None),
}
GENERATION_EOS = {"mamba": 0, "mamba-untied": 9}


def dims(c):
    C, N, K = c["hidden_size"], c["state_size"], c["conv_kernel"]
    I = c.get("intermediate_size") or int(c["expand"] * C)
    R = math.ceil(C / 16) if c["time_step_rank"] == "auto" else c["time_step_rank"]
    return C, I, N, K, R


def weights(c, seed):
    g = torch.Generator().manual_seed(seed)
    def t(*shape, scale=0.3):
        return torch.randn(*shape, generator=g) * scale
    C, I, N, K, R = dims(c)
    V = c["vocab_size"]
    w = {"backbone.embeddings.weight": t(V, C, scale=1.0), "backbone.norm_f.weight": 1 + t(C, scale=0.1)}
    for i in range(c["num_hidden_layers"]):
        p = f"backbone.layers.{i}."
        w[p + "norm.weight"] = 1 + t(C, scale=0.1)
        m = p + "mixer."
        w[m + "in_proj.weight"] = t(2 * I, C)
        w[m + "conv1d.weight"] = t(I, 1, K, scale=0.5)
        w[m + "x_proj.weight"] = t(R + 2 * N, I)
        w[m + "dt_proj.weight"] = t(I, R, scale=0.5)
        w[m + "dt_proj.bias"] = t(I, scale=0.5) - 2.0
        w[m + "A_log"] = torch.log(torch.arange(1, N + 1, dtype=torch.float32)).expand(I, N) + t(I, N, scale=0.1)
        w[m + "D"] = 1 + t(I, scale=0.2)
        w[m + "out_proj.weight"] = t(C, I)
        if c["use_conv_bias"]:
            w[m + "conv1d.bias"] = t(I, scale=0.1)
        if c["use_bias"]:
            w[m + "in_proj.bias"] = t(2 * I, scale=0.1)
            w[m + "out_proj.bias"] = t(C, scale=0.1)
    if not c["tie_word_embeddings"]:
        w["lm_head.weight"] = t(V, C)
    return w


def rms(x, w, eps):
    return w * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps))


def mixer(c, w, m, x):
    """x [1,T,C] -> [1,T,C], as MambaMixer.slow_forward without a cache."""
    C, I, N, K, R = dims(c)
    T = x.shape[1]
    lin = lambda x, p: x @ w[p + ".weight"].T + (w[p + ".bias"] if p + ".bias" in w else 0)
    projected = lin(x, m + "in_proj").transpose(1, 2)                       # [1,2I,T]
    hidden, gate = projected.chunk(2, dim=1)
    conv = F.conv1d(hidden, w[m + "conv1d.weight"], w.get(m + "conv1d.bias"), padding=K - 1, groups=I)
    hidden = F.silu(conv[..., :T])                                          # [1,I,T]
    dt, B, Cs = torch.split(lin(hidden.transpose(1, 2), m + "x_proj"), [R, N, N], dim=-1)
    dt = F.softplus(lin(dt, m + "dt_proj")).transpose(1, 2)                 # [1,I,T]
    A = -torch.exp(w[m + "A_log"])                                          # [I,N]
    dA = torch.exp(A[None, :, None, :] * dt[:, :, :, None])                 # [1,I,T,N]
    dBu = dt[:, :, :, None] * B[:, None, :, :] * hidden[:, :, :, None]      # [1,I,T,N]
    state, ys = torch.zeros(1, I, N), []
    for i in range(T):
        state = dA[:, :, i, :] * state + dBu[:, :, i, :]
        ys.append(torch.matmul(state, Cs[:, i, :].unsqueeze(-1))[:, :, 0])
    y = torch.stack(ys, dim=-1) + hidden * w[m + "D"][None, :, None]
    return lin((y * F.silu(gate)).transpose(1, 2), m + "out_proj")


def forward(c, w, ids):
    """logits [T, V] of one sequence."""
    x = w["backbone.embeddings.weight"][torch.tensor(ids)][None]
    eps = c["layer_norm_epsilon"]
    for i in range(c["num_hidden_layers"]):
        p = f"backbone.layers.{i}."
        x = x + mixer(c, w, p + "mixer.", rms(x, w[p + "norm.weight"], eps))
    head = w.get("lm_head.weight", w["backbone.embeddings.weight"])
    return (rms(x, w["backbone.norm_f.weight"], eps) @ head.T)[0]


def greedy(c, w, prompt, n, eos):
    ids = list(prompt)
    for _ in range(n):
        nxt = int(forward(c, w, ids)[-1].argmax())
        ids.append(nxt)
        if nxt == eos:
            break
    return ids[len(prompt):]


def write_model(name, c, w):
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    json.dump({**c, "model_type": "mamba", "architectures": ["MambaForCausalLM"], "hidden_act": "silu",
               "residual_in_fp32": True}, open(os.path.join(d, "config.json"), "w"), indent=2)
    json.dump({"eos_token_id": GENERATION_EOS[name]}, open(os.path.join(d, "generation_config.json"), "w"), indent=2)
    save_safetensors(os.path.join(d, "model.safetensors"), w)


def main():
    expected = {}
    for seed, (name, c) in enumerate(MODELS.items()):
        w = weights(c, seed + 1)
        write_model(name, c, w)
        g = torch.Generator().manual_seed(100 + seed)
        ids = torch.randint(1, c["vocab_size"], (16,), generator=g).tolist()
        with torch.no_grad():
            logits = forward(c, w, ids)
            lp = torch.log_softmax(logits[:-1], -1).gather(1, torch.tensor(ids[1:])[:, None])[:, 0]
            prompt = ids[:6]
            expected[name] = {"ids": ids, "logits": logits.tolist(), "token_logprobs": lp.tolist(), "logprob": float(lp.sum()),
                              "greedy_prompt": prompt, "greedy_new_ids": greedy(c, w, prompt, 30, GENERATION_EOS[name]),
                              "max_new_tokens": 30}
    json.dump(expected, open(os.path.join(HERE, "expected.json"), "w"))


if __name__ == "__main__":
    main()
