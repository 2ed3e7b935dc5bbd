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
