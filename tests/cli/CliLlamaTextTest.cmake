# Texts in and out of a Llama-family directory with a tokenizer.json (tests/data/tiny-llama/llama3-chat:
# the Llama-3 tokenizer of tests/data/tokenizers and Meta-Llama-3-Instruct's chat template): the prompt
# the model is given (prompt_ids) is the text with <|begin_of_text|>, or with --chat the conversation
# rendered as Jinja2 renders the template (tests/data/chat-formats/expected.json); what it generates from
# text equals what it generates from those ids; score on texts equals score on ids.
include(${CMAKE_CURRENT_LIST_DIR}/RunRlhf.cmake)
set(MODEL ${DATA}/tiny-llama/llama3-chat)

function(tokenize out text)
  run_ok(t tokenize --model ${MODEL} "${text}" --json)
  string(JSON list GET "${t}" ids)
  json_ids(ids "${list}")
  set(${out} "${ids}" PARENT_SCOPE)
endfunction()

# A plain prompt: <|begin_of_text|> (378, from the post-processor) and the text's tokens.
tokenize(helloIds "Hello world")
run_ok(out generate --model ${MODEL} --prompt "Hello world" --greedy --max-new-tokens 10 --json)
string(JSON list GET "${out}" prompt_ids)
json_ids(promptIds "${list}")
expect_equal("prompt ids of a plain prompt" "${promptIds}" "378,${helloIds}")
# tokenize also shows the prompt's ids as generate gives them to the model.
run_ok(t tokenize --model ${MODEL} "Hello world" --json)
string(JSON list GET "${t}" prompt_ids)
json_ids(tokenizedPromptIds "${list}")
expect_equal("tokenize's prompt_ids" "${tokenizedPromptIds}" "${promptIds}")
string(JSON list GET "${out}" completions 0 ids)
json_ids(fromText "${list}")
string(JSON textFromText GET "${out}" completions 0 text)
run_ok(out generate --model ${MODEL} --ids ${promptIds} --greedy --max-new-tokens 10 --json)
string(JSON list GET "${out}" completions 0 ids)
json_ids(fromIds "${list}")
expect_equal("greedy ids from the text against from its ids" "${fromText}" "${fromIds}")
string(JSON textFromIds GET "${out}" completions 0 text)  # the directory has a tokenizer: ids also get their text
expect_equal("the text of greedy ids from ids" "${textFromIds}" "${textFromText}")

# --chat, with and without --system, in the template's format; --chat-format overrides the template.
file(READ ${DATA}/chat-formats/expected.json formats)
foreach(case "1;Hi!;-" "3;What is RLHF?;You are terse.")
  list(GET case 0 index)
  list(GET case 1 prompt)
  list(GET case 2 system)
  string(JSON rendered GET "${formats}" llama3 cases ${index} text)
  tokenize(expectedIds "${rendered}")
  set(systemArgs "")
  if(NOT system STREQUAL "-")
    set(systemArgs --system "${system}")
  endif()
  run_ok(out generate --model ${MODEL} --prompt "${prompt}" --chat ${systemArgs} --max-new-tokens 4 --seed 5 --json)
  string(JSON list GET "${out}" prompt_ids)
  json_ids(chatIds "${list}")
  expect_equal("--chat prompt ids (case ${index})" "${chatIds}" "${expectedIds}")
endforeach()
string(JSON rendered GET "${formats}" chatml cases 1 text)
tokenize(expectedIds "${rendered}")
execute_process(COMMAND ${RLHF} generate --model ${MODEL} --prompt "Hi!" --chat --chat-format chatml --max-new-tokens 2 --json
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
string(JSON list GET "${out}" prompt_ids)
json_ids(chatIds "${list}")
expect_equal("--chat-format chatml prompt ids" "${chatIds}" "${expectedIds}")
# This Llama-3 tokenizer has no ChatML markers: said, with what follows from it.
if(NOT rc EQUAL 0 OR NOT err MATCHES "warning: .*: the tokenizer has no <\\|im_start\\|>, <\\|im_end\\|> tokens, which the chatml format writes \\(--chat-format chatml; .*, and a reply stops only at its length or the model's EOS")
  message(FATAL_ERROR "--chat-format chatml on a Llama-3 tokenizer: rc=${rc} ${err}")
endif()
execute_process(COMMAND ${RLHF} generate --model ${MODEL} --prompt "Hi!" --chat --max-new-tokens 2 --json
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
  message(FATAL_ERROR "--chat in the model's own format warns of nothing: rc=${rc} ${err}")
endif()

# Sampling: the same seed twice gives the same completions; three completions at once.
run_ok(a generate --model ${MODEL} --prompt "The quick" --num 3 --seed 11 --temperature 1.3 --max-new-tokens 8 --json)
run_ok(b generate --model ${MODEL} --prompt "The quick" --num 3 --seed 11 --temperature 1.3 --max-new-tokens 8 --json)
expect_equal("seeded sampling" "${a}" "${b}")
string(JSON n LENGTH "${a}" completions)
expect_equal("completions" "${n}" 3)

# Plain output shows a reply's control characters as their pictures (U+2400 + the code, DEL U+2421) so a
# terminal does not obey them; --json gives the text itself. At temperature 3 this tiny random model samples
# form feeds and separators among its byte tokens.
set(PICTURES "␁␂␃␄␅␆␇␈␋␌␍␎␏␐␑␒␓␔␕␖␗␘␙␚␛␜␝␞␟␡")
run_ok(out generate --model ${MODEL} --prompt "Hi" --seed 2 --temperature 3 --max-new-tokens 30 --json)
string(JSON text GET "${out}" completions 0 text)
set(controls 0)
set(index 0)
set(controlClass "")
foreach(code 1 2 3 4 5 6 7 8 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 127)
  string(ASCII ${code} control)
  string(APPEND controlClass "${control}")
  string(SUBSTRING "${PICTURES}" ${index} 3 picture)  # bytes: each picture is three in UTF-8
  math(EXPR index "${index} + 3")
  string(FIND "${text}" "${control}" at)
  if(at GREATER -1)
    math(EXPR controls "${controls} + 1")
  endif()
  string(REPLACE "${control}" "${picture}" text "${text}")
endforeach()
if(controls EQUAL 0)
  message(FATAL_ERROR "the sampled reply holds no control character to show: ${out}")
endif()
run_ok(plain generate --model ${MODEL} --prompt "Hi" --seed 2 --temperature 3 --max-new-tokens 30)
expect_equal("plain text with its controls pictured" "${plain}" "${text}\n")
run_ok(streamed generate --model ${MODEL} --prompt "Hi" --seed 2 --temperature 3 --max-new-tokens 30 --stream)
expect_equal("streamed text with its controls pictured" "${streamed}" "${text}\n")
file(WRITE ${WORK}/hi.txt "Hi\n")
execute_process(COMMAND ${RLHF} chat --model ${MODEL} --seed 2 --temperature 3 --max-new-tokens 30
                INPUT_FILE ${WORK}/hi.txt OUTPUT_VARIABLE chatted ERROR_VARIABLE err RESULT_VARIABLE rc)
string(REGEX MATCH "[${controlClass}]" raw "${chatted}")
set(pictured "")  # CMake's regular expressions see bytes: each three-byte picture is looked for as a string
foreach(index RANGE 0 87 3)
  string(SUBSTRING "${PICTURES}" ${index} 3 picture)
  string(FIND "${chatted}" "${picture}" at)
  if(at GREATER -1)
    set(pictured "${picture}")
  endif()
endforeach()
if(NOT rc EQUAL 0 OR raw OR NOT pictured)
  message(FATAL_ERROR "rlhf chat: rc=${rc}, a raw control: '${raw}', a picture: '${pictured}'\n${chatted}\n${err}")
endif()

# score on texts: the response's log-probs after the prompt's ids, as score --ids gives them.
tokenize(responseIds " world")
run_ok(byText score --model ${MODEL} --prompt "Hello" --response " world" --json)
tokenize(promptOnly "Hello")
run_ok(byIds score --model ${MODEL} --ids 378,${promptOnly},${responseIds} --json)
string(JSON n LENGTH "${byIds}" token_logprobs)
math(EXPR last "${n} - 1")
string(JSON textLast GET "${byText}" token_logprobs 0)
string(JSON idsLast GET "${byIds}" token_logprobs ${last})
expect_equal("score on texts against on ids" "${textLast}" "${idsLast}")

# --precision: fp32 is score's default; bf16 weights give other (nearby: LlamaModelTest) log-probs and the
# greedy ids of generate; bf16 is refused for a GPT-2, which runs in float32.
run_ok(fp32 score --model ${MODEL} --ids 378,${promptOnly},${responseIds} --precision fp32 --json)
expect_equal("score --precision fp32 against the default" "${fp32}" "${byIds}")
run_ok(bf16 score --model ${MODEL} --ids 378,${promptOnly},${responseIds} --precision bf16 --json)
string(JSON bf16Logprob GET "${bf16}" logprob)
string(JSON fp32Logprob GET "${fp32}" logprob)
if(bf16Logprob EQUAL fp32Logprob OR NOT bf16Logprob LESS 0)
  message(FATAL_ERROR "score --precision bf16: ${bf16} against fp32 ${fp32}")
endif()
run_ok(out generate --model ${MODEL} --ids ${promptIds} --greedy --max-new-tokens 10 --precision bf16 --json)
string(JSON n LENGTH "${out}" completions 0 ids)
if(n LESS 1)
  message(FATAL_ERROR "generate --precision bf16: ${out}")
endif()
execute_process(COMMAND ${RLHF} score --model ${DATA}/tiny-gpt2/policy --ids 1,2,3 --precision bf16 OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR NOT err MATCHES "--precision bf16: for Llama-family models; this gpt2 model runs in float32")
  message(FATAL_ERROR "score --precision bf16 on a GPT-2: rc=${rc} ${err}")
endif()

# Mistakes: an unknown format, --system without --chat, --chat on a GPT-2.
foreach(case "--chat;--chat-format;vicuna;'vicuna' is not one of chatml, llama-3, llama-2, zephyr"
             "--system;x;--system requires --chat")
  list(POP_BACK case message)
  execute_process(COMMAND ${RLHF} generate --model ${MODEL} --prompt Hi ${case} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(rc EQUAL 0 OR NOT err MATCHES "${message}")
    message(FATAL_ERROR "generate ${case}: rc=${rc} ${err}")
  endif()
endforeach()
# A Llama model chats in its own format: GPT-2's cues are refused, not ignored.
execute_process(COMMAND ${RLHF} chat --model ${MODEL} --user-cue "User: " OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR NOT err MATCHES "--user-cue, --assistant-cue: for a GPT-2 or a Mamba")
  message(FATAL_ERROR "chat --user-cue with a Llama model: rc=${rc} ${err}")
endif()
# A run id without its project is named as such.
execute_process(COMMAND ${RLHF} chat --model 1 OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc WORKING_DIRECTORY ${WORK})
if(rc EQUAL 0 OR NOT err MATCHES "--model 1: not a model directory. a run id needs its project \\(rlhf chat PROJECT --model 1\\)")
  message(FATAL_ERROR "chat --model 1 without a project: rc=${rc} ${err}")
endif()

# rlhf chat (the Chat panel's engine) with a Llama model: its format from the template, a reply of the
# asked length, and a conversation longer than the context of 256 tokens loses whole exchanges, oldest first.
get_filename_component(WORK_DIR ${RLHF} DIRECTORY)
set(requests ${WORK_DIR}/llama-chat-requests.jsonl)
string(REPEAT "The quick brown fox jumps over the lazy dog. " 6 long)
file(WRITE ${requests}
  "{\"id\":1,\"turns\":[{\"role\":\"user\",\"text\":\"Hi!\"}],\"max_new_tokens\":5,\"greedy\":true}\n"
  "{\"id\":2,\"turns\":[{\"role\":\"user\",\"text\":\"${long}\"},{\"role\":\"assistant\",\"text\":\"${long}\"},"
  "{\"role\":\"user\",\"text\":\"${long}\"},{\"role\":\"assistant\",\"text\":\"${long}\"},{\"role\":\"user\",\"text\":\"Hi\"}],"
  "\"max_new_tokens\":5,\"greedy\":true}\n")
execute_process(COMMAND ${RLHF} chat --model ${MODEL} --json --alternatives 0 INPUT_FILE ${requests}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "chat: rc=${rc} ${err}")
endif()
# Token texts may hold ';' (CMake's list separator): the events are read with patterns, not as a list.
if(NOT out MATCHES "^([^\n]*)\n")
  message(FATAL_ERROR "chat: no ready event: ${out}")
endif()
string(JSON format GET "${CMAKE_MATCH_1}" chat_format)
expect_equal("chat_format of the ready event" "${format}" "llama-3")
string(JSON precision GET "${CMAKE_MATCH_1}" precision)
if(NOT precision MATCHES "^(fp32|bf16)$")  # auto: bf16 where the CPU multiplies it natively
  message(FATAL_ERROR "chat: the ready event's precision: ${out}")
endif()
file(WRITE ${WORK_DIR}/no-requests.jsonl "")
foreach(asked fp32 bf16)  # no requests: the ready event, then the end of input ends the chat
  execute_process(COMMAND ${RLHF} chat --model ${MODEL} --json --precision ${asked} INPUT_FILE ${WORK_DIR}/no-requests.jsonl
                  OUTPUT_VARIABLE ready RESULT_VARIABLE rc)
  string(JSON precision GET "${ready}" precision)
  expect_equal("chat --precision ${asked}: the ready event's precision" "${precision}" "${asked}")
endforeach()
if(out MATCHES "\"event\":\"error\"")
  message(FATAL_ERROR "chat: ${out}")
endif()
# A request without a user turn last gets an error event (the reply answers the last user message), and
# top_p 0 is greedy: the same reply as "greedy": true.
file(WRITE ${WORK_DIR}/odd-requests.jsonl
  "{\"id\":7,\"turns\":[]}\n{\"id\":8,\"turns\":[{\"role\":\"user\",\"text\":\"Hi\"},{\"role\":\"assistant\",\"text\":\"Hello\"}]}\n"
  "{\"id\":9,\"turns\":[{\"role\":\"user\",\"text\":\"Hi\"}],\"top_p\":0,\"seed\":5,\"max_new_tokens\":6}\n"
  "{\"id\":10,\"turns\":[{\"role\":\"user\",\"text\":\"Hi\"}],\"greedy\":true,\"max_new_tokens\":6}\n{abc\n"
  "{\"id\":11,\"turns\":[{\"role\":\"user\",\"text\":\"Hi\"}],\"max_new_tokens\":0}\n"
  "{\"id\":12,\"turns\":[{\"role\":\"user\",\"text\":\"Hi\"}],\"temprature\":2}\n"
  "{\"id\":13,\"turns\":[{\"role\":\"user\",\"text\":\"Hi\"}],\"temperature\":\"hot\"}\n"
  "{\"id\":14,\"turns\":[{\"role\":\"user\",\"text\":\"Hi\"}],\"greedy\":true,\"max_new_tokens\":1000}\n"
  "{\"id\":15,\"turns\":[{\"role\":\"user\",\"content\":\"Hi\"}]}\n")
execute_process(COMMAND ${RLHF} chat --model ${MODEL} --json --precision fp32 INPUT_FILE ${WORK_DIR}/odd-requests.jsonl
                OUTPUT_VARIABLE odd RESULT_VARIABLE rc)
foreach(id 7 8)
  if(NOT odd MATCHES "\"event\":\"error\",\"id\":${id},\"message\":\"\\\\\"turns\\\\\": the last turn must be the user's")
    message(FATAL_ERROR "chat: request ${id} without a user turn last: ${odd}")
  endif()
endforeach()
foreach(id 9 10)
  if(NOT odd MATCHES "\"event\":\"done\",\"id\":${id},\"max_new_tokens\":6,\"text\":(\"[^\n]*\"),\"tokens\"")
    message(FATAL_ERROR "chat: no done event for request ${id}: ${odd}")
  endif()
  set(reply${id} "${CMAKE_MATCH_1}")
endforeach()
expect_equal("chat: top_p 0 against greedy" "${reply9}" "${reply10}")
if(NOT odd MATCHES "\"event\":\"error\",\"id\":null,\"message\":\"request line 5 is not JSON: column [0-9]+: syntax error")
  message(FATAL_ERROR "chat: a line that is not JSON: ${odd}")
endif()
if(NOT odd MATCHES "\"event\":\"error\",\"id\":11,\"message\":\"\\\\\"max_new_tokens\\\\\": must be greater than 0, not 0\"")
  message(FATAL_ERROR "chat: a sampling setting out of range is named: ${odd}")
endif()
# A misspelt key and a value of the wrong type are named; a reply's limit is never more than half the
# context (256 here), and the done event says which it had.
foreach(expected "\"id\":12,\"message\":\"\\\\\"temprature\\\\\": not a request key"
                 "\"id\":13,\"message\":\"\\\\\"temperature\\\\\": must be a number, not \\\\\"hot\\\\\"\""
                 "\"end\":\"length\",\"event\":\"done\",\"id\":14,\"max_new_tokens\":128,"
                 "\"id\":15,\"message\":\"\\\\\"content\\\\\": not a turn's key")
  if(NOT odd MATCHES "${expected}")
    message(FATAL_ERROR "chat: expected ${expected} in ${odd}")
  endif()
endforeach()
foreach(id 1 2)
  if(NOT out MATCHES "\"dropped_turns\":([0-9]+),\"end\":\"[a-z]+\",\"event\":\"done\",\"id\":${id},[^\n]*\"tokens\":([0-9]+)}")
    message(FATAL_ERROR "chat: no done event for request ${id}: ${out}")
  endif()
  set(dropped${id} ${CMAKE_MATCH_1})
  set(tokens${id} ${CMAKE_MATCH_2})
endforeach()
expect_equal("tokens and dropped turns of a short chat" "${tokens1}/${dropped1}" "5/0")
if(NOT dropped2 EQUAL 2 AND NOT dropped2 EQUAL 4)
  message(FATAL_ERROR "a chat beyond the context dropped ${dropped2} turns: ${out}")
endif()

# Fine-tuning it from a project: DPO trains the Llama (its checkpoint a llama directory that keeps the
# tokenizer and its chat template); a reward model on it is a LlamaForSequenceClassification that
# `rlhf reward` reads; PPO fine-tunes the DPO run against it.
set(P ${WORK}/pairs.rlhf)
file(REMOVE_RECURSE ${P} ${P}.d)
file(MAKE_DIRECTORY ${WORK})
run_ok(out import ${P} ${DATA}/formats/hh.jsonl --json)
run_ok(out train dpo ${P} --set model=${MODEL} --set max_steps=2 --set batch_size=2 --set checkpoint_every=2 --json)
set(TUNED ${P}.d/runs/1-dpo/checkpoints/step-00000002)
# A project mixing HH dialogues and standard prompts: a chat model renders both as its turns, so no warning
# that the model learns two formats (a plain-text model gets it: ProjectStoreTest).
file(REMOVE_RECURSE ${WORK}/mixed.rlhf ${WORK}/mixed.rlhf.d)
foreach(file hh trl)
  run_ok(out import ${WORK}/mixed.rlhf ${DATA}/formats/${file}.jsonl)
endforeach()
execute_process(COMMAND ${RLHF} train dpo ${WORK}/mixed.rlhf --set model=${MODEL} --set max_steps=1 --set batch_size=2
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR err MATCHES "learns both formats")
  message(FATAL_ERROR "train dpo of a chat model on mixed prompts: rc=${rc} ${err}")
endif()
file(READ ${TUNED}/config.json config)
string(JSON type GET "${config}" model_type)
string(JSON dtype GET "${config}" torch_dtype)
expect_equal("the DPO checkpoint's model_type and torch_dtype" "${type} ${dtype}" "llama float32")
file(READ ${TUNED}/tokenizer_config.json tokenizerConfig)
string(JSON template GET "${tokenizerConfig}" chat_template)
run_ok(out generate --model ${TUNED} --prompt "Hi!" --chat --max-new-tokens 2 --json)
# Candidates for the Ranking panel from the DPO run: its chat template's samples. The second prompt is
# one HH turn ("\n\nHuman: 2+2?\n\nAssistant:"), so they are what rlhf generate --chat draws for "2+2?"
# with that prompt's seed (5 + 1), both with bf16 weights (candidates' default, auto, picks them where the
# CPU computes bf16 natively).
run_ok(generated generate --model ${TUNED} --prompt "2+2?" --chat --num 2 --max-new-tokens 4 --seed 6 --precision bf16 --json)
expect_candidates(${P} "2 dpo-1" 1 "${generated}" --models 1 --k 2 --max-new-tokens 4 --seed 5 --precision bf16)
run_ok(out train rm ${P} --set model=${MODEL} --set max_steps=2 --set batch_size=2 --set checkpoint_every=2 --json)
set(RM ${P}.d/runs/2-rm/checkpoints/step-00000002)
file(READ ${RM}/config.json config)
string(JSON architecture GET "${config}" architectures 0)
string(JSON label GET "${config}" id2label 0)
expect_equal("the reward model's architecture and label" "${architecture} ${label}" "LlamaForSequenceClassification LABEL_0")
run_ok(out reward --model ${RM} --prompt "Hi!" --response "Hello there." --json)
string(JSON reward GET "${out}" reward)
if(NOT reward MATCHES "^-?[0-9]+\\.[0-9]+(e-?[0-9]+)?$")
  message(FATAL_ERROR "rlhf reward on the Llama reward model: ${out}")
endif()
run_ok(out reward --model ${RM} --prompt "Hi!" --response "Go away." --json)
string(JSON other GET "${out}" reward)
if(reward STREQUAL other)
  message(FATAL_ERROR "the Llama reward model gives two responses the same reward ${reward}")
endif()
# PPO of the DPO-tuned Llama against that reward model (both in the Llama-3 template): a Llama policy
# checkpoint with a LlamaForSequenceClassification value model beside it.
expect_ppo_checkpoint(${P} 3 "LlamaForCausalLM LlamaForSequenceClassification" --set model=${TUNED} --set reward_model=${RM})
set(POLICY ${P}.d/runs/3-ppo/checkpoints/step-00000002)
file(READ ${P}.d/runs/3-ppo/samples.jsonl samples)
if(NOT samples MATCHES "\"step\":2")
  message(FATAL_ERROR "train ppo on a Llama: no samples of step 2:\n${samples}")
endif()
run_ok(out generate --model ${POLICY} --prompt "Hi!" --chat --max-new-tokens 2 --json)
run_ok(out runs ${P} --json)
string(JSON runs LENGTH "${out}" runs)
expect_equal("runs after PPO" "${runs}" "3")
