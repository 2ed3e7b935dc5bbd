# rlhf import --format rankings, stats' ranking_pairs, rlhf agreement, rlhf screening and rlhf package
# create|merge as a user runs them: JSON keys, exit codes, messages, and refusals that change nothing.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(P ${WORK}/labels.rlhf)

file(WRITE ${WORK}/rankings.jsonl
"{\"prompt\": \"p1\", \"responses\": [\"a\", \"b\", \"c\"], \"ranking\": [[0], [1], [2]], \"labeller\": \"ana\"}
{\"prompt\": \"p1\", \"responses\": [\"c\", \"b\", \"a\"], \"ranking\": [[2], [0, 1]], \"labeller\": \"bo\"}
{\"prompt\": \"p2\", \"responses\": [\"x\", \"y\"], \"ranking\": [[1], [0]], \"labeller\": \"ana\"}
{\"prompt\": \"p2\", \"responses\": [\"x\", \"y\"], \"ranking\": [[1], [0]], \"labeller\": \"bo\"}
{\"prompt\": \"p3\", \"responses\": [\"u\", \"v\"], \"unrankable\": true, \"labeller\": \"bo\"}
{\"prompt\": \"p4\", \"responses\": [\"s\", \"t\"]}
")
execute_process(COMMAND ${RLHF} import ${P} ${WORK}/rankings.jsonl --json OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(JSON judgements GET "${out}" judgements)
string(JSON items GET "${out}" new_items)
string(JSON format GET "${out}" format)
if(NOT rc EQUAL 0 OR NOT judgements EQUAL 5 OR NOT items EQUAL 4 OR NOT format STREQUAL "rankings")
  message(FATAL_ERROR "import rankings: rc=${rc} ${out}")
endif()
execute_process(COMMAND ${RLHF} stats ${P} --json OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(JSON rankings GET "${out}" rankings)
string(JSON pairs GET "${out}" ranking_pairs)
if(NOT rc EQUAL 0 OR NOT rankings EQUAL 5 OR NOT pairs EQUAL 7)  # ana 3, bo 2 (b = c tied), p2 1 + 1, the all-bad none
  message(FATAL_ERROR "stats: ${out}")
endif()

# Units: p1's three pairs and p2's one. ana +1 +1 +1 / −1; bo +1 +1 0 / −1: 3 of 4 agree.
execute_process(COMMAND ${RLHF} agreement ${P} --json OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(JSON units GET "${out}" units)
string(JSON percent GET "${out}" percent_agreement)
string(JSON a GET "${out}" cohen_kappa 0 a)
string(JSON n GET "${out}" cohen_kappa 0 n)
string(JSON fleiss GET "${out}" fleiss_kappa)
string(JSON l0 GET "${out}" labellers 0 labeller)
string(JSON w0 GET "${out}" labellers 0 agreement_with_others)
if(NOT rc EQUAL 0 OR NOT units EQUAL 4 OR NOT percent EQUAL 0.75 OR NOT a STREQUAL "ana" OR NOT n EQUAL 4 OR NOT l0 STREQUAL "ana"
   OR NOT w0 EQUAL 0.75 OR fleiss STREQUAL "")
  message(FATAL_ERROR "agreement: rc=${rc} ${out}")
endif()
execute_process(COMMAND ${RLHF} agreement ${P} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "units: 4" OR NOT out MATCHES "percent agreement: 0.750")
  message(FATAL_ERROR "agreement for people: rc=${rc} ${out}")
endif()

# A partial ranking is refused with its line; nothing is imported.
file(WRITE ${WORK}/partial.jsonl "{\"prompt\": \"p9\", \"responses\": [\"a\", \"b\", \"c\"], \"ranking\": [[0], [2]], \"labeller\": \"cy\"}\n")
execute_process(COMMAND ${RLHF} import ${P} ${WORK}/partial.jsonl ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 1 OR NOT err MATCHES "partial.jsonl:1: field 'ranking' is partial: response 1 is not ranked")
  message(FATAL_ERROR "partial ranking: rc=${rc} ${err}")
endif()

# Export writes every judgement and the unjudged item; re-importing it adds nothing.
execute_process(COMMAND ${RLHF} export ${P} ${WORK}/out.jsonl --format rankings --json OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(JSON records GET "${out}" records)
if(NOT rc EQUAL 0 OR NOT records EQUAL 6)
  message(FATAL_ERROR "export rankings: rc=${rc} ${out}")
endif()
execute_process(COMMAND ${RLHF} import ${P} ${WORK}/out.jsonl --json OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(JSON duplicates GET "${out}" duplicates)
if(NOT rc EQUAL 0 OR NOT duplicates EQUAL 6)
  message(FATAL_ERROR "re-import of the export: rc=${rc} ${out}")
endif()

# A package for cy, labelled with rlhf import, merged back twice (the second time: duplicates only).
execute_process(COMMAND ${RLHF} package create ${P} ${WORK}/cy.rlhfpkg --labeller cy --items 3 --json OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(JSON n GET "${out}" items)
if(NOT rc EQUAL 0 OR NOT n EQUAL 3 OR EXISTS ${WORK}/cy.rlhfpkg.d OR EXISTS ${WORK}/cy.rlhfpkg-wal)
  message(FATAL_ERROR "package create: rc=${rc} ${out}")
endif()
file(WRITE ${WORK}/cy.jsonl "{\"prompt\": \"p2\", \"responses\": [\"y\", \"x\"], \"ranking\": [[0], [1]], \"labeller\": \"cy\"}\n")
execute_process(COMMAND ${RLHF} import ${WORK}/cy.rlhfpkg ${WORK}/cy.jsonl --format rankings RESULT_VARIABLE rc)
execute_process(COMMAND ${RLHF} package merge ${P} ${WORK}/cy.rlhfpkg --json OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(JSON added GET "${out}" judgements)
if(NOT rc EQUAL 0 OR NOT added EQUAL 1)
  message(FATAL_ERROR "package merge: rc=${rc} ${out}")
endif()
execute_process(COMMAND ${RLHF} package merge ${P} ${WORK}/cy.rlhfpkg OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "0 new judgements, 1 duplicate, 0 conflicts")
  message(FATAL_ERROR "package merged twice: rc=${rc} ${out}")
endif()
# Truncated: refused, exit 1, nothing changed.
execute_process(COMMAND head -c 20000 ${WORK}/cy.rlhfpkg OUTPUT_FILE ${WORK}/cut.rlhfpkg)
execute_process(COMMAND ${RLHF} package merge ${P} ${WORK}/cut.rlhfpkg ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 1 OR NOT err MATCHES "cut.rlhfpkg: .*nothing was merged")
  message(FATAL_ERROR "truncated package: rc=${rc} ${err}")
endif()
execute_process(COMMAND ${RLHF} stats ${P} --json OUTPUT_VARIABLE out)
string(JSON rankings GET "${out}" rankings)
if(NOT rankings EQUAL 6)
  message(FATAL_ERROR "after the refusals: ${out}")
endif()

# Screening with ana as gold: bo agrees on 2 of p1's 3 pairs and on p2's (cy judged only p2: 0 of 1).
execute_process(COMMAND ${RLHF} screening ${P} --gold ana --threshold 0.7 --json OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(JSON bo GET "${out}" labellers 0 labeller)
string(JSON score GET "${out}" labellers 0 score)
string(JSON passed GET "${out}" labellers 0 passed)
if(NOT rc EQUAL 0 OR NOT bo STREQUAL "bo" OR NOT score EQUAL 0.75 OR NOT passed STREQUAL "ON")
  message(FATAL_ERROR "screening: rc=${rc} ${out}")
endif()

# Arena battles (Chatbot Arena records, a JSON array) and the leaderboard: keys, order, counts.
set(ARENA ${WORK}/arena.rlhf)
file(WRITE ${WORK}/battles.json "[{\"model_a\": \"A\", \"model_b\": \"B\", \"winner\": \"model_a\", \"tstamp\": 3},
 {\"model_a\": \"B\", \"model_b\": \"C\", \"winner\": \"tie\", \"tstamp\": 1},
 {\"model_a\": \"C\", \"model_b\": \"A\", \"winner\": \"model_b\"},
 {\"model_a\": \"A\", \"model_b\": \"C\", \"winner\": \"tie (bothbad)\", \"tstamp\": 2},
 {\"model_a\": \"B\", \"model_b\": \"A\", \"winner\": \"model_a\", \"tstamp\": 4}]")
execute_process(COMMAND ${RLHF} import ${ARENA} ${WORK}/battles.json --json OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(JSON battles GET "${out}" battles)
if(NOT rc EQUAL 0 OR NOT battles EQUAL 5)
  message(FATAL_ERROR "arena import: rc=${rc} ${out}")
endif()
execute_process(COMMAND ${RLHF} arena ${ARENA} --rounds 200 --seed 1 --json OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(JSON first GET "${out}" models 0 model)
string(JSON third GET "${out}" models 2 model)
string(JSON ties GET "${out}" models 2 ties)
string(JSON n GET "${out}" models 0 battles)
foreach(key elo_online bt_rating ci_low ci_high wins losses)
  string(JSON value ERROR_VARIABLE missing GET "${out}" models 0 ${key})
  if(missing)
    message(FATAL_ERROR "arena: no ${key} in ${out}")
  endif()
endforeach()
if(NOT rc EQUAL 0 OR NOT first STREQUAL "A" OR NOT third STREQUAL "C" OR NOT ties EQUAL 2 OR NOT n EQUAL 4)
  message(FATAL_ERROR "arena: rc=${rc} ${out}")
endif()
execute_process(COMMAND ${RLHF} export ${ARENA} ${WORK}/battles-out.jsonl --format arena RESULT_VARIABLE rc)
execute_process(COMMAND ${RLHF} import ${WORK}/arena2.rlhf ${WORK}/battles-out.jsonl --json OUTPUT_VARIABLE out RESULT_VARIABLE rc2)
string(JSON battles GET "${out}" battles)
if(NOT rc EQUAL 0 OR NOT rc2 EQUAL 0 OR NOT battles EQUAL 5)
  message(FATAL_ERROR "arena export and import: rc=${rc} ${rc2} ${out}")
endif()

# Arena votes as comparisons: the decided battle whose last exchanges answer the same message becomes a
# pair (winner's reply chosen); ties and battles without matching conversations do not; twice = once.
set(VOTES ${WORK}/votes.rlhf)
file(WRITE ${WORK}/votes.jsonl "{\"model_a\": \"eliza\", \"model_b\": \"sft-2\", \"winner\": \"model_b\", \"conversation_a\": [{\"role\": \"user\", \"content\": \"Hi\"}, {\"role\": \"assistant\", \"content\": \"HOW DO YOU DO\"}, {\"role\": \"user\", \"content\": \"What is a cow?\"}, {\"role\": \"assistant\", \"content\": \"WHY DO YOU ASK\"}], \"conversation_b\": [{\"role\": \"user\", \"content\": \"Hi\"}, {\"role\": \"assistant\", \"content\": \"Hello!\"}, {\"role\": \"user\", \"content\": \"What is a cow?\"}, {\"role\": \"assistant\", \"content\": \"An animal that gives milk.\"}]}
{\"model_a\": \"eliza\", \"model_b\": \"sft-2\", \"winner\": \"tie\", \"conversation_a\": [{\"role\": \"user\", \"content\": \"Hi\"}, {\"role\": \"assistant\", \"content\": \"A\"}], \"conversation_b\": [{\"role\": \"user\", \"content\": \"Hi\"}, {\"role\": \"assistant\", \"content\": \"B\"}]}
{\"model_a\": \"eliza\", \"model_b\": \"sft-2\", \"winner\": \"model_a\"}
")
execute_process(COMMAND ${RLHF} import ${VOTES} ${WORK}/votes.jsonl RESULT_VARIABLE rc)
execute_process(COMMAND ${RLHF} arena-comparisons ${VOTES} --json OUTPUT_VARIABLE out RESULT_VARIABLE rc2)
string(JSON pairs GET "${out}" pairs)
string(JSON ties GET "${out}" ties)
string(JSON unpaired GET "${out}" unpaired)
if(NOT rc EQUAL 0 OR NOT rc2 EQUAL 0 OR NOT pairs EQUAL 1 OR NOT ties EQUAL 1 OR NOT unpaired EQUAL 1)
  message(FATAL_ERROR "arena-comparisons: rc=${rc} ${rc2} ${out}")
endif()
execute_process(COMMAND ${RLHF} arena-comparisons ${VOTES} --json OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(JSON pairs GET "${out}" pairs)
string(JSON duplicates GET "${out}" duplicates)
if(NOT rc EQUAL 0 OR NOT pairs EQUAL 0 OR NOT duplicates EQUAL 1)
  message(FATAL_ERROR "arena-comparisons again: rc=${rc} ${out}")
endif()
execute_process(COMMAND ${RLHF} export ${VOTES} ${WORK}/vote-pairs.jsonl --format trl RESULT_VARIABLE rc)
file(READ ${WORK}/vote-pairs.jsonl pair)
string(JSON chosen GET "${pair}" chosen)
string(JSON rejected GET "${pair}" rejected)
string(JSON prompt GET "${pair}" prompt)
if(NOT rc EQUAL 0 OR NOT chosen STREQUAL " An animal that gives milk." OR NOT rejected STREQUAL " WHY DO YOU ASK"
   OR NOT prompt STREQUAL "\n\nHuman: What is a cow?\n\nAssistant:")
  message(FATAL_ERROR "arena-comparisons pair: rc=${rc} ${pair}")
endif()
execute_process(COMMAND ${RLHF} arena-comparisons ${VOTES} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "pairs: 0")
  message(FATAL_ERROR "arena-comparisons for people: rc=${rc} ${out}")
endif()

# Transcripts: none in a project the Chat panel never used; an export writes an empty file, for people too.
execute_process(COMMAND ${RLHF} transcripts ${VOTES} --json OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(JSON n LENGTH "${out}" transcripts)
execute_process(COMMAND ${RLHF} transcripts ${VOTES} --export ${WORK}/t.md OUTPUT_VARIABLE people RESULT_VARIABLE rc2)
if(NOT rc EQUAL 0 OR NOT n EQUAL 0 OR NOT rc2 EQUAL 0 OR NOT people MATCHES "transcripts: 0" OR NOT EXISTS ${WORK}/t.md)
  message(FATAL_ERROR "transcripts: rc=${rc} ${rc2} ${out} ${people}")
endif()
