#!/usr/bin/python3
"""Renders the chat templates of templates.json (those of SmolLM-Instruct / ChatML, Qwen2-Instruct,
Meta-Llama-3-Instruct, Llama-2-chat, Zephyr and Llama-3.2-Instruct, as their tokenizer_config.json files
hold them; "llama3.1" is the 3.2 template with Llama-3.1's fixed date_string default in place of
strftime_now) with Jinja2 set up as transformers sets it up (trim_blocks, lstrip_blocks, raise_exception,
strftime_now — here on a fixed day, 3 Dec 2026, so that the references do not change), for
InstructFormatTest: `python3 make_references.py > expected.json` (Debian's python3-jinja2)."""
import datetime
import json, os
import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

HERE = os.path.dirname(os.path.abspath(__file__))
BOS = {"chatml": "", "qwen2": "", "llama3": "<|begin_of_text|>", "llama2": "<s>", "zephyr": "<s>",
       "llama3.2": "<|begin_of_text|>", "llama3.1": "<|begin_of_text|>"}
EOS = {"chatml": "<|im_end|>", "qwen2": "<|im_end|>", "llama3": "<|eot_id|>", "llama2": "</s>", "zephyr": "</s>",
       "llama3.2": "<|eot_id|>", "llama3.1": "<|eot_id|>"}
TODAY = datetime.datetime(2026, 12, 3)

CONVERSATIONS = [
    [{"role": "user", "content": "Hi!"}],
    [{"role": "system", "content": "You are terse."}, {"role": "user", "content": "What is RLHF?"}],
    [{"role": "user", "content": "  Tell me a joke.\n"}, {"role": "assistant", "content": " Why did the GPU cross the road? \n"},
     {"role": "user", "content": "Another one"}],
    [{"role": "system", "content": "Be kind."}, {"role": "user", "content": "One"}, {"role": "assistant", "content": "Two"},
     {"role": "user", "content": "Three\n\nfour"}],
    [{"role": "user", "content": "a"}, {"role": "user", "content": "b"}],
]

def raise_exception(message):
    raise jinja2.exceptions.TemplateError(message)

def main():
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = lambda format: TODAY.strftime(format)
    templates = json.load(open(os.path.join(HERE, "templates.json"), encoding="utf-8"))
    out = {}
    for name, source in templates.items():
        template = env.from_string(source)
        cases = []
        for messages in CONVERSATIONS:
            for generation_prompt in (False, True):
                case = {"messages": messages, "add_generation_prompt": generation_prompt}
                try:
                    case["text"] = template.render(messages=messages, add_generation_prompt=generation_prompt,
                                                   bos_token=BOS[name], eos_token=EOS[name])
                except jinja2.exceptions.TemplateError as e:
                    case["error"] = str(e)
                cases.append(case)
        out[name] = {"bos_token": BOS[name], "eos_token": EOS[name], "cases": cases}
    print(json.dumps(out, ensure_ascii=False, indent=1))

if __name__ == "__main__":
    main()
