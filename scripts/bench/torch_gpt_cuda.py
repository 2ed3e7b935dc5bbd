#!/usr/bin/env python3
# GPU reference for `rlhf bench train --preset gpt2 --device cuda`: the same GPT-2 (124M, vocab 50257,
# context 512, batch 16, random tokens, AdamW lr 3e-4) in plain PyTorch with bf16 autocast, SDPA causal
# attention and fused AdamW, eager or torch.compile'd. Timed like the bench: 20 steps after 5 warm-up.
# Usage: torch_gpt_cuda.py eager|compile   -> one JSON line
import json, sys, time
import torch
import torch.nn as nn
import torch.nn.functional as F

V, L, H, C, T, B = 50257, 12, 12, 768, 512, 16

class Block(nn.Module):
    def __init__(s):
        super().__init__()
        s.ln_1, s.ln_2 = nn.LayerNorm(C), nn.LayerNorm(C)
        s.c_attn, s.c_proj = nn.Linear(C, 3 * C), nn.Linear(C, C)
        s.c_fc, s.m_proj = nn.Linear(C, 4 * C), nn.Linear(4 * C, C)
    def forward(s, x):
        b, t, _ = x.shape
        q, k, v = s.c_attn(s.ln_1(x)).split(C, 2)
        q, k, v = [z.view(b, t, H, C // H).transpose(1, 2) for z in (q, k, v)]
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True).transpose(1, 2).reshape(b, t, C)
        x = x + s.c_proj(y)
        return x + s.m_proj(F.gelu(s.c_fc(s.ln_2(x)), approximate="tanh"))

class GPT(nn.Module):
    def __init__(s):
        super().__init__()
        s.wte, s.wpe = nn.Embedding(V, C), nn.Embedding(T, C)
        s.h = nn.ModuleList(Block() for _ in range(L))
        s.ln_f = nn.LayerNorm(C)
    def forward(s, idx):
        x = s.wte(idx) + s.wpe(torch.arange(idx.shape[1], device=idx.device))
        for blk in s.h:
            x = blk(x)
        return s.ln_f(x) @ s.wte.weight.t()

def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "eager"
    torch.manual_seed(0)
    m = GPT().cuda()
    opt = torch.optim.AdamW(m.parameters(), lr=3e-4, fused=True)
    x = torch.randint(0, V, (B, T + 1), device="cuda")
    def step(model):
        with torch.autocast("cuda", dtype=torch.bfloat16):
            loss = F.cross_entropy(model(x[:, :-1]).reshape(-1, V).float(), x[:, 1:].reshape(-1))
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
    model = torch.compile(m) if mode == "compile" else m
    t0 = time.perf_counter()
    for _ in range(5):
        step(model)
    torch.cuda.synchronize()
    warm_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(20):
        step(model)
    torch.cuda.synchronize()
    print(json.dumps({"reference": f"pytorch-{mode}", "torch": torch.__version__, "warmup_s": round(warm_s, 1),
                      "train_tokens_per_s": B * T * 20 / (time.perf_counter() - t0)}))

if __name__ == "__main__":
    main()
