# Fails when docs/rules.md differs from `foresight rules --format md`. Fix: `make docs`.
execute_process(COMMAND ${FORESIGHT} rules --format md OUTPUT_VARIABLE generated
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "foresight rules --format md failed (${result})")
endif()
file(READ ${EXPECTED} committed)
if(NOT generated STREQUAL committed)
  message(FATAL_ERROR "docs/rules.md is stale: run `make docs` and commit the result")
endif()
message(STATUS "docs/rules.md is up to date")
