# run_ok(OUT args...): runs ${RLHF} with the arguments, fails the test with its stderr unless it exits 0,
# and puts its stdout in OUT. Included by the CLI test scripts.
function(run_ok out_var)
  execute_process(COMMAND ${RLHF} ${ARGN} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "rlhf ${ARGN}: rc=${rc}\n${err}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()
