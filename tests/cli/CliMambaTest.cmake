# Mamba on the command line: score and generate on token ids of the fixtures in tests/data/tiny-mamba
# (greedy ids equal to the sequential-scan reference, make_tiny_mamba.py), then a Mamba pretrained here
# from a text: its checkpoint is a MambaForCausalLM directory with the workbench's tokenizer, generate and
# score take text, and scoring a text equals scoring its ids; it is ranked, chatted with and PPO-tuned.
include(${CMAKE_CURRENT_LIST_DIR}/RunRlhf.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

file(READ ${DATA}/tiny-mamba/expected.json expected)
foreach(name mamba mamba-untied)
  string(JSON list GET "${expected}" ${name} greedy_prompt)
  json_ids(prompt "${list}")
  string(JSON list GET "${expected}" ${name} greedy_new_ids)
  json_ids(want "${list}")
  run_ok(out generate --model ${DATA}/tiny-mamba/${name} --ids ${prompt} --greedy --max-new-tokens 30 --json)
  string(JSON list GET "${out}" completions 0 ids)
  json_ids(got "${list}")
  expect_equal("${name}: greedy ids" "${got}" "${want}")
  run_ok(out score --model ${DATA}/tiny-mamba/${name} --ids ${prompt} --json)
  string(JSON count LENGTH "${out}" token_logprobs)
  expect_equal("${name}: token_logprobs of 6 ids" "${count}" "5")
endforeach()

# Pretraining a Mamba from the 1966 conversation, a few steps.
run_ok(out train pretrain --text ${DATA}/eliza/conversation_1966.txt --out ${WORK}/run --json
       --set architecture=mamba --set n_layer=2 --set n_embd=32 --set state_size=4 --set conv_kernel=3 --set vocab_size=300
       --set context=16 --set batch_size=4 --set max_steps=6 --set warmup_steps=1 --set eval_every=3 --set checkpoint_every=6)
set(CKPT ${WORK}/run/checkpoints/step-00000006)
file(READ ${CKPT}/config.json config)
string(JSON type GET "${config}" model_type)
string(JSON inner GET "${config}" intermediate_size)
string(JSON kernel GET "${config}" conv_kernel)
expect_equal("checkpoint model_type, intermediate_size, conv_kernel" "${type} ${inner} ${kernel}" "mamba 64 3")

run_ok(out generate --model ${CKPT} --prompt "Men are all alike." --max-new-tokens 5 --seed 3 --json)
string(JSON list GET "${out}" prompt_ids)
json_ids(promptIds "${list}")
string(JSON n LENGTH "${out}" completions 0 ids)
if(n LESS 1 OR n GREATER 5)
  message(FATAL_ERROR "generate on text: ${n} new ids")
endif()

run_ok(t tokenize --model ${CKPT} " They're always bugging us" --json)
string(JSON list GET "${t}" ids)
json_ids(responseIds "${list}")
run_ok(text score --model ${CKPT} --prompt "Men are all alike." --response " They're always bugging us" --json)
run_ok(ids score --model ${CKPT} --ids ${promptIds},${responseIds} --json)
string(JSON fromText GET "${text}" token_logprobs)
string(JSON fromIds GET "${ids}" token_logprobs)
string(REGEX REPLACE "[][ \n]" "" fromText "${fromText}")
string(REGEX REPLACE "[][ \n]" "" fromIds "${fromIds}")
string(LENGTH "${fromIds}" idsLength)
string(LENGTH "${fromText}" textLength)
math(EXPR start "${idsLength} - ${textLength} - 1")
string(SUBSTRING "${fromIds}" ${start} -1 tail)
expect_equal("the text's response log-probs against the last of its ids'" ",${fromText}" "${tail}")

# Chat with the Mamba as with a GPT-2 (the request's cues): the greedy reply is the greedy completion of
# the cued prompt.
file(WRITE ${WORK}/message.txt "Men are all alike.\n")
execute_process(COMMAND ${RLHF} chat --model ${CKPT} --max-new-tokens 6 --greedy INPUT_FILE ${WORK}/message.txt
                OUTPUT_VARIABLE chat ERROR_VARIABLE chatErr RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT chatErr MATCHES "context 4096 tokens")
  message(FATAL_ERROR "rlhf chat on a Mamba: rc=${rc}\n${chatErr}")
endif()
string(REGEX MATCH "^> ([^\n]*)\n" line "${chat}")
string(STRIP "${CMAKE_MATCH_1}" reply)
run_ok(out generate --model ${CKPT} --prompt "\n\nHuman: Men are all alike.\n\nAssistant:" --greedy --max-new-tokens 6 --json)
string(JSON text GET "${out}" completions 0 text)
string(STRIP "${text}" text)
if(reply STREQUAL "")
  message(FATAL_ERROR "rlhf chat on a Mamba: no reply in ${chat}")
endif()
expect_equal("the chat's greedy reply against generate on the cued prompt" "${reply}" "${text}")

# Candidates for the Ranking panel from the Mamba: K samples of each train prompt (plain text, as it is
# fine-tuned), the same as rlhf generate draws for that prompt with the prompt's seed.
file(WRITE ${WORK}/sft.jsonl "{\"prompt\": \"Men are all alike.\", \"completion\": \" x\"}\n")
set(P ${WORK}/candidates.rlhf)
file(REMOVE_RECURSE ${P} ${P}.d)
run_ok(out import ${P} ${WORK}/sft.jsonl --json)
run_ok(out split ${P} --ratios 1,0,0 --json)
run_ok(generated generate --model ${CKPT} --prompt "Men are all alike." --num 3 --max-new-tokens 5 --seed 7 --json)
expect_candidates(${P} "1 step-00000006" 0 "${generated}" --models ${CKPT} --k 3 --max-new-tokens 5 --seed 7)

# PPO of the Mamba against a GPT-2 reward model with its tokenizer (a GPT-2 pretrained on the same text
# with the same vocab_size learns the same BPE): the rollouts are the Mamba's, the checkpoint a
# MambaForCausalLM with a GPT2ForSequenceClassification value model. A Mamba is no reward model.
run_ok(out train pretrain --text ${DATA}/eliza/conversation_1966.txt --out ${WORK}/gpt --json --set n_layer=1
       --set n_embd=16 --set n_head=2 --set vocab_size=300 --set context=32 --set batch_size=4 --set max_steps=2 --set checkpoint_every=2)
set(P ${WORK}/ppo.rlhf)
file(REMOVE_RECURSE ${P} ${P}.d)
run_ok(out import ${P} ${DATA}/formats/hh.jsonl --json)
run_ok(out train rm ${P} --set model=${WORK}/gpt/checkpoints/step-00000002 --set max_steps=1 --set batch_size=2
       --set checkpoint_every=1 --json)
set(RM ${P}.d/runs/1-rm/checkpoints/step-00000001)
expect_ppo_checkpoint(${P} 2 "MambaForCausalLM GPT2ForSequenceClassification" --set model=${CKPT} --set reward_model=${RM})
execute_process(COMMAND ${RLHF} train ppo ${P} --set model=${CKPT} --set reward_model=${CKPT} ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 1 OR NOT err MATCHES "a Mamba; PPO's reward_model is a GPT-2 or Llama-family reward model")
  message(FATAL_ERROR "train ppo with a Mamba reward model: rc=${rc} ${err}")
endif()

# A Mamba trained elsewhere comes back with import-run (its checkpoint alone here).
run_ok(out import-run ${P} ${P}.d/runs/2-ppo/checkpoints/step-00000002 --stage sft --no-log --name "remote mamba" --json)
string(JSON stage GET "${out}" stage)
string(JSON checkpoint GET "${out}" checkpoint)
file(READ ${checkpoint}/config.json config)
string(JSON type GET "${config}" model_type)
expect_equal("import-run of a Mamba: stage and model_type" "${stage} ${type}" "sft mamba")

# rlhf estimate names what a Mamba keeps while it generates: its recurrent state, whose size does not
# depend on the length: 2 layers × 64 channels × (state 8 + conv window 3) × 4 bytes = 5,632 bytes.
run_ok(out estimate --model ${DATA}/tiny-mamba/mamba --stage chat)
if(NOT out MATCHES "recurrent state 5.5 KiB" OR out MATCHES "KV cache")
  message(FATAL_ERROR "estimate of a Mamba chat: ${out}")
endif()
foreach(newTokens 16 1024)
  run_ok(out estimate --model ${DATA}/tiny-mamba/mamba --stage generate --new-tokens ${newTokens} --json)
  string(JSON cache GET "${out}" cache)
  expect_equal("a Mamba's generation state for ${newTokens} new tokens" "${cache}" 5632)
endforeach()
# A reward model on a Mamba backbone, which rlhf train refuses, is not estimated either.
foreach(case "rm;--model;--model: ${DATA}/tiny-mamba/mamba is a Mamba" "ppo;--reward-model;--reward-model: ${DATA}/tiny-mamba/mamba is a Mamba")
  list(GET case 0 stage)
  list(GET case 2 message)
  set(extra)
  if(stage STREQUAL "ppo")
    set(extra --model ${DATA}/tiny-llama/llama3-chat --reward-model ${DATA}/tiny-mamba/mamba)
  else()
    set(extra --model ${DATA}/tiny-mamba/mamba)
  endif()
  execute_process(COMMAND ${RLHF} estimate --stage ${stage} ${extra} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(rc EQUAL 0 OR NOT err MATCHES "${message}")
    message(FATAL_ERROR "estimate ${stage} with a Mamba reward model: rc=${rc} ${out}${err}")
  endif()
endforeach()
