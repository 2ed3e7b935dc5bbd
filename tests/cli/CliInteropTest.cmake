# Models and runs beyond the workbench's own: token ids in for GPT-2 and Llama-family directories
# (rlhf score/generate --ids), a run trained elsewhere brought in (rlhf import-run), a stage taken out as a
# TRL job (rlhf export-job).
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/ids-model)
file(COPY ${DATA}/tiny-gpt2/policy/config.json ${DATA}/tiny-gpt2/policy/model.safetensors
          ${DATA}/gpt2/vocab.json ${DATA}/gpt2/merges.txt DESTINATION ${WORK}/ids-model)

include(${CMAKE_CURRENT_LIST_DIR}/RunRlhf.cmake)

# --ids: token ids in, for GPT-2 and Llama-family directories alike (tests/data/tiny-llama). On GPT-2 the
# log-probs of ids equal those of the same tokens given as prompt "Men" and response " are all alike.".
run_ok(byIds score --model ${WORK}/ids-model --ids 10418,389,477,12936,13 --json)
run_ok(byText score --model ${WORK}/ids-model --prompt "Men" --response " are all alike." --json)
string(JSON idsLogprobs GET "${byIds}" token_logprobs)
string(JSON textLogprobs GET "${byText}" token_logprobs)
if(NOT idsLogprobs STREQUAL textLogprobs)
  message(FATAL_ERROR "score --ids ${idsLogprobs} against score --prompt/--response ${textLogprobs}")
endif()

# A decimal as JSON prints it (no exponent unless |x| < 1e-4: then 0) in integer millionths: CMake's
# math is integers only.
function(to_micro out value)
  if(value MATCHES "e-")
    set(${out} 0 PARENT_SCOPE)
    return()
  endif()
  if(NOT value MATCHES "^(-?)([0-9]+)\\.?([0-9]*)$")
    message(FATAL_ERROR "not a decimal: ${value}")
  endif()
  set(sign "${CMAKE_MATCH_1}")
  set(whole "${CMAKE_MATCH_2}")
  string(SUBSTRING "${CMAKE_MATCH_3}000000" 0 6 fraction)
  string(REGEX REPLACE "^0+([0-9])" "\\1" fraction "${fraction}")
  math(EXPR micro "${sign}(${whole} * 1000000 + ${fraction})")
  set(${out} ${micro} PARENT_SCOPE)
endfunction()
file(READ ${DATA}/tiny-llama/expected.json llamaExpected)
foreach(name llama llama3 qwen2 qwen2-yarn llama-yarn llama-dynamic)
  string(JSON e GET "${llamaExpected}" ${name})
  foreach(field ids greedy_prompt greedy_new_ids)
    string(JSON list GET "${e}" ${field})
    string(REGEX REPLACE "[][ \n]" "" ${field} "${list}")
  endforeach()
  run_ok(out score --model ${DATA}/tiny-llama/${name} --ids ${ids} --json)
  string(JSON n LENGTH "${out}" token_logprobs)
  string(JSON logprob GET "${out}" logprob)
  string(JSON expectedLogprob GET "${e}" logprob)
  string(JSON first GET "${out}" token_logprobs 0)
  string(JSON expectedFirst GET "${e}" token_logprobs 0)
  if(NOT n EQUAL 13)
    message(FATAL_ERROR "score --ids on ${name}: ${n} token log-probs for 14 ids: ${out}")
  endif()
  foreach(pair "logprob;expectedLogprob" "first;expectedFirst")
    list(GET pair 0 ours)
    list(GET pair 1 theirs)
    to_micro(oursMicro "${${ours}}")
    to_micro(theirsMicro "${${theirs}}")
    math(EXPR gap "${oursMicro} - ${theirsMicro}")
    if(gap GREATER 100 OR gap LESS -100)  # 1e-4
      message(FATAL_ERROR "score --ids on ${name}: ${ours} ${${ours}} against ${${theirs}}")
    endif()
  endforeach()
  run_ok(out generate --model ${DATA}/tiny-llama/${name} --ids ${greedy_prompt} --greedy --max-new-tokens 24 --json)
  string(JSON got GET "${out}" completions 0 ids)
  string(REGEX REPLACE "[][ \n]" "" got "${got}")
  if(NOT got STREQUAL greedy_new_ids)
    message(FATAL_ERROR "generate --ids on ${name}: ${got}, expected ${greedy_new_ids}")
  endif()
endforeach()
run_ok(out score --model ${DATA}/tiny-llama/llama --ids 5,6,7)
if(NOT out MATCHES "^logprob: -?[0-9.]+\ntoken_logprobs: ")
  message(FATAL_ERROR "score --ids for people: ${out}")
endif()
run_ok(spaced score --model ${DATA}/tiny-llama/llama --ids " 5, 6 ,7 ")  # spaces around the ids
expect_equal("score --ids with spaces" "${spaced}" "${out}")
run_ok(out generate --model ${DATA}/tiny-llama/qwen2 --ids 5,6 --greedy --max-new-tokens 3)
if(NOT out MATCHES "^ids: [0-9]+ [0-9]+ [0-9]+\n$")
  message(FATAL_ERROR "generate --ids for people: ${out}")
endif()
foreach(case "score;--ids;1,x;'x' is not a token id"
             "score;--ids;5,500;500 is outside the model's vocabulary of 96 tokens"
             "score;--prompt;a;--response;b;cannot read or write text: a chat needs them \\(rlhf score and generate also take token ids with --ids\\)"
             "generate;--prompt;a;--chat;no tokenizer files"
             "score;--ids;,;an empty item in ','"
             "generate;--ids;1,,3;an empty item in '1,,3'"
             "generate;--ids;1,2,;an empty item"
             "score;--ids;5;one id leaves nothing to score"
             "tokenize;hello;no tokenizer files")
  list(POP_BACK case message)
  list(POP_FRONT case command)
  execute_process(COMMAND ${RLHF} ${command} --model ${DATA}/tiny-llama/llama ${case} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(rc EQUAL 0 OR NOT err MATCHES "${message}")
    message(FATAL_ERROR "${command} ${case}: rc=${rc} ${err}")
  endif()
endforeach()
# A command line that cannot run as given is a usage error (exit 2), as README says, whether CLI11 or
# the command finds it.
foreach(case "score;--json;--prompt and --response, or --ids, are required"
             "score;--prompt;a;--prompt and --response, or --ids, are required"
             "generate;--greedy;--prompt or --ids is required"
             "generate;--ids;1,2;--chat;--ids excludes --chat")
  list(POP_BACK case message)
  list(POP_FRONT case command)
  execute_process(COMMAND ${RLHF} ${command} --model ${DATA}/tiny-llama/llama ${case} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "${message}")
    message(FATAL_ERROR "${command} ${case}: rc=${rc} ${err}")
  endif()
endforeach()

# rlhf import-run: a run trained elsewhere (the GPT-2 fixture as its checkpoint, a trainer_state.json
# written after transformers' layout) joins a project's runs, its model files copied, no pickles.
file(REMOVE_RECURSE ${WORK}/imported ${WORK}/runs.rlhf ${WORK}/runs.rlhf.d)
file(MAKE_DIRECTORY ${WORK}/imported)
file(COPY ${WORK}/ids-model/config.json ${WORK}/ids-model/model.safetensors ${WORK}/ids-model/vocab.json
          ${WORK}/ids-model/merges.txt DESTINATION ${WORK}/imported)
configure_file(${DATA}/trainer-state/dpo-trainer_state.json ${WORK}/imported/trainer_state.json COPYONLY)
file(WRITE ${WORK}/imported/optimizer.pt "a pickle")
execute_process(COMMAND ${RLHF} import ${WORK}/runs.rlhf ${DATA}/formats/hh.jsonl OUTPUT_QUIET RESULT_VARIABLE rc)
run_ok(out import-run ${WORK}/runs.rlhf ${WORK}/imported --json)
string(JSON stage GET "${out}" stage)
string(JSON steps GET "${out}" steps_logged)
string(JSON checkpoint GET "${out}" checkpoint)
if(NOT stage STREQUAL "dpo" OR NOT steps EQUAL 2 OR NOT checkpoint MATCHES "runs\\.rlhf\\.d/runs/1-dpo/checkpoints/step-00000020$")
  message(FATAL_ERROR "import-run: ${out}")
endif()
if(NOT EXISTS ${checkpoint}/model.safetensors OR NOT EXISTS ${checkpoint}/merges.txt OR EXISTS ${checkpoint}/optimizer.pt)
  message(FATAL_ERROR "import-run: the checkpoint's files at ${checkpoint}")
endif()
run_ok(out runs ${WORK}/runs.rlhf --json)
string(JSON kind GET "${out}" runs 0 kind)
string(JSON status GET "${out}" runs 0 status)
string(JSON lastStep GET "${out}" runs 0 last_step)
if(NOT kind STREQUAL "dpo" OR NOT status STREQUAL "finished" OR NOT lastStep EQUAL 20)
  message(FATAL_ERROR "import-run: rlhf runs says ${out}")
endif()
run_ok(fromRun score --model ${checkpoint} --ids 10418,389,477,12936,13 --json)  # usable as any checkpoint
if(NOT fromRun STREQUAL byIds)
  message(FATAL_ERROR "import-run: the imported checkpoint scores ${fromRun}, the original ${byIds}")
endif()
run_ok(out import-run ${WORK}/runs.rlhf ${WORK}/imported --stage sft --name "from the cluster")
# (the same directory a second time: said, as the list would show two alike)
if(NOT out MATCHES "stage: sft\nname: from the cluster\n" OR NOT out MATCHES "\nwarnings:\n  - [^\n]*/imported was imported before, as run 1; this is another copy\n")
  message(FATAL_ERROR "import-run --stage --name: ${out}")
endif()
run_ok(out runs ${WORK}/runs.rlhf)  # the list names a run whose name is not just its stage
if(NOT out MATCHES "\n2  sft  \"from the cluster\"  finished  step ")
  message(FATAL_ERROR "rlhf runs: ${out}")
endif()
execute_process(COMMAND ${RLHF} import-run ${WORK}/runs.rlhf ${WORK}/imported --stage rm OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR NOT err MATCHES "--stage rm needs a reward model")
  message(FATAL_ERROR "import-run --stage rm without a score head: ${err}")
endif()
# A log without a number to draw (NaN, a string) comes in without curves, and says so.
file(REMOVE_RECURSE ${WORK}/curveless ${WORK}/curveless.rlhf ${WORK}/curveless.rlhf.d)
file(COPY ${WORK}/imported/ DESTINATION ${WORK}/curveless)
file(WRITE ${WORK}/curveless/trainer_state.json "{\"global_step\": 1, \"log_history\": [{\"loss\": NaN, \"step\": 1}, {\"loss\": \"0.5\", \"step\": 1}]}")
execute_process(COMMAND ${RLHF} import ${WORK}/curveless.rlhf ${DATA}/formats/hh.jsonl OUTPUT_QUIET)
run_ok(out import-run ${WORK}/curveless.rlhf ${WORK}/curveless --stage sft --json)
string(JSON warning GET "${out}" warnings 0)
string(JSON steps GET "${out}" steps_logged)
if(NOT steps EQUAL 0 OR NOT warning MATCHES "curveless/trainer_state.json: no step with a finite number to draw; the run comes in without curves")
  message(FATAL_ERROR "import-run of a log without curves: ${out}")
endif()
run_ok(out runs ${WORK}/curveless.rlhf --json)  # its last step is its checkpoint's, with no curve to say it
string(JSON lastStep GET "${out}" runs 0 last_step)
expect_equal("the last step of a run imported without curves" "${lastStep}" 1)
# Without --stage, nothing in such a log tells the stage: it comes in as SFT, and the warning says how to name it.
run_ok(out import-run ${WORK}/curveless.rlhf ${WORK}/curveless --json)
string(JSON warning GET "${out}" warnings 0)
if(NOT warning MATCHES "the run comes in without curves, as an SFT run \\(nothing in it tells the stage; --stage names it\\)$")
  message(FATAL_ERROR "import-run of a log without curves, without --stage: ${out}")
endif()
file(REMOVE ${WORK}/imported/trainer_state.json)
execute_process(COMMAND ${RLHF} import-run ${WORK}/runs.rlhf ${WORK}/imported OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR NOT err MATCHES "imported/trainer_state.json: no such file \\(give the Trainer's log with --state FILE, OpenRLHF's TensorBoard folder with --tensorboard DIR, or import the model alone with --no-log\\)")
  message(FATAL_ERROR "import-run without a log: ${err}")
endif()
run_ok(out runs ${WORK}/runs.rlhf --json)
string(JSON runCount LENGTH "${out}" runs)
if(NOT runCount EQUAL 2)  # the refused imports left nothing
  message(FATAL_ERROR "import-run: ${runCount} runs after two imports and two refusals: ${out}")
endif()

# rlhf export-job: the DPO stage as a TRL job, its settings under TRL's names, its data the train split.
file(REMOVE_RECURSE ${WORK}/job)
run_ok(out export-job ${WORK}/runs.rlhf --stage dpo --out ${WORK}/job --set model=${WORK}/ids-model --set lr=5e-7
       --set beta=0.25 --set max_steps=30 --set batch_size=4 --set grad_accum=2 --set min_lr=1e-8 --set loss_type=ipo --json)
string(JSON trainRecords GET "${out}" train_records)
file(READ ${WORK}/job/config.yaml yaml)
foreach(line "model_name_or_path: \"${WORK}/ids-model\"" "learning_rate: 5.0e-07" "lr_scheduler_type: \"cosine_with_min_lr\""
             "lr_scheduler_kwargs: {min_lr: 1.0e-08}" "max_steps: 30" "per_device_train_batch_size: 4"
             "gradient_accumulation_steps: 2" "beta: 0.25" "loss_type: \"ipo\"" "dataset_name: \"data\"" "save_steps: 30"
             "max_length: 64")  # max_length 0: the model's context (64), not TRL's 1024
  string(FIND "${yaml}" "\n${line}\n" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "export-job: no line '${line}' in config.yaml:\n${yaml}")
  endif()
endforeach()
file(READ ${WORK}/job/data/train.jsonl trainText)
string(REGEX MATCHALL "\n" trainLines "${trainText}")  # lines may hold ';', which a CMake list would split at
list(LENGTH trainLines trainCount)
file(READ ${WORK}/job/launch.sh launch)
if(NOT trainCount EQUAL trainRecords OR trainCount EQUAL 0 OR NOT launch MATCHES "accelerate launch [^\n]*--num_processes \"\\$\\{GPUS:-1\\}\" \\\\\n  \\$\\{ACCELERATE_ARGS:-\\} -m trl\\.scripts\\.dpo --config config\\.yaml \"\\$@\"\n$")
  message(FATAL_ERROR "export-job: ${trainCount} train lines for ${trainRecords} records; launch.sh:\n${launch}")
endif()
file(READ ${WORK}/job/settings.json settingsJson)  # every setting under the workbench's names, defaults too
string(JSON settingsBeta GET "${settingsJson}" beta)
string(JSON settingsWarmup GET "${settingsJson}" warmup_steps)
if(NOT settingsBeta EQUAL 0.25 OR NOT settingsWarmup EQUAL 0)
  message(FATAL_ERROR "export-job settings.json: ${settingsJson}")
endif()
# One comparison with a margin among pairs without: a DPO job's rows all lack it, a reward model's all
# have one (0 where none was given), so that datasets loads the splits as one table.
file(REMOVE_RECURSE ${WORK}/margins.rlhf ${WORK}/margins.rlhf.d ${WORK}/margin-dpo ${WORK}/margin-rm)
foreach(file trl hh)
  execute_process(COMMAND ${RLHF} import ${WORK}/margins.rlhf ${DATA}/formats/${file}.jsonl OUTPUT_QUIET RESULT_VARIABLE rc)
endforeach()
foreach(stage dpo rm)
  run_ok(out export-job ${WORK}/margins.rlhf --stage ${stage} --out ${WORK}/margin-${stage} --set model=${WORK}/ids-model)
  file(READ ${WORK}/margin-${stage}/data/train.jsonl rows)
  file(READ ${WORK}/margin-${stage}/data/test.jsonl testRows)
  string(APPEND rows "${testRows}")
  string(REGEX MATCHALL "\n" lines "${rows}")
  string(REGEX MATCHALL "\"margin\":" margins "${rows}")
  list(LENGTH lines lineCount)
  list(LENGTH margins marginCount)
  if((stage STREQUAL "dpo" AND NOT marginCount EQUAL 0) OR (stage STREQUAL "rm" AND NOT marginCount EQUAL lineCount)
     OR lineCount LESS 4 OR (stage STREQUAL "rm" AND NOT rows MATCHES "\"margin\":1\\.5"))
    message(FATAL_ERROR "export-job ${stage}: ${marginCount} margins in ${lineCount} rows:\n${rows}")
  endif()
endforeach()
# Without any margin labelled, a reward model's rows have none either.
file(REMOVE_RECURSE ${WORK}/no-margins.rlhf ${WORK}/no-margins.rlhf.d ${WORK}/no-margin-rm)
execute_process(COMMAND ${RLHF} import ${WORK}/no-margins.rlhf ${DATA}/formats/hh.jsonl OUTPUT_QUIET RESULT_VARIABLE rc)
run_ok(out export-job ${WORK}/no-margins.rlhf --stage rm --out ${WORK}/no-margin-rm --set model=${WORK}/ids-model)
file(READ ${WORK}/no-margin-rm/data/train.jsonl rows)
if(NOT rc EQUAL 0 OR rows MATCHES "margin" OR NOT rows MATCHES "\"chosen\"")
  message(FATAL_ERROR "export-job rm without margins: rc=${rc}\n${rows}")
endif()
execute_process(COMMAND bash -n ${WORK}/job/launch.sh RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT EXISTS ${WORK}/job/deepspeed_zero2.yaml OR NOT EXISTS ${WORK}/job/settings.json)
  message(FATAL_ERROR "export-job: launch.sh does not parse, or files are missing")
endif()
execute_process(COMMAND ${RLHF} export-job ${WORK}/runs.rlhf --stage dpo --out ${WORK}/job --set model=${WORK}/ids-model
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR NOT err MATCHES "exists and is not empty")
  message(FATAL_ERROR "export-job into a full folder: ${err}")
endif()
execute_process(COMMAND ${RLHF} export-job ${WORK}/runs.rlhf --stage dpo --out ${WORK}/job2 --set model=${WORK}/ids-model --set betta=1
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR NOT err MATCHES "unknown setting 'betta'" OR EXISTS ${WORK}/job2 OR EXISTS ${WORK}/job2.partial)
  message(FATAL_ERROR "export-job with a wrong setting: ${err}")
endif()
file(REMOVE_RECURSE ${WORK}/job3)
run_ok(out export-job ${WORK}/runs.rlhf --stage rm --out ${WORK}/job3 --set model=${WORK}/ids-model --set schedule=constant
       --set warmup_steps=5 --set precision=fp32)
file(READ ${WORK}/job3/config.yaml yaml)
file(READ ${WORK}/job3/deepspeed_zero2.yaml zero2)
file(READ ${WORK}/job3/launch.sh launch)
if(NOT yaml MATCHES "\nlr_scheduler_type: \"constant_with_warmup\"\n" OR NOT yaml MATCHES "\nbf16: false\n"
   OR NOT zero2 MATCHES "\nmixed_precision: no\n" OR NOT launch MATCHES "-m trl\\.scripts\\.reward ")
  message(FATAL_ERROR "export-job rm, constant with warmup, fp32:\n${yaml}\n${zero2}")
endif()
execute_process(COMMAND ${RLHF} export-job ${WORK}/runs.rlhf --stage sft --out ${WORK}/job4 --set model=${WORK}/ids-model
                --set schedule=linear --set min_lr=1e-6 OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR NOT err MATCHES "schedule linear with min_lr > 0 has no Trainer scheduler")
  message(FATAL_ERROR "export-job linear with min_lr: ${err}")
endif()

# The job's models are checked without loading their weights: a reward model cannot start an SFT job, a
# language model is no reward model, a model without a tokenizer is refused; one that is not on this
# machine is taken as given (for a model only on the cluster), with a warning. A file is no job folder.
file(REMOVE_RECURSE ${WORK}/rm-project.rlhf ${WORK}/rm-project.rlhf.d)
run_ok(out import ${WORK}/rm-project.rlhf ${DATA}/formats/hh.jsonl)
run_ok(out train rm ${WORK}/rm-project.rlhf --set model=${WORK}/ids-model --set max_steps=1 --set batch_size=2 --set checkpoint_every=1 --json)
string(REGEX MATCH "{\"run\":[^\n]*}" result "${out}")  # the last line; the others are progress
string(JSON RM GET "${result}" checkpoint)
file(WRITE ${WORK}/a-file "")
foreach(case "sft;model=${RM};model: ${RM} is a reward model \\(its weights have a score head\\)"
             "dpo;model=${DATA}/tiny-llama/llama;model: ${DATA}/tiny-llama/llama: no tokenizer files"
             "ppo;model=${WORK}/ids-model;--set;reward_model=${WORK}/ids-model;reward_model: ${WORK}/ids-model is not a reward model")
  list(GET case 0 stage)
  list(POP_FRONT case)
  list(POP_BACK case message)
  execute_process(COMMAND ${RLHF} export-job ${WORK}/runs.rlhf --stage ${stage} --out ${WORK}/refused-job --set ${case}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(rc EQUAL 0 OR NOT err MATCHES "${message}" OR EXISTS ${WORK}/refused-job OR EXISTS ${WORK}/refused-job.partial)
    message(FATAL_ERROR "export-job ${stage} ${case}: rc=${rc} ${err}")
  endif()
endforeach()
execute_process(COMMAND ${RLHF} export-job ${WORK}/runs.rlhf --stage dpo --out ${WORK}/a-file --set model=${WORK}/ids-model
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR NOT err MATCHES "a-file: is a file")
  message(FATAL_ERROR "export-job into a file: rc=${rc} ${err}")
endif()
file(REMOVE_RECURSE ${WORK}/cluster-job)
run_ok(out export-job ${WORK}/runs.rlhf --stage dpo --out ${WORK}/cluster-job --set model=/models/on-the-cluster --json)
string(JSON warning GET "${out}" warnings 0)
file(READ ${WORK}/cluster-job/config.yaml yaml)
if(NOT warning MATCHES "/models/on-the-cluster is not on this machine" OR NOT yaml MATCHES "\nmodel_name_or_path: \"/models/on-the-cluster\"\n")
  message(FATAL_ERROR "export-job of a model only on the cluster: ${out}\n${yaml}")
endif()

# An architecture the workbench lacks goes unchecked (TRL reads it), said; a chat template of a format
# rlhf train does not render leaves the rows plain text, as rlhf train trains them, said.
file(REMOVE_RECURSE ${WORK}/mistral ${WORK}/phi ${WORK}/mistral-job ${WORK}/phi-job)
file(COPY ${WORK}/ids-model/ DESTINATION ${WORK}/mistral)
file(COPY ${WORK}/ids-model/ DESTINATION ${WORK}/phi)
file(READ ${WORK}/ids-model/config.json config)
string(JSON config SET "${config}" model_type "\"mistral\"")
file(WRITE ${WORK}/mistral/config.json "${config}")
file(WRITE ${WORK}/phi/tokenizer_config.json "{\"chat_template\": \"{% for m in messages %}<|user|>{{ m.content }}<|end|>{% endfor %}\"}")
foreach(case "mistral;model_type \"mistral\" is not one the workbench reads" "phi;has a chat template of none of the formats rlhf train renders")
  list(GET case 0 name)
  list(GET case 1 expected)
  run_ok(out export-job ${WORK}/runs.rlhf --stage dpo --out ${WORK}/${name}-job --set model=${WORK}/${name} --json)
  string(JSON warning GET "${out}" warnings 0)
  string(JSON format GET "${out}" data_format)
  if(NOT warning MATCHES "${expected}" OR NOT format STREQUAL "trl")
    message(FATAL_ERROR "export-job of ${name}: ${out}")
  endif()
endforeach()

# A model with a chat template gets TRL's conversational rows, which TRL renders in the template as
# rlhf train renders them: an HH dialogue's turns as messages, the responses as assistant messages
# without HH's leading space (the same rows as rlhf export --format trl-messages / sft-messages).
file(REMOVE_RECURSE ${WORK}/chat-job ${WORK}/chat-sft-job ${WORK}/demos.rlhf)
run_ok(out export-job ${WORK}/runs.rlhf --stage dpo --out ${WORK}/chat-job --set model=${DATA}/tiny-llama/llama3-chat --json)
string(JSON format GET "${out}" data_format)
run_ok(exported export ${WORK}/runs.rlhf ${WORK}/runs-trl-messages.jsonl --format trl-messages --split train)
file(READ ${WORK}/runs-trl-messages.jsonl expected)
file(READ ${WORK}/chat-job/data/train.jsonl rows)
expect_equal("a chat model's DPO rows (${format})" "${rows}" "${expected}")
expect_equal("their format" "${format}" "trl-messages")
if(NOT rows MATCHES "^{\"prompt\":\\[{\"content\":\"[^\"]*\",\"role\":\"user\"}")
  message(FATAL_ERROR "chat-template DPO rows: ${rows}")
endif()
run_ok(out import ${WORK}/demos.rlhf ${DATA}/formats/sft.jsonl)
run_ok(out export-job ${WORK}/demos.rlhf --stage sft --out ${WORK}/chat-sft-job --set model=${DATA}/tiny-llama/llama3-chat --json)
string(JSON format GET "${out}" data_format)
file(READ ${WORK}/chat-sft-job/data/train.jsonl rows)
expect_equal("a chat model's SFT rows" "${format}" "sft-messages")
if(NOT rows MATCHES "{\"prompt\":\\[{\"content\":\"Write a haiku\",\"role\":\"user\"}\\],\"completion\":\\[{\"content\":\"Old pond")
  message(FATAL_ERROR "chat-template SFT rows: ${rows}")
endif()
# PPO's reward model must read the policy's ids as rlhf train ppo requires: the same vocabulary, and a
# probe exchange encoded alike (a plain-text reward model of the same tokenizer does not score a templated
# policy's rows).
file(REMOVE_RECURSE ${WORK}/plain-llama)
file(COPY ${DATA}/tiny-llama/llama3-chat/ DESTINATION ${WORK}/plain-llama)
file(REMOVE ${WORK}/plain-llama/tokenizer_config.json)
foreach(base "${DATA}/tiny-llama/llama3-chat;CHAT_RM" "${WORK}/plain-llama;PLAIN_RM")
  list(GET base 0 dir)
  list(GET base 1 variable)
  run_ok(out train rm ${WORK}/rm-project.rlhf --set model=${dir} --set max_steps=1 --set batch_size=2 --set checkpoint_every=1 --json)
  string(REGEX MATCH "{\"run\":[^\n]*}" result "${out}")
  string(JSON ${variable} GET "${result}" checkpoint)
endforeach()
foreach(case "${RM};reward_model: ${RM}: its vocabulary \\(50257 tokens\\) is not the policy's \\(384\\)"
             "${PLAIN_RM};reward_model: ${PLAIN_RM}: the reward model reads plain text ending with id 379, the policy writes the llama-3 chat template ending with id 382")
  list(GET case 0 reward)
  list(GET case 1 message)
  execute_process(COMMAND ${RLHF} export-job ${WORK}/runs.rlhf --stage ppo --out ${WORK}/refused-job --set model=${DATA}/tiny-llama/llama3-chat
                          --set reward_model=${reward} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(rc EQUAL 0 OR NOT err MATCHES "${message}" OR EXISTS ${WORK}/refused-job)
    message(FATAL_ERROR "export-job ppo with reward model ${reward}: rc=${rc} ${err}")
  endif()
endforeach()
file(REMOVE_RECURSE ${WORK}/chat-ppo-job)
run_ok(out export-job ${WORK}/runs.rlhf --stage ppo --out ${WORK}/chat-ppo-job --set model=${DATA}/tiny-llama/llama3-chat
       --set reward_model=${CHAT_RM} --json)
string(JSON format GET "${out}" data_format)
file(READ ${WORK}/chat-ppo-job/data/prompts.jsonl rows)
file(READ ${WORK}/chat-ppo-job/openrlhf_args.sh args)
if(NOT format STREQUAL "messages" OR NOT rows MATCHES "^{\"prompt\":\\[{\"content\":\"Hi there\",\"role\":\"user\"},{\"content\":\"Hello!\",\"role\":\"assistant\"}"
   OR NOT args MATCHES "\n  --data\\.apply_chat_template\n")
  message(FATAL_ERROR "chat-template PPO prompts (${format}): ${rows}\n${args}")
endif()

# export-job --stage ppo: an OpenRLHF job. The prompts as {"prompt": …} lines, the settings as
# train_ppo_ray's dotted arguments (max_steps 5 × rollout_batch 4 = 20 prompts wanted), a launch script
# that submits it to Ray; settings OpenRLHF lacks are refused; its model comes back with import-run, its
# curves from the TensorBoard folder OpenRLHF writes (or without them, --no-log).
file(REMOVE_RECURSE ${WORK}/ppo-job)
run_ok(out export-job ${WORK}/runs.rlhf --stage ppo --out ${WORK}/ppo-job --set model=${WORK}/ids-model
       --set reward_model=${RM} --set max_steps=5 --set rollout_batch=4 --set mini_batch=2
       --set lr=2e-6 --set min_lr=5e-7 --set warmup_steps=1 --set kl_target=6 --json)
string(JSON prompts GET "${out}" train_prompts)
file(READ ${WORK}/ppo-job/data/prompts.jsonl promptText)
string(REGEX MATCHALL "\n" promptLines "${promptText}")
list(LENGTH promptLines promptCount)
if(NOT promptCount EQUAL prompts OR prompts EQUAL 0 OR NOT promptText MATCHES "^{\"prompt\":\"")
  message(FATAL_ERROR "export-job ppo: ${promptCount} prompt lines for ${prompts}: ${out}")
endif()
math(EXPR episodes "(20 + ${prompts} - 1) / ${prompts}")
math(EXPR samples "(5 + ${episodes} - 1) / ${episodes} * 4")
if(samples GREATER prompts)
  set(samples ${prompts})
endif()
file(READ ${WORK}/ppo-job/openrlhf_args.sh args)
foreach(line "--actor.model_name_or_path '${WORK}/ids-model'" "--critic.model_name_or_path '${RM}'"
             "--rollout.batch_size '4'" "--train.batch_size '2'" "--actor.adam.lr '2e-06'" "--critic.adam.lr '2e-06'"
             "--actor.min_lr_ratio '0.25'" "--actor.lr_warmup_ratio '0.2'" "--algo.kl.target '6'"
             "--data.max_samples '${samples}'" "--train.num_episodes '${episodes}'" "--ckpt.save_hf" "--data.max_len '64'")
  string(FIND "${args}" "\n  ${line}\n" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "export-job ppo: no line '${line}' in openrlhf_args.sh:\n${args}")
  endif()
endforeach()
file(READ ${WORK}/ppo-job/launch.sh launch)
execute_process(COMMAND bash -n ${WORK}/ppo-job/launch.sh RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT launch MATCHES "ray job submit [^\n]*\n  -- python3 -m openrlhf\\.cli\\.train_ppo_ray \"\\$\\{ARGS\\[@\\]\\}\"")
  message(FATAL_ERROR "export-job ppo: launch.sh:\n${launch}")
endif()
if(args MATCHES "--eval\\.|--ckpt\\.output_dir|--data\\.apply_chat_template")
  message(FATAL_ERROR "export-job ppo: evaluation (OpenRLHF's needs a remote reward) or a relative output in:\n${args}")
endif()
# launch.sh refuses before submitting: no OUTPUT_DIR; a mini_batch of 2 on 8 GPUs.
foreach(case "GPUS_PER_NODE=1;set OUTPUT_DIR to an absolute path" "OUTPUT_DIR=/shared/run;mini_batch 2 must be a multiple of the 8 GPUs")
  list(GET case 0 env)
  list(GET case 1 message)
  execute_process(COMMAND env -u OUTPUT_DIR ${env} bash ${WORK}/ppo-job/launch.sh OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(rc EQUAL 0 OR NOT err MATCHES "${message}")
    message(FATAL_ERROR "launch.sh with ${env}: rc=${rc} ${err}")
  endif()
endforeach()
execute_process(COMMAND ${RLHF} export-job ${WORK}/runs.rlhf --stage ppo --out ${WORK}/ppo-job2 --set model=${WORK}/ids-model
                --set reward_model=${RM} --set missing_eos_penalty=1 OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR NOT err MATCHES "missing_eos_penalty 1: OpenRLHF's PPO has no such penalty" OR EXISTS ${WORK}/ppo-job2
   OR EXISTS ${WORK}/ppo-job2.partial)
  message(FATAL_ERROR "export-job ppo with missing_eos_penalty: ${err}")
endif()
file(REMOVE_RECURSE ${WORK}/openrlhf-output)
file(MAKE_DIRECTORY ${WORK}/openrlhf-output/tensorboard)
file(COPY ${WORK}/ids-model/config.json ${WORK}/ids-model/model.safetensors ${WORK}/ids-model/vocab.json
          ${WORK}/ids-model/merges.txt DESTINATION ${WORK}/openrlhf-output)
file(COPY ${DATA}/trainer-state/openrlhf-ppo/ DESTINATION ${WORK}/openrlhf-output/tensorboard/ppo_1201)
run_ok(out import-run ${WORK}/runs.rlhf ${WORK}/openrlhf-output --json)
string(JSON stage GET "${out}" stage)
string(JSON steps GET "${out}" steps_logged)
string(JSON globalStep GET "${out}" global_step)
expect_equal("import-run of OpenRLHF's output: stage, steps logged, last step" "${stage} ${steps} ${globalStep}" "ppo 3 3")
run_ok(out import-run ${WORK}/runs.rlhf ${WORK}/openrlhf-output --stage ppo --no-log --json)
string(JSON stage GET "${out}" stage)
string(JSON steps GET "${out}" steps_logged)
string(JSON checkpoint GET "${out}" checkpoint)
if(NOT stage STREQUAL "ppo" OR NOT steps EQUAL 0 OR NOT EXISTS ${checkpoint}/model.safetensors)
  message(FATAL_ERROR "import-run --no-log: ${out}")
endif()
execute_process(COMMAND ${RLHF} import-run ${WORK}/runs.rlhf ${WORK}/openrlhf-output --no-log
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 2 OR NOT err MATCHES "--no-log: give the run's --stage")
  message(FATAL_ERROR "import-run --no-log without --stage: ${err}")
endif()
