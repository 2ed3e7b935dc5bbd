# Memory sense: rlhf estimate reads a config.json alone (no weights here: a Qwen2-0.5B-shaped config,
# 494,032,768 parameters), and a run whose model cannot fit is refused before anything loads or a run is
# recorded; --no-memory-check lets it go on (to fail at loading here, where there are no weights).
include(${CMAKE_CURRENT_LIST_DIR}/RunRlhf.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/qwen ${WORK}/huge)
file(WRITE ${WORK}/qwen/config.json "{\"model_type\":\"qwen2\",\"vocab_size\":151936,\"hidden_size\":896,\"intermediate_size\":4864,"
  "\"num_hidden_layers\":24,\"num_attention_heads\":14,\"num_key_value_heads\":2,\"max_position_embeddings\":32768,"
  "\"tie_word_embeddings\":true,\"eos_token_id\":151643,\"use_sliding_window\":false}")
run_ok(out estimate --model ${WORK}/qwen --stage sft --batch-size 2 --sequence 256 --json)
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
run_ok(out estimate --model ${WORK}/qwen --stage chat)
if(NOT out MATCHES "^chat of [^\n]*: 494032768 parameters, batch 1 × 32704 tokens \\+ 64 new, fp32\n  weights 1\\.84 GiB")
  message(FATAL_ERROR "estimate chat for people: ${out}")
endif()
# bf16 weights for chat: half the weights' bytes and half the KV cache's.
run_ok(fp32 estimate --model ${WORK}/qwen --stage chat --sequence 512 --json)
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
if(rc EQUAL 0 OR NOT err MATCHES "--reward-model is required")
  message(FATAL_ERROR "estimate ppo without a reward model: ${err}")
endif()

# A GPT-2 of ~64 billion parameters (16 bytes each to train) against a project's DPO run.
file(COPY ${DATA}/gpt2/vocab.json ${DATA}/gpt2/merges.txt DESTINATION ${WORK}/huge)
file(WRITE ${WORK}/huge/config.json "{\"model_type\":\"gpt2\",\"vocab_size\":50257,\"n_positions\":1024,\"n_embd\":8192,\"n_layer\":80,\"n_head\":64}")
execute_process(COMMAND ${RLHF} import ${WORK}/p.rlhf ${DATA}/formats/hh.jsonl OUTPUT_QUIET RESULT_VARIABLE rc)
execute_process(COMMAND ${RLHF} train dpo ${WORK}/p.rlhf --set model=${WORK}/huge --set max_steps=1
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR NOT err MATCHES "rlhf train dpo needs about [0-9.]+ GiB before its activations \\(weights [0-9.]+ GiB, gradients [^)]*frozen models [^)]*\\) and [0-9.]+ GiB are free: it will not fit")
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
