#!/usr/bin/env python3
"""Writes the tiny GPT-2 fixture of this folder: two random GPT-2 models and the numbers transformers
computes with them, which the parity tests (tests/core/ModelParityTest, TokenLogProbsTest, DpoLossTest,
CpuDecoderTest) compare against.

Needs transformers (5.x) and PyTorch, which a developer machine without a GPU may lack: run it where they
are installed (the GPU machine has them), from the repository root:

    python3 tests/data/tiny-gpt2/make_tiny_gpt2.py tests/data/tiny-gpt2

The committed fixture was made with transformers 5.17 and PyTorch 2.11; the seeds it used were not
recorded, so this script makes a fixture of the same form with other random weights. Regenerate every
file together (the tests read their expected numbers from expected.json / expected.safetensors, never
from the code), then run the tests.

Layout:
  policy/, reference/         GPT2LMHeadModel.save_pretrained (n_layer 2, n_head 4, n_embd 32,
                              n_positions 64, vocab 50257; tied lm_head; Conv1D weights stored [in, out])
  expected.safetensors        logits_i [T, 50257] and last_hidden_i [T, 32] (after ln_f) of the policy
                              for each sequence i of expected.json
  expected.json               config, sequences, greedy_prompt / greedy_ids (24 new tokens, no EOS stop,
                              prompt included), dpo (ids, summed log-probs of both models, the policy's
                              per-token log-probs of chosen, sigmoid / cDPO 0.1 / IPO losses for beta 0.1, 0.5)
"""
import json
import math
import os
import sys

import torch
from safetensors.torch import save_file
from transformers import GPT2Config, GPT2LMHeadModel, GPT2TokenizerFast

SEQUENCES = ["Men are all alike.", "Human: What is RLHF?\n\nAssistant:"]
DPO = {"prompt": "Human: Tell me about ELIZA.\n\nAssistant:",
       "chosen": " ELIZA is a 1966 chatbot by Joseph Weizenbaum.", "rejected": " I don't know."}


def tiny_model(seed):
    torch.manual_seed(seed)
    config = GPT2Config(n_layer=2, n_head=4, n_embd=32, n_positions=64, vocab_size=50257, resid_pdrop=0.0,
                        embd_pdrop=0.0, attn_pdrop=0.0)
    return GPT2LMHeadModel(config).eval()


def response_logps(model, prompt, response):
    ids = torch.tensor([prompt + response])
    with torch.no_grad():
        logps = torch.log_softmax(model(ids).logits[0, :-1].double(), -1)
    token = logps[torch.arange(len(prompt) - 1, ids.shape[1] - 1), ids[0, len(prompt):]]
    return token.sum().item(), token.tolist()


def dpo_numbers(policy, reference, tok):
    ids = {k: tok.encode(v) for k, v in DPO.items()}
    pc, pc_tokens = response_logps(policy, ids["prompt"], ids["chosen"])
    pr, _ = response_logps(policy, ids["prompt"], ids["rejected"])
    rc, _ = response_logps(reference, ids["prompt"], ids["chosen"])
    rr, _ = response_logps(reference, ids["prompt"], ids["rejected"])
    h = (pc - rc) - (pr - rr)
    logsig = lambda x: -math.log1p(math.exp(-x))
    losses = {}
    for beta in (0.1, 0.5):
        losses[f"sigmoid_beta{beta}"] = -logsig(beta * h)
        losses[f"cdpo_ls0.1_beta{beta}"] = -0.9 * logsig(beta * h) - 0.1 * logsig(-beta * h)
        losses[f"ipo_beta{beta}"] = (h - 1 / (2 * beta)) ** 2
    return dict(ids, policy_logp_chosen=pc, policy_logp_rejected=pr, ref_logp_chosen=rc, ref_logp_rejected=rr,
                policy_token_logps_chosen=pc_tokens, losses=losses)


def main(out, vocab_dir):
    tok = GPT2TokenizerFast.from_pretrained(vocab_dir)
    policy, reference = tiny_model(1), tiny_model(2)
    policy.save_pretrained(os.path.join(out, "policy"))
    reference.save_pretrained(os.path.join(out, "reference"))
    sequences = [tok.encode(s) for s in SEQUENCES]
    tensors = {}
    for i, ids in enumerate(sequences):
        with torch.no_grad():
            o = policy(torch.tensor([ids]), output_hidden_states=True)
        tensors[f"logits_{i}"] = o.logits[0].contiguous()
        tensors[f"last_hidden_{i}"] = o.hidden_states[-1][0].contiguous()
    save_file(tensors, os.path.join(out, "expected.safetensors"))
    greedy = policy.generate(torch.tensor([sequences[0]]), max_new_tokens=24, do_sample=False, eos_token_id=None,
                             pad_token_id=50256)[0].tolist()
    expected = {"config": policy.config.to_dict(), "sequences": sequences, "greedy_prompt": sequences[0],
                "greedy_ids": greedy, "dpo": dpo_numbers(policy, reference, tok)}
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f)


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    main(folder, os.path.join(folder, "..", "gpt2"))
