# Memory sense: rlhf estimate reads a config.json alone (no weights here: a Qwen2-0.5B-shaped config,
# 494,032,768 parameters), and a run whose model cannot fit is refused before anything loads or a run is
# recorded; --no-memory-check lets it go on (to fail at loading here, where there are no weights).
include(${CMAKE_CURRENT_LIST_DIR}/RunRlhf.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/qwen ${WORK}/huge)
file(WRITE ${WORK}/qwen/config.json "{\"model_type\":\"qwen2\",\"vocab_size\":151936,\"hidden_size\":896,\"intermediate_size\":4864,"
  "\"num_hidden_layers\":24,\"num_attention_heads\":14,\"num_key_value_heads\":2,\"max_position_embeddings\":32768,"
  "\"tie_word_embeddings\":true,\"eos_token_id\":151643,\"use_sliding_window\":false}")
run_ok(out estimate --model ${WORK}/qwen --stage sft --batch-size 2 --sequence 256 --precision fp32 --json)
foreach(key parameters weights gradients optimizer activations total batch sequence)
  string(JSON ${key} GET "${out}" ${key})
endforeach()
math(EXPR fourP "4 * ${parameters}")
math(EXPR sum "${weights} + ${gradients} + ${optimizer} + ${activations}")
math(EXPR gap "${sum} - ${total}")
if(NOT parameters EQUAL 494032768 OR NOT weights EQUAL fourP OR NOT gradients EQUAL fourP OR gap GREATER 4 OR gap LESS -4
   OR NOT batch EQUAL 2 OR NOT sequence EQUAL 256)
  message(FATAL_ERROR "estimate sft: ${out}")
endif()
run_ok(out estimate --model ${WORK}/qwen --stage chat --precision fp32)
if(NOT out MATCHES "^chat of [^\n]*: 494032768 parameters, batch 1 × 2048 tokens \\+ 2048 new, fp32\n  weights 1\\.84 GiB")
  message(FATAL_ERROR "estimate chat for people: ${out}")
endif()
# Without --precision, what the stage's command runs in here: generate and score fp32, chat and training
# auto (bf16 where the CPU computes it natively, as the commands resolve it); bf16 is refused for a GPT-2.
foreach(case "generate;^fp32$" "score;^fp32$" "chat;^(fp32|bf16)$" "sft;^(fp32|bf16)$")
  list(GET case 0 stage)
  list(GET case 1 expected)
  run_ok(out estimate --model ${WORK}/qwen --stage ${stage} --json)
  string(JSON precision GET "${out}" precision)
  if(NOT precision MATCHES "${expected}")
    message(FATAL_ERROR "estimate --stage ${stage} without --precision: ${out}")
  endif()
endforeach()
# bf16 weights for chat: half the weights' bytes and half the KV cache's.
run_ok(fp32 estimate --model ${WORK}/qwen --stage chat --sequence 512 --precision fp32 --json)
run_ok(bf16 estimate --model ${WORK}/qwen --stage chat --sequence 512 --precision bf16 --json)
foreach(part weights cache activations)
  string(JSON ${part}32 GET "${fp32}" ${part})
  string(JSON ${part}16 GET "${bf16}" ${part})
endforeach()
math(EXPR twiceWeights "2 * ${weights16}")
math(EXPR twiceCache "2 * ${cache16}")
if(NOT twiceWeights EQUAL weights32 OR NOT twiceCache EQUAL cache32 OR NOT activations16 EQUAL activations32)
  message(FATAL_ERROR "estimate chat in bf16 against fp32:\n${bf16}\n${fp32}")
endif()
execute_process(COMMAND ${RLHF} estimate --model ${WORK}/qwen --stage ppo OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 2 OR NOT err MATCHES "--reward-model is required")
  message(FATAL_ERROR "estimate ppo without a reward model: ${err}")
endif()

# A GPT-2 of ~64 billion parameters (16 bytes each to train) against a project's DPO run.
file(COPY ${DATA}/gpt2/vocab.json ${DATA}/gpt2/merges.txt DESTINATION ${WORK}/huge)
file(WRITE ${WORK}/huge/config.json "{\"model_type\":\"gpt2\",\"vocab_size\":50257,\"n_positions\":1024,\"n_embd\":8192,\"n_layer\":80,\"n_head\":64}")
execute_process(COMMAND ${RLHF} estimate --model ${WORK}/huge --stage chat --precision bf16 OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR NOT err MATCHES "--precision bf16: for Llama-family models; this gpt2 model runs in float32")
  message(FATAL_ERROR "estimate chat --precision bf16 of a GPT-2: rc=${rc} ${err}")
endif()
execute_process(COMMAND ${RLHF} import ${WORK}/p.rlhf ${DATA}/formats/hh.jsonl OUTPUT_QUIET RESULT_VARIABLE rc)
execute_process(COMMAND ${RLHF} train dpo ${WORK}/p.rlhf --set model=${WORK}/huge --set max_steps=1
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR NOT err MATCHES "rlhf train dpo needs about [0-9.]+ GiB before its activations \\(weights [0-9.]+ GiB, gradients [^)]*\\) and [0-9.]+ GiB are free: it will not fit"
   OR err MATCHES "frozen models")
  message(FATAL_ERROR "train dpo of a model that cannot fit: rc=${rc} ${err}")
endif()
run_ok(out runs ${WORK}/p.rlhf --json)
if(NOT out MATCHES "\"runs\":\\[\\]")
  message(FATAL_ERROR "a refused run was recorded: ${out}")
endif()
execute_process(COMMAND ${RLHF} train dpo ${WORK}/p.rlhf --set model=${WORK}/huge --set max_steps=1 --no-memory-check
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR err MATCHES "will not fit")
  message(FATAL_ERROR "--no-memory-check: rc=${rc} ${err}")
endif()
# A chat's defaults are the conversation it keeps (min(32768, 4096) for this Qwen2): half prompt, half reply.
run_ok(out estimate --model ${WORK}/qwen --stage chat --json)
string(JSON sequence GET "${out}" sequence)
string(JSON newTokens GET "${out}" new_tokens)
if(NOT sequence EQUAL 2048 OR NOT newTokens EQUAL 2048)
  message(FATAL_ERROR "estimate chat: ${out}")
endif()
# A longer reply than chat allows is planned as chat caps it; options of other stages are refused.
run_ok(out estimate --model ${WORK}/qwen --stage chat --new-tokens 100000 --json)
string(JSON newTokens GET "${out}" new_tokens)
if(NOT newTokens EQUAL 2048)
  message(FATAL_ERROR "estimate chat --new-tokens 100000: ${out}")
endif()
foreach(case "--stage;sft;--new-tokens;5;--new-tokens: for the chat, generate and ppo stages"
             "--stage;dpo;--reward-model;${WORK}/qwen;--reward-model: for the ppo stage")
  list(POP_BACK case message)
  execute_process(COMMAND ${RLHF} estimate --model ${WORK}/qwen ${case} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "${message}")
    message(FATAL_ERROR "estimate ${case}: rc=${rc} ${err}")
  endif()
endforeach()
# rlhf bench llama: float32 and bf16 weights (--precision bf16, or the older --bf16) decode through the CPU
# decoder, LibTorch ops with RLHF_NO_CPU_DECODER=1 (or "yes"; "0" and "off" keep the decoder); the line
# names the precision and says which decoded.
foreach(case "--precision;fp32;fp32;ON;-" "--precision;bf16;bf16;ON;0" "--bf16;--json;bf16;ON;off"
             "--precision;bf16;bf16;OFF;1" "--precision;fp32;fp32;OFF;yes")
  list(GET case 0 flag)
  list(GET case 1 value)
  list(GET case 2 expected)
  list(GET case 3 decoder)
  list(GET case 4 switchValue)
  if(NOT switchValue STREQUAL "-")
    set(ENV{RLHF_NO_CPU_DECODER} ${switchValue})
  endif()
  run_ok(out bench llama --preset tiny --rounds 1 --train-tokens 0 --new-tokens 4 --threads 1 ${flag} ${value})
  unset(ENV{RLHF_NO_CPU_DECODER})
  string(JSON precision GET "${out}" precision)
  string(JSON cpuDecoder GET "${out}" cpu_decoder)
  string(JSON cudaGraph GET "${out}" cuda_graph)  # on a CPU, never
  string(JSON decode GET "${out}" decode_tokens_per_s)
  if(NOT precision STREQUAL expected OR NOT cpuDecoder STREQUAL decoder OR cudaGraph OR NOT decode GREATER 0)
    message(FATAL_ERROR "bench llama ${flag} ${value}: ${out}")
  endif()
endforeach()
# score, generate (ids or text), reward and chat check the model's weights before they load it.
foreach(case "score;--ids;1,2,3" "generate;--ids;1,2" "reward;--prompt;Hi;--response;Hello"
             "score;--prompt;Hi;--response;Hello" "generate;--prompt;Hi" "chat")
  list(GET case 0 command)
  execute_process(COMMAND ${RLHF} ${case} --model ${WORK}/huge OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 1 OR NOT err MATCHES "rlhf ${command} needs about [0-9.]+ GiB before its activations \\(weights [0-9.]+ GiB[^)]*\\) and [0-9.]+ GiB are free: it will not fit")
    message(FATAL_ERROR "${command} of a model that cannot fit: rc=${rc} ${err}")
  endif()
endforeach()
# A run's activations are sized by its data's rows, not by the model's whole context (32,768 positions
# here, which would warn of thousands of GiB): the Qwen2-0.5B shape on hh.jsonl's short pairs, with the
# default max_length (the context), is not warned about (it then fails to load: there are no weights).
execute_process(COMMAND ${RLHF} train rm ${WORK}/p.rlhf --set model=${WORK}/qwen --set max_steps=1
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR err MATCHES "may need up to")
  message(FATAL_ERROR "train rm of a 0.5B model on short pairs: rc=${rc} ${err}")
endif()
