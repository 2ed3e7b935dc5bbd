# rlhf tokenize / score / generate on the tiny GPT-2 fixture, as a user would call them.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/model)
file(COPY ${DATA}/tiny-gpt2/policy/config.json ${DATA}/tiny-gpt2/policy/model.safetensors
          ${DATA}/gpt2/vocab.json ${DATA}/gpt2/merges.txt DESTINATION ${WORK}/model)

include(${CMAKE_CURRENT_LIST_DIR}/RunRlhf.cmake)

# Text for people by default; --json prints the same values as JSON.
run_ok(out tokenize --model ${WORK}/model "Men are all alike." --json)
if(NOT out STREQUAL "{\"ids\":[10418,389,477,12936,13],\"prompt_ids\":[10418,389,477,12936,13]}\n")
  message(FATAL_ERROR "tokenize --json: ${out}")
endif()
run_ok(out tokenize --model ${WORK}/model "Men are all alike.")
if(NOT out STREQUAL "ids: 10418 389 477 12936 13\nprompt_ids: 10418 389 477 12936 13\n")
  message(FATAL_ERROR "tokenize: ${out}")
endif()

run_ok(out generate --model ${WORK}/model --prompt "Men are all alike." --greedy --max-new-tokens 5 --json)
if(NOT out MATCHES "\"ids\":\\[13,13,13,13,8630\\]")
  message(FATAL_ERROR "generate --json: ${out}")
endif()
run_ok(out generate --model ${WORK}/model --prompt "Men are all alike." --greedy --max-new-tokens 5)
if(NOT out STREQUAL ".... measured\n")
  message(FATAL_ERROR "generate prints the generated text only: '${out}'")
endif()

# --stream: the text as it comes (the same text as the JSON's), or a JSON line per token before the
# completions line; several completions as text are refused.
run_ok(out generate --model ${WORK}/model --prompt "Men are all alike." --greedy --max-new-tokens 8 --stream)
if(NOT out STREQUAL ".... measured FeinTogetherTogether\n")
  message(FATAL_ERROR "generate --stream: '${out}'")
endif()
run_ok(out generate --model ${WORK}/model --prompt "Men are all alike." --greedy --max-new-tokens 5 --stream --json)
string(REGEX MATCHALL "[^\n]+" lines "${out}")
list(LENGTH lines count)
list(GET lines 4 fifth)
list(GET lines 5 last)
string(JSON token GET "${fifth}" id)
string(JSON piece GET "${fifth}" text)
string(JSON text GET "${last}" completions 0 text)
if(NOT count EQUAL 6 OR NOT token EQUAL 8630 OR NOT piece STREQUAL " measured" OR NOT text STREQUAL ".... measured")
  message(FATAL_ERROR "generate --stream --json: ${out}")
endif()
execute_process(COMMAND ${RLHF} generate --model ${WORK}/model --prompt a --num 2 --stream
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 2 OR NOT err MATCHES "--stream: shows one completion as text")
  message(FATAL_ERROR "generate --num 2 --stream: rc=${rc} ${err}")
endif()

# --skip-special-tokens: a token the model's special_tokens_map.json names is left out of the text, not
# of the ids (greedy goes on with "Together" (41631) after these).
file(MAKE_DIRECTORY ${WORK}/named)
file(COPY ${WORK}/model/ DESTINATION ${WORK}/named)
file(WRITE ${WORK}/named/special_tokens_map.json "{\"additional_special_tokens\": [\"Together\"]}")
run_ok(out generate --model ${WORK}/named --prompt "Men are all alike." --greedy --max-new-tokens 8 --skip-special-tokens --json)
string(JSON text GET "${out}" completions 0 text)
if(NOT out MATCHES "\"ids\":\\[13,13,13,13,8630,45711,41631,41631\\]" OR NOT text STREQUAL ".... measured Fein")
  message(FATAL_ERROR "generate --skip-special-tokens: ${out}")
endif()
run_ok(out generate --model ${WORK}/named --prompt "Men are all alike." --greedy --max-new-tokens 8 --json)
string(JSON text GET "${out}" completions 0 text)
if(NOT text STREQUAL ".... measured FeinTogetherTogether")
  message(FATAL_ERROR "generate keeps special tokens without the flag: ${out}")
endif()

run_ok(out score --model ${WORK}/model --prompt "Men are" --response " all alike." --json)
string(JSON n LENGTH "${out}" token_logprobs)
string(JSON sum GET "${out}" logprob)
if(NOT n EQUAL 3)
  message(FATAL_ERROR "score --json: ${out}")
endif()
run_ok(out score --model ${WORK}/model --prompt "Men are" --response " all alike.")
if(NOT out MATCHES "^logprob: -[0-9.]+\ntoken_logprobs: -[0-9.]+ -[0-9.]+ -[0-9.]+\nresponse_ids: 477 12936 13\n$")
  message(FATAL_ERROR "score: ${out}")
endif()

# A sampling setting out of range is a usage error (exit 2) that states the rule.
execute_process(COMMAND ${RLHF} generate --model ${WORK}/model --prompt a --temperature 0
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 2 OR NOT err MATCHES "--temperature: must be greater than 0, found 0")
  message(FATAL_ERROR "temperature 0: rc=${rc} ${err}")
endif()

# rlhf reward on a language model (no score head): a user error naming the directory. (Values of a
# reward model are checked against the reference forward in ModelParityTest.)
execute_process(COMMAND ${RLHF} reward --model ${WORK}/model --prompt "Men are" --response " all alike."
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 1 OR NOT err MATCHES "model: not a reward model")
  message(FATAL_ERROR "reward without a score head: rc=${rc} ${err}")
endif()

execute_process(COMMAND ${RLHF} score --model ${WORK}/nowhere --prompt a --response b
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 1 OR NOT err MATCHES "nowhere: not a model directory")
  message(FATAL_ERROR "missing model: rc=${rc} ${err}")
endif()
# A config.json the workbench cannot read says why: no model_type (and not a GPT-2's fields), a GPT-2's
# missing field, an architecture it lacks.
function(expect_refused_config config expected)
  file(WRITE ${WORK}/model/config.json "${config}")
  execute_process(COMMAND ${RLHF} generate --model ${WORK}/model --prompt a OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 1 OR NOT err MATCHES "config.json: ${expected}")
    message(FATAL_ERROR "config.json ${config}: rc=${rc} ${err}")
  endif()
endfunction()
expect_refused_config("{\"vocab_size\": 50257}" "no model_type field \\(gpt2, llama, qwen2 or mamba\\), and no n_positions for a GPT-2")
expect_refused_config("{\"model_type\": \"gpt2\", \"vocab_size\": 50257}" "missing field n_positions")
expect_refused_config("{\"model_type\": \"mistral\"}" "model_type \"mistral\" is not supported \\(gpt2, llama, qwen2 and mamba are\\)")

# rlhf train pretrain: a tiny run on a text every clone has, then the model it wrote generates.
file(READ ${DATA}/eliza/conversation_1966.txt conversation)
string(REPEAT "${conversation}" 20 corpus)
file(WRITE ${WORK}/corpus.txt "${corpus}")
run_ok(out train pretrain --text ${WORK}/corpus.txt --out ${WORK}/run --threads 2 --json
       --set vocab_size=300 --set n_layer=1 --set n_embd=32 --set n_head=2 --set context=16 --set batch_size=4
       --set max_steps=6 --set warmup_steps=1 --set eval_every=3 --set eval_batches=1 --set checkpoint_every=3)
if(NOT out MATCHES "\"steps\":6" OR NOT EXISTS ${WORK}/run/checkpoints/step-00000006/model.safetensors
   OR NOT EXISTS ${WORK}/run/checkpoints/step-00000003/trainer_state.json)
  message(FATAL_ERROR "train pretrain: ${out}")
endif()
run_ok(out generate --model ${WORK}/run/checkpoints/step-00000006 --prompt "MEN ARE" --max-new-tokens 4 --seed 1)
run_ok(out train pretrain --resume ${WORK}/run --set max_steps=8 --threads 2 --json)
if(NOT out MATCHES "\"steps\":8")
  message(FATAL_ERROR "train pretrain --resume: ${out}")
endif()
execute_process(COMMAND ${RLHF} train pretrain --text ${WORK}/corpus.txt --out ${WORK}/run2 --set learning_rate=1
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 1 OR NOT err MATCHES "unknown setting 'learning_rate'")
  message(FATAL_ERROR "bad setting: rc=${rc} ${err}")
endif()
execute_process(COMMAND ${RLHF} train pretrain --text ${WORK}/corpus.txt --out ${WORK}/run3 --threads 2 --set vocab_size=300
                --set n_layer=1 --set n_embd=32 --set n_head=2 --set context=16 --set batch_size=4 --set max_steps=2
                --set eval_every=0 OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "steps: 2\n" OR NOT err MATCHES "step 1/2  loss [0-9.]+  lr [0-9.e+-]+  [0-9]+ tok/s")
  message(FATAL_ERROR "train pretrain as text: rc=${rc} ${out} ${err}")
endif()

# rlhf train sft: a project's demonstrations fine-tune the tiny GPT-2; the run is recorded in the project,
# resumes, and its checkpoint generates. Without a base model, or on a project without demonstrations, exit 1.
set(records "")
foreach(i RANGE 1 40)
  string(APPEND records "{\"prompt\": \"Question ${i}: what comes next?\\nAnswer:\", \"completion\": \" ${i} and then more.\"}\n")
endforeach()
file(WRITE ${WORK}/sft.jsonl "${records}")
file(MAKE_DIRECTORY ${WORK}/sftbase)
file(COPY ${DATA}/tiny-gpt2/policy/config.json ${DATA}/tiny-gpt2/policy/model.safetensors
          ${DATA}/gpt2/vocab.json ${DATA}/gpt2/merges.txt DESTINATION ${WORK}/sftbase)
run_ok(out import ${WORK}/sft.rlhf ${WORK}/sft.jsonl --json)
run_ok(out train sft ${WORK}/sft.rlhf --set model=${WORK}/sftbase --set max_steps=3 --set batch_size=4 --set eval_every=3
       --set lr=1e-3 --threads 2 --json)
string(REGEX MATCHALL "[^\n]+" lines "${out}")
list(GET lines 0 started)  # the event line the workbench reads first
list(GET lines 3 third)
list(GET lines 4 summary)
if(NOT started STREQUAL "{\"event\":\"started\",\"run\":1,\"kind\":\"sft\",\"step\":0,\"max_steps\":3,\"dir\":\"${WORK}/sft.rlhf.d/runs/1-sft\"}")
  message(FATAL_ERROR "train sft: started line ${started}")
endif()
string(JSON step GET "${third}" step)
string(JSON valLoss GET "${third}" val_loss)
string(JSON run GET "${summary}" run)
string(JSON checkpoint GET "${summary}" checkpoint)
if(NOT step EQUAL 3 OR NOT valLoss GREATER 0 OR NOT run EQUAL 1 OR NOT EXISTS ${checkpoint}/model.safetensors)
  message(FATAL_ERROR "train sft: ${out}")
endif()
run_ok(out train sft ${WORK}/sft.rlhf --resume 1 --set max_steps=4 --threads 2 --json)
run_ok(runs runs ${WORK}/sft.rlhf --json)
if(NOT out MATCHES "\"steps\":4" OR NOT runs MATCHES "\"kind\":\"sft\",\"last_step\":4,\"message\":\"\",\"name\":\"sft\",\"parent_run\":null,\"status\":\"finished\"")
  message(FATAL_ERROR "train sft --resume: ${out} ${runs}")
endif()
run_ok(out generate --model ${checkpoint} --prompt "Question 3: what comes next?\nAnswer:" --greedy --max-new-tokens 3)
# As a user types it (no --json): progress on stderr, the result as text, the run in the project's list.
execute_process(COMMAND ${RLHF} train sft ${WORK}/sft.rlhf --set model=${WORK}/sftbase --set max_steps=2 --set batch_size=4
                --set eval_every=0 --threads 2 OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "steps: 2\n" OR NOT err MATCHES "step 1/2  loss [0-9.]+  lr" OR out MATCHES "\"step\"")
  message(FATAL_ERROR "train sft as text: rc=${rc} ${out} ${err}")
endif()
run_ok(runs runs ${WORK}/sft.rlhf)
if(NOT runs MATCHES "\n2  sft  finished  step 2  ")
  message(FATAL_ERROR "runs as text: ${runs}")
endif()
execute_process(COMMAND ${RLHF} train sft ${WORK}/sft.rlhf --set max_steps=1 OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 1 OR NOT err MATCHES "model: no base model given")
  message(FATAL_ERROR "train sft without a model: rc=${rc} ${err}")
endif()
file(WRITE ${WORK}/pairs.jsonl "{\"prompt\": \"Q\", \"chosen\": \" a\", \"rejected\": \" b\"}\n")
run_ok(out import ${WORK}/pairs.rlhf ${WORK}/pairs.jsonl)
execute_process(COMMAND ${RLHF} train sft ${WORK}/pairs.rlhf --set model=${WORK}/sftbase
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 1 OR NOT err MATCHES "no demonstrations in the train split")
  message(FATAL_ERROR "train sft without demonstrations: rc=${rc} ${err}")
endif()

# rlhf train dpo: preference pairs of a project, from the tiny GPT-2 (its own reference); on a project
# without pairs, exit 1.
set(records "")
foreach(i RANGE 1 30)
  string(APPEND records "{\"prompt\": \"Is ${i} a number?\", \"chosen\": \" Yes.\", \"rejected\": \" No.\"}\n")
endforeach()
file(WRITE ${WORK}/dpo.jsonl "${records}")
run_ok(out import ${WORK}/dpo.rlhf ${WORK}/dpo.jsonl)
run_ok(out train dpo ${WORK}/dpo.rlhf --set model=${WORK}/sftbase --set max_steps=3 --set batch_size=4 --set lr=1e-3
       --threads 2 --json)
string(REGEX MATCHALL "[^\n]+" lines "${out}")
list(GET lines 1 first)
list(GET lines 4 summary)
string(JSON loss GET "${first}" loss)
string(JSON accuracy GET "${first}" rewards/accuracies)
string(JSON steps GET "${summary}" steps)
string(JSON pairs GET "${summary}" pairs)
if(NOT steps EQUAL 3 OR NOT pairs GREATER 20 OR NOT loss MATCHES "^0\\.693147" OR NOT accuracy EQUAL 0)
  message(FATAL_ERROR "train dpo: ${out}")
endif()
execute_process(COMMAND ${RLHF} train dpo ${WORK}/dpo.rlhf --set model=${WORK}/sftbase --set max_steps=2 --set batch_size=4
                --set eval_every=0 --threads 2 OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "steps: 2\n" OR NOT err MATCHES "step 1/2  loss 0\\.6931[0-9]*  accuracy 0\\.0000  margin 0\\.0000")
  message(FATAL_ERROR "train dpo as text: rc=${rc} ${out} ${err}")
endif()
execute_process(COMMAND ${RLHF} train dpo ${WORK}/sft.rlhf --set model=${WORK}/sftbase
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 1 OR NOT err MATCHES "no preference pairs in the train split")
  message(FATAL_ERROR "train dpo without pairs: rc=${rc} ${err}")
endif()

# rlhf train rm: a reward model on the same pairs; its checkpoint scores with rlhf reward. As a user types
# it (no --json): progress lines on stderr with the reward model's loss, accuracy and margin, the result
# as text on stdout.
execute_process(COMMAND ${RLHF} train rm ${WORK}/dpo.rlhf --set model=${WORK}/sftbase --set max_steps=3 --set batch_size=4
                --set lr=1e-3 --threads 2 OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
string(REGEX MATCH "\ncheckpoint: ([^\n]+)" found "${out}")
set(checkpoint ${CMAKE_MATCH_1})
string(REGEX MATCH "\ngroups: ([0-9]+)" found "${out}")
set(groups ${CMAKE_MATCH_1})
if(NOT rc EQUAL 0 OR NOT out MATCHES "steps: 3\n" OR NOT groups GREATER 20 OR NOT EXISTS ${checkpoint}/model.safetensors
   OR NOT err MATCHES "step 1/3  loss [0-9.]+  accuracy [0-9.]+  margin -?[0-9.]+  lr 1.00e-03")
  message(FATAL_ERROR "train rm: rc=${rc} ${out} ${err}")
endif()
run_ok(out reward --model ${checkpoint} --prompt "Is 3 a number?" --response " Yes." --json)
if(NOT out MATCHES "^{\"reward\":-?[0-9]")
  message(FATAL_ERROR "reward of the trained model: ${out}")
endif()

# rlhf train ppo: the tiny GPT-2 against that reward model, on the project's prompts; at step 1 the
# policy is its reference, so the KL is 0.
run_ok(out train ppo ${WORK}/dpo.rlhf --set model=${WORK}/sftbase --set reward_model=${checkpoint} --set max_steps=2
       --set rollout_batch=4 --set mini_batch=2 --set response_length=6 --threads 2 --json)
string(REGEX MATCHALL "[^\n]+" lines "${out}")
list(GET lines 1 first)
list(GET lines 3 summary)
string(JSON kl GET "${first}" objective/kl)
string(JSON steps GET "${summary}" steps)
if(NOT kl EQUAL 0 OR NOT steps EQUAL 2 OR NOT first MATCHES "\"policy/clipfrac_avg\"")
  message(FATAL_ERROR "train ppo: ${out}")
endif()
# Without --json (it died with map::at after its first progress line): PPO's own headline numbers.
execute_process(COMMAND ${RLHF} train ppo ${WORK}/dpo.rlhf --set model=${WORK}/sftbase --set reward_model=${checkpoint}
                --set max_steps=2 --set rollout_batch=4 --set mini_batch=2 --set response_length=6 --threads 2
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT err MATCHES "step 1/2  score -?[0-9.]+  kl 0.0000  policy_loss -?[0-9.]+  lr "
   OR NOT err MATCHES "step 2/2  score" OR NOT out MATCHES "steps: 2\n")
  message(FATAL_ERROR "train ppo as text: rc=${rc} ${out} ${err}")
endif()
execute_process(COMMAND ${RLHF} train ppo ${WORK}/dpo.rlhf --set model=${WORK}/sftbase --set reward_model=${WORK}/sftbase
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 1 OR NOT err MATCHES "not a reward model")
  message(FATAL_ERROR "train ppo with a language model as the reward model: rc=${rc} ${err}")
endif()

# rlhf bench train --phases: throughput and the per-step phase times, all positive; precision resolved.
run_ok(out bench train --preset tiny --threads 2 --precision fp32 --phases --json)
if(NOT out MATCHES "\"precision\":\"fp32\"" OR NOT out MATCHES "\"preset\":\"tiny\"")
  message(FATAL_ERROR "bench train: ${out}")
endif()
if(NOT out MATCHES "\"cpu_vectors\":\"(avx512|avx2|sse)\"")
  message(FATAL_ERROR "bench train: no cpu_vectors in ${out}")
endif()
# A narrower vector width asked for is the one reported (and run).
set(ENV{RLHF_CPU_VECTORS} sse)
run_ok(narrow bench generate --preset tiny --threads 2 --json)
unset(ENV{RLHF_CPU_VECTORS})
if(NOT narrow MATCHES "\"cpu_vectors\":\"sse\"" OR NOT narrow MATCHES "\"generate_b8_tokens_per_s\":[0-9]")
  message(FATAL_ERROR "bench generate with RLHF_CPU_VECTORS=sse: ${narrow}")
endif()
foreach(field train_tokens_per_s forward loss backward optimizer)
  if(NOT out MATCHES "\"${field}\":[0-9]*\\.?[0-9]+(e[-+]?[0-9]+)?[,}]" OR out MATCHES "\"${field}\":0[,}]")
    message(FATAL_ERROR "bench train: ${field} missing or zero in ${out}")
  endif()
endforeach()

# rlhf bench dpo|rm: pairs per second, and six steps on four pairs of the tiny preset learn — the loss ends
# below ln 2 (where it starts: the policy equals its reference, the reward head starts near zero).
foreach(stage dpo rm)
  run_ok(out bench ${stage} --preset tiny --threads 2 --precision fp32 --json)
  string(JSON rate GET "${out}" ${stage}_pairs_per_s)
  string(JSON loss GET "${out}" last_loss)
  string(JSON pairs GET "${out}" pairs_per_step)
  if(NOT rate GREATER 0 OR NOT loss LESS 0.6931 OR NOT loss GREATER 0 OR NOT pairs EQUAL 4)
    message(FATAL_ERROR "bench ${stage}: ${out}")
  endif()
endforeach()

# rlhf bench ppo: the step's seconds and their parts, on the sizes asked for; 4 rollouts in mini-batches
# of 4 over 4 epochs are 4 updates, and no rollout is longer than the response length.
run_ok(out bench ppo --preset tiny --threads 2 --precision fp32 --rollout 4 --response-length 8 --steps 2 --json)
string(JSON step GET "${out}" step_s)
foreach(part generation_s scoring_s update_s)
  string(JSON seconds GET "${out}" ${part})
  if(NOT seconds GREATER 0 OR NOT seconds LESS step)
    message(FATAL_ERROR "bench ppo: ${part} ${seconds} is not within the step's ${step} s: ${out}")
  endif()
endforeach()
string(JSON updates GET "${out}" updates_per_step)
string(JSON tokens GET "${out}" mean_response_tokens)
string(JSON rollout GET "${out}" rollout)
string(JSON responseLength GET "${out}" response_length)
if(NOT updates EQUAL 4 OR NOT rollout EQUAL 4 OR NOT responseLength EQUAL 8 OR tokens GREATER 8 OR NOT tokens GREATER 0)
  message(FATAL_ERROR "bench ppo: ${out}")
endif()
execute_process(COMMAND ${RLHF} bench ppo --preset tiny --response-length 120 OUTPUT_VARIABLE out ERROR_VARIABLE err
                RESULT_VARIABLE rc)
if(rc EQUAL 0 OR NOT err MATCHES "do not fit the context of 128")
  message(FATAL_ERROR "bench ppo with too long a response: ${err}")
endif()
