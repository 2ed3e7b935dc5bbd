// Reference ids for TokenizerFormatsTest from Hugging Face's tokenizers.js (npm @huggingface/tokenizers
// 0.2.0), an implementation independent of the workbench's: `node reference_ids.mjs DIR > expected.json`
// with DIR this folder, run where `npm install @huggingface/tokenizers` was run. Texts avoid U+0085,
// U+180E and U+FEFF, where JavaScript's \s and Oniguruma's differ.
import { readFileSync } from "node:fs";
import { Tokenizer } from "@huggingface/tokenizers";

const dir = process.argv[2];
const texts = [
    "Hello world",
    "The quick brown fox jumps over the lazy dog.",
    "I'M SURE THEY'RE HERE, we'll see. It's DON'T",
    "Numbers: 12345678 and 2024 and 3.14159 and 1,000,000",
    "a\n\n  b\r\n\tc   \n",
    "   leading and trailing   ",
    "Café naïve résumé 東京都 Ⅻ ½ ٣٤٥",
    "e\u0301cole de\u0301ja\u0300 A\u030angstro\u0308m",
    "zebra zebra, zebras!",
    "<|im_start|>user\nHi there<|im_end|>\n<|im_start|>assistant\n",
    "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi!<|eot_id|>",
    "emoji 🙂👍🏽 and symbols ©®™ -- ... !!! ???",
    "",
];
const out = {};
for (const name of ["llama3", "qwen2", "smollm"]) {
    const json = JSON.parse(readFileSync(`${dir}/${name}/tokenizer.json`, "utf8"));
    const config = JSON.parse(readFileSync(`${dir}/${name}/tokenizer_config.json`, "utf8"));
    const tokenizer = new Tokenizer(json, config);
    out[name] = texts.map((text) => ({
        text,
        ids: tokenizer.encode(text, { add_special_tokens: false }).ids,
        ids_with_special_tokens: tokenizer.encode(text, { add_special_tokens: true }).ids,
    }));
}
console.log(JSON.stringify(out, null, 1));
