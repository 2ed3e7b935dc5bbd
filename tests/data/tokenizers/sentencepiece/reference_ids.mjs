// Reference ids and decoded texts for SentencePieceTokenizerTest from Hugging Face's tokenizers.js (npm
// @huggingface/tokenizers 0.2.0), an implementation independent of libsentencepiece and of the
// workbench's: `node reference_ids.mjs DIR > expected.json` with DIR this folder, run where
// `npm install @huggingface/tokenizers@0.2.0` was run. It reads the legacy/ and first/ tokenizer.json files
// that make_sentencepiece.py converts from the one tokenizer.model.
import { readFileSync } from "node:fs";
import { Tokenizer } from "@huggingface/tokenizers";

const dir = process.argv[2];
const texts = [
    "Hello world",
    "The quick brown fox jumps over the lazy dog.",
    " leading space and  two  spaces",
    "   three leading, trailing   ",
    "a\n\nb\tc\r\n",
    "Numbers: 12345678 and 3.14159",
    "Café naïve résumé 東京 🙂 Zebra",
    "Hello</s>",
    "<s>Hello world</s>",
    "<|user|>\nWhat is the capital of France?</s>\n<|assistant|>\n",
    "<|system|>\nYou are a helpful assistant.</s>\n<|user|>\nHi!</s>\n<|assistant|>\nHello there!</s>\n",
    "[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nHow do you do? [/INST] Fine.</s><s>[INST] More? [/INST]",
    "x</s> y <s> z",
    "▁already▁metaspace",
    "",
];
const out = {};
for (const name of ["legacy", "first"]) {
    const json = JSON.parse(readFileSync(`${dir}/${name}/tokenizer.json`, "utf8"));
    const config = JSON.parse(readFileSync(`${dir}/${name}/tokenizer_config.json`, "utf8"));
    const tokenizer = new Tokenizer(json, config);
    out[name] = texts.map((text) => {
        const ids = tokenizer.encode(text, { add_special_tokens: false }).ids;
        return {
            text,
            ids,
            ids_with_special_tokens: tokenizer.encode(text, { add_special_tokens: true }).ids,
            decoded: ids.length ? tokenizer.decode(ids, { skip_special_tokens: false }) : "",
            decoded_skipping_special: ids.length ? tokenizer.decode(ids, { skip_special_tokens: true }) : "",
        };
    });
}
console.log(JSON.stringify(out, null, 1));
