#!/usr/bin/python3
# A random Llama-family checkpoint of a real model's shape on disk, for measuring what the commands need
# (rlhf generate/score/chat --precision fp32|bf16) on a model as big as the real one without downloading
# it: config.json, generation_config.json and model.safetensors in BF16 (as Qwen2-0.5B and SmolLM ship) or
# F32. The shapes are py_llama_baseline.py's presets; weights normal(0, 0.02), norms 1, biases 0.
# Debian's python3-torch: /usr/bin/python3 make_random_llama.py PRESET DIR [bf16|fp32]
import json, os, struct, sys
import torch

sys.path.insert(0, os.path.dirname(__file__))
from py_llama_baseline import PRESETS  # noqa: E402


def tensors(p):
    V, C, I, L, H, K, bias, _ = p
    D = C // H
    w = lambda *s: torch.randn(*s) * 0.02
    out = {"model.embed_tokens.weight": w(V, C), "model.norm.weight": torch.ones(C)}
    for i in range(L):
        q = f"model.layers.{i}."
        out[q + "input_layernorm.weight"] = torch.ones(C)
        out[q + "post_attention_layernorm.weight"] = torch.ones(C)
        for name, shape in (("q_proj", (H * D, C)), ("k_proj", (K * D, C)), ("v_proj", (K * D, C)), ("o_proj", (C, H * D))):
            out[q + f"self_attn.{name}.weight"] = w(*shape)
            if bias and name != "o_proj":
                out[q + f"self_attn.{name}.bias"] = torch.zeros(shape[0])
        for name, shape in (("gate_proj", (I, C)), ("up_proj", (I, C)), ("down_proj", (C, I))):
            out[q + f"mlp.{name}.weight"] = w(*shape)
    return out


def save(path, named, bf16):
    header, offset = {"__metadata__": {"format": "pt"}}, 0
    for name, t in named.items():
        size = t.numel() * (2 if bf16 else 4)
        header[name] = {"dtype": "BF16" if bf16 else "F32", "shape": list(t.shape), "data_offsets": [offset, offset + size]}
        offset += size
    h = json.dumps(header).encode()
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h)
        for t in named.values():
            f.write((t.to(torch.bfloat16).view(torch.int16) if bf16 else t.float()).contiguous().numpy().tobytes())


def main():
    preset, out, dtype = sys.argv[1], sys.argv[2], (sys.argv[3] if len(sys.argv) > 3 else "bf16")
    V, C, I, L, H, K, bias, theta = PRESETS[preset]
    torch.manual_seed(1)
    os.makedirs(out, exist_ok=True)
    config = {"architectures": ["Qwen2ForCausalLM" if bias else "LlamaForCausalLM"], "model_type": "qwen2" if bias else "llama",
              "vocab_size": V, "hidden_size": C, "intermediate_size": I, "num_hidden_layers": L, "num_attention_heads": H,
              "num_key_value_heads": K, "max_position_embeddings": 32768, "rope_theta": theta, "rms_norm_eps": 1e-6,
              "tie_word_embeddings": True, "bos_token_id": V - 2, "eos_token_id": V - 1,
              "torch_dtype": "bfloat16" if dtype == "bf16" else "float32"}
    if bias:
        config["use_sliding_window"] = False
    json.dump(config, open(os.path.join(out, "config.json"), "w"), indent=2)
    json.dump({"bos_token_id": V - 2, "eos_token_id": V - 1}, open(os.path.join(out, "generation_config.json"), "w"))
    save(os.path.join(out, "model.safetensors"), tensors(PRESETS[preset]), dtype == "bf16")


if __name__ == "__main__":
    main()
