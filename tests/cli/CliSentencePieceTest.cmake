# A TinyLlama-Chat-style directory (tests/data/tiny-llama/llama2-chat: the SentencePiece tokenizer.model of
# tests/data/tokenizers/sentencepiece/legacy, <s> 1, </s> 2, the Zephyr chat template) used from the
# command line as a user would: its tokens are those Hugging Face's tokenizers.js gives
# (tests/data/tokenizers/sentencepiece/expected.json); a plain prompt starts with <s>; --chat renders the
# Zephyr turns; streamed text equals the completion's text; SFT keeps the tokenizer.model in its checkpoint.
include(${CMAKE_CURRENT_LIST_DIR}/RunRlhf.cmake)
set(MODEL ${DATA}/tiny-llama/llama2-chat)
file(READ ${DATA}/tokenizers/sentencepiece/expected.json reference)

function(tokenize out model text)
  run_ok(t tokenize --model ${model} "${text}" --json)
  string(JSON list GET "${t}" ids)
  json_ids(ids "${list}")
  set(${out} "${ids}" PARENT_SCOPE)
endfunction()

function(reference_ids out index)
  string(JSON list GET "${reference}" legacy ${index} ids)
  json_ids(ids "${list}")
  set(${out} "${ids}" PARENT_SCOPE)
endfunction()

# tokenize: the reference's ids for a plain text and for the Zephyr turns (</s> is one token).
foreach(index 0 9)
  string(JSON text GET "${reference}" legacy ${index} text)
  tokenize(got ${MODEL} "${text}")
  reference_ids(want ${index})
  expect_equal("tokenize of reference text ${index}" "${got}" "${want}")
endforeach()

# A plain prompt is <s> and the text's tokens; greedy ids from the text equal those from its ids.
reference_ids(helloIds 0)
run_ok(out generate --model ${MODEL} --prompt "Hello world" --greedy --max-new-tokens 12 --json)
string(JSON list GET "${out}" prompt_ids)
json_ids(promptIds "${list}")
expect_equal("prompt ids of a plain prompt" "${promptIds}" "1,${helloIds}")
string(JSON list GET "${out}" completions 0 ids)
json_ids(fromText "${list}")
string(JSON text GET "${out}" completions 0 text)
run_ok(out generate --model ${MODEL} --ids ${promptIds} --greedy --max-new-tokens 12 --json)
string(JSON list GET "${out}" completions 0 ids)
json_ids(fromIds "${list}")
expect_equal("greedy ids from the text against from its ids" "${fromText}" "${fromIds}")

# --stream prints the same text, token by token (a SentencePiece token's space is kept inside the text).
run_ok(streamed generate --model ${MODEL} --prompt "Hello world" --greedy --max-new-tokens 12 --stream)
string(REGEX REPLACE "\n$" "" streamed "${streamed}")
expect_equal("streamed text against the completion's text" "${streamed}" "${text}")

# --chat: the Zephyr turns of the template in tokenizer_config.json, as Jinja2 renders them.
reference_ids(chatIds 9)
run_ok(out generate --model ${MODEL} --prompt "What is the capital of France?" --chat --max-new-tokens 3 --seed 2 --json)
string(JSON list GET "${out}" prompt_ids)
json_ids(got "${list}")
expect_equal("--chat prompt ids" "${got}" "${chatIds}")

# score on texts: the response continues the prompt, so its ids are those "Hello world" has after
# "Hello"'s (no "▁" of its own), and their log-probs are score --ids' last ones.
run_ok(byText score --model ${MODEL} --prompt "Hello" --response " world" --json)
string(JSON list GET "${byText}" response_ids)
json_ids(responseIds "${list}")
tokenize(promptOnly ${MODEL} "Hello")
expect_equal("the prompt's and the response's ids against the whole text's" "${promptOnly},${responseIds}" "${helloIds}")
run_ok(byIds score --model ${MODEL} --ids 1,${helloIds} --json)
string(JSON n LENGTH "${byIds}" token_logprobs)
string(JSON m LENGTH "${byText}" token_logprobs)
math(EXPR offset "${n} - ${m}")
math(EXPR lastResponse "${m} - 1")
foreach(i RANGE ${lastResponse})
  math(EXPR j "${offset} + ${i}")
  string(JSON a GET "${byText}" token_logprobs ${i})
  string(JSON b GET "${byIds}" token_logprobs ${j})
  expect_equal("score on texts against on ids (response token ${i})" "${a}" "${b}")
endforeach()

# SFT on a project: the checkpoint holds the tokenizer.model (and no byte-level files), encodes as the
# source, and keeps the Zephyr template.
set(P ${WORK}/demos.rlhf)
file(REMOVE_RECURSE ${P} ${P}.d)
file(MAKE_DIRECTORY ${WORK})
run_ok(out import ${P} ${DATA}/formats/sft.jsonl --json)
run_ok(out train sft ${P} --set model=${MODEL} --set max_steps=2 --set batch_size=2 --set checkpoint_every=2 --json)
set(TUNED ${P}.d/runs/1-sft/checkpoints/step-00000002)
foreach(file tokenizer.model tokenizer_config.json)
  if(NOT EXISTS ${TUNED}/${file})
    message(FATAL_ERROR "the SFT checkpoint lacks ${file}")
  endif()
endforeach()
if(EXISTS ${TUNED}/vocab.json)
  message(FATAL_ERROR "the SFT checkpoint has a vocab.json beside its tokenizer.model")
endif()
string(JSON text GET "${reference}" legacy 10 text)
tokenize(source ${MODEL} "${text}")
tokenize(tuned ${TUNED} "${text}")
expect_equal("the checkpoint's tokens against the source's" "${tuned}" "${source}")
run_ok(out generate --model ${TUNED} --prompt "What is the capital of France?" --chat --max-new-tokens 2 --json)
string(JSON list GET "${out}" prompt_ids)
json_ids(got "${list}")
expect_equal("--chat prompt ids of the SFT checkpoint" "${got}" "${chatIds}")
