# Drives `rlhf eliza` as a user would: stdin in, exact replies and exit codes out.
file(MAKE_DIRECTORY ${WORK})
file(WRITE ${WORK}/input.txt "Men are all alike.\nThey're always bugging us about something or other.\r\n")
execute_process(COMMAND ${RLHF} eliza INPUT_FILE ${WORK}/input.txt OUTPUT_VARIABLE out RESULT_VARIABLE rc)
set(expected "HOW DO YOU DO. PLEASE TELL ME YOUR PROBLEM\nIN WHAT WAY\nCAN YOU THINK OF A SPECIFIC EXAMPLE\n")
if(NOT rc EQUAL 0 OR NOT out STREQUAL expected)
  message(FATAL_ERROR "rlhf eliza: rc=${rc}\n${out}")
endif()

execute_process(COMMAND ${RLHF} eliza --trace --json INPUT_FILE ${WORK}/input.txt OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "^{\"greeting\":" OR NOT out MATCHES "\"keystack\":\\[\"ALIKE\",\"ARE\"\\]"
   OR NOT out MATCHES "\"reply\":\"IN WHAT WAY\"")
  message(FATAL_ERROR "rlhf eliza --trace --json: rc=${rc}\n${out}")
endif()
# Without --json the trace is text: each reply, then its rules indented.
execute_process(COMMAND ${RLHF} eliza --trace INPUT_FILE ${WORK}/input.txt OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "^HOW DO YOU DO. PLEASE TELL ME YOUR PROBLEM\nIN WHAT WAY\n    "
   OR NOT out MATCHES "\n    keystack: ALIKE ARE\n")
  message(FATAL_ERROR "rlhf eliza --trace: rc=${rc}\n${out}")
endif()

file(WRITE ${WORK}/bad.txt "(HELLO)\n(SORRY ((0) (PLEASE DON'T))\n")
execute_process(COMMAND ${RLHF} eliza --script ${WORK}/bad.txt INPUT_FILE ${WORK}/input.txt
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 1 OR NOT err MATCHES "bad.txt:3:1: expected")
  message(FATAL_ERROR "bad script: rc=${rc} err=${err}")
endif()

execute_process(COMMAND ${RLHF} eliza --script ${WORK}/missing.txt OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 1 OR NOT err MATCHES "missing.txt: cannot open")
  message(FATAL_ERROR "missing script: rc=${rc} err=${err}")
endif()

execute_process(COMMAND ${RLHF} eliza --no-such-flag OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "usage error: rc=${rc} err=${err}")
endif()
