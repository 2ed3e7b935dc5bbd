#!/usr/bin/python3
# CPU reference for `rlhf bench llama`: the same random Llama-family model (presets tiny, smollm-135m,
# qwen2-0.5b: the shapes of SmolLM-135M and Qwen2-0.5B) in plain PyTorch eager, float32, as transformers'
# modeling_llama computes it (RMSNorm, rotate-half rotary embeddings, grouped-query attention through
# repeat_kv and eager attention, SwiGLU), with a KV cache. Measured as the bench measures: a 128-token prefill, 32
# greedy tokens decoded one at a time, the token log-probs of a 256-token sequence; medians of 3 rounds
# after a warm-up; then fine-tuning steps on a 128-token sequence (the mean next-token loss, backward,
# torch.optim.AdamW), tokens per second as the median of 3 steps after a warm-up; peak resident memory.
# With bf16 (`rlhf bench llama --bf16`): the inference rounds on bf16 copies of the weights, computed as
# transformers computes a bf16 model (RMSNorm's mean square, the rotary angles and the softmax in float32),
# the training steps under torch.autocast("cpu", torch.bfloat16).
# Debian's python3-torch: /usr/bin/python3 py_llama_baseline.py PRESET THREADS [bf16]
import json, resource, sys, time
import torch
import torch.nn.functional as F

PRESETS = {  # vocab, hidden, intermediate, layers, heads, kv heads, q/k/v biases, rope theta
    "tiny": (512, 64, 128, 2, 4, 2, False, 10000.0),
    "smollm-135m": (49152, 576, 1536, 30, 9, 3, False, 10000.0),
    "qwen2-0.5b": (151936, 896, 4864, 24, 14, 2, True, 1000000.0),
}


def make_weights(p):
    V, C, I, L, H, K, bias, _ = p
    D = C // H
    w = lambda *s: torch.randn(*s) * 0.02
    layers = []
    for _ in range(L):
        layers.append(dict(q=w(H * D, C), k=w(K * D, C), v=w(K * D, C), o=w(C, H * D), gate=w(I, C), up=w(I, C), down=w(C, I),
                           qb=torch.zeros(H * D) if bias else None, kb=torch.zeros(K * D) if bias else None,
                           vb=torch.zeros(K * D) if bias else None, n1=torch.ones(C), n2=torch.ones(C)))
    emb = w(V, C)
    return dict(emb=emb, layers=layers, norm=torch.ones(C), head=emb)


def rms(x, w, eps=1e-6):
    wide = x.float()
    return w * (wide * torch.rsqrt(wide.pow(2).mean(-1, keepdim=True) + eps)).to(x.dtype)


def rotate_half(x):
    a, b = x.chunk(2, -1)
    return torch.cat((-b, a), -1)


def forward(p, W, ids, cache):
    V, C, I, L, H, K, bias, theta = p
    D = C // H
    B, T = ids.shape
    start = cache[0][0].shape[2] if cache else 0
    inv = 1.0 / (theta ** (torch.arange(0, D, 2, dtype=torch.float32) / D))
    ang = torch.outer(torch.arange(start, start + T, dtype=torch.float32), inv)
    h = W["emb"][ids]
    cos, sin = torch.cat((ang, ang), -1).cos().to(h.dtype), torch.cat((ang, ang), -1).sin().to(h.dtype)
    new_cache = []
    for i, l in enumerate(W["layers"]):
        x = rms(h, l["n1"])
        q = F.linear(x, l["q"], l["qb"]).view(B, T, H, D).transpose(1, 2)
        k = F.linear(x, l["k"], l["kb"]).view(B, T, K, D).transpose(1, 2)
        v = F.linear(x, l["v"], l["vb"]).view(B, T, K, D).transpose(1, 2)
        q, k = q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
        if cache:
            k, v = torch.cat((cache[i][0], k), 2), torch.cat((cache[i][1], v), 2)
        new_cache.append((k, v))
        kr, vr = k.repeat_interleave(H // K, 1), v.repeat_interleave(H // K, 1)
        scores = q @ kr.transpose(-1, -2) / D ** 0.5  # transformers' eager attention (LibTorch 1.13 has no SDPA)
        if T > 1:
            scores = scores + torch.full((T, kr.shape[2]), float("-inf")).triu(kr.shape[2] - T + 1)
        a = scores.softmax(-1, dtype=torch.float32).to(vr.dtype) @ vr
        h = h + F.linear(a.transpose(1, 2).reshape(B, T, H * D), l["o"])
        x = rms(h, l["n2"])
        h = h + F.linear(F.silu(F.linear(x, l["gate"])) * F.linear(x, l["up"]), l["down"])
    return F.linear(rms(h, W["norm"]), W["head"]).float(), new_cache


def as_bf16(W):
    cast = lambda t: None if t is None else t.to(torch.bfloat16)
    layers = [{name: cast(t) for name, t in l.items()} for l in W["layers"]]
    emb = cast(W["emb"])
    return dict(emb=emb, layers=layers, norm=cast(W["norm"]), head=emb)


def main():
    preset, threads = sys.argv[1], int(sys.argv[2])
    bf16 = len(sys.argv) > 3 and sys.argv[3] == "bf16"
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    p = PRESETS[preset]
    W = make_weights(p)
    R = as_bf16(W) if bf16 else W
    prefill, decode, score = [], [], []
    with torch.inference_mode():
        for r in range(4):  # round 0 warms up
            t0 = time.perf_counter()
            logits, cache = forward(p, R, torch.randint(0, p[0] - 1, (1, 128)), None)
            t1 = time.perf_counter()
            for _ in range(32):
                logits, cache = forward(p, R, logits[:, -1].argmax(-1, keepdim=True), cache)
            t2 = time.perf_counter()
            seq = torch.randint(0, p[0] - 1, (1, 256))
            logits, _ = forward(p, R, seq[:, :-1], None)
            torch.log_softmax(logits[0], -1).gather(1, seq[0, 1:, None])
            t3 = time.perf_counter()
            if r:
                prefill.append(128 / (t1 - t0)); decode.append(32 / (t2 - t1)); score.append(256 / (t3 - t2))
    med = lambda v: sorted(v)[len(v) // 2]
    del R
    params = [t for t in [W["emb"], W["norm"]] + [x for l in W["layers"] for x in l.values()] if t is not None]
    for t in params:
        t.requires_grad_(True)
    optimizer = torch.optim.AdamW(params, lr=1e-5)
    train = []
    for r in range(4):  # round 0 warms up
        seq = torch.randint(0, p[0] - 1, (1, 129))
        t0 = time.perf_counter()
        optimizer.zero_grad(set_to_none=True)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            logits, _ = forward(p, W, seq[:, :-1], None)
        loss = -torch.log_softmax(logits[0], -1).gather(1, seq[0, 1:, None]).mean()
        loss.backward()
        optimizer.step()
        if r:
            train.append(128 / (time.perf_counter() - t0))
    print(json.dumps({"baseline": "pytorch-eager", "preset": preset, "threads": threads, "torch": torch.__version__,
                      "precision": "bf16" if bf16 else "fp32",
                      "prefill_tokens_per_s": med(prefill), "decode_tokens_per_s": med(decode),
                      "score_tokens_per_s": med(score), "train_tokens_per_s": med(train),
                      "peak_rss_gib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024}))


if __name__ == "__main__":
    main()
