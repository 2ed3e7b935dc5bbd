# run_ok(OUT args...): runs ${RLHF} with the arguments, fails the test with its stderr unless it exits 0,
# and puts its stdout in OUT. Included by the CLI test scripts.
function(run_ok out_var)
  execute_process(COMMAND ${RLHF} ${ARGN} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "rlhf ${ARGN}: rc=${rc}\n${err}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

# json_ids(OUT JSON): a JSON list of ids -> "1,2,3".
function(json_ids out json)
  string(REGEX REPLACE "[][ \n]" "" ids "${json}")
  set(${out} "${ids}" PARENT_SCOPE)
endfunction()

# expect_equal(WHAT GOT EXPECTED): fails the test naming WHAT unless GOT equals EXPECTED.
function(expect_equal what got expected)
  if(NOT "${got}" STREQUAL "${expected}")
    message(FATAL_ERROR "${what}: got ${got}, expected ${expected}")
  endif()
endfunction()

# expect_candidates(PROJECT ORIGINS ITEM_LINE GENERATED -- candidates args...): runs rlhf candidates on
# PROJECT with the arguments, expects the result's "items models[0]" to be ORIGINS ("2 dpo-1"), and the
# responses of the exported item on line ITEM_LINE (0-based) to be GENERATED's completions, in order.
function(expect_candidates project origins line generated)
  run_ok(out candidates ${project} ${ARGN} --json)
  string(REGEX MATCH "{\"items\":[^\n]*}" result "${out}")
  string(JSON items GET "${result}" items)
  string(JSON origin GET "${result}" models 0)
  expect_equal("candidate items and their origin" "${items} ${origin}" "${origins}")
  run_ok(out export ${project} ${project}.items.jsonl --format rankings --json)
  file(READ ${project}.items.jsonl item)
  foreach(skip RANGE ${line})  # no CMake list: a response may hold a semicolon
    if(skip GREATER 0)
      string(FIND "${item}" "\n" newline)
      math(EXPR next "${newline} + 1")
      string(SUBSTRING "${item}" ${next} -1 item)
    endif()
  endforeach()
  string(REGEX MATCH "^[^\n]*" item "${item}")
  string(JSON count LENGTH "${generated}" completions)
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    string(JSON text GET "${generated}" completions ${i} text)
    string(JSON candidate GET "${item}" responses ${i})
    expect_equal("candidate ${i} against the generated completion" "${candidate}" "${text}")
  endforeach()
endfunction()

# `rlhf train ppo PROJECT ARGS…` (two steps, a checkpoint at step 2, as run RUN of the project), then the
# checkpoint's architectures: "POLICY VALUE", e.g. "LlamaForCausalLM LlamaForSequenceClassification".
function(expect_ppo_checkpoint project run expected)
  run_ok(out train ppo ${project} --set max_steps=2 --set rollout_batch=2 --set mini_batch=1 --set response_length=4
         --set checkpoint_every=2 --json ${ARGN})
  set(policy ${project}.d/runs/${run}-ppo/checkpoints/step-00000002)
  file(READ ${policy}/config.json config)
  string(JSON policyArchitecture GET "${config}" architectures 0)
  file(READ ${policy}/value/config.json config)
  string(JSON valueArchitecture GET "${config}" architectures 0)
  expect_equal("the PPO checkpoint's policy and value architectures" "${policyArchitecture} ${valueArchitecture}" "${expected}")
endfunction()
