# eval on tests/corpus/dev with the thresholds of issue 10 (tests/accuracy_gate.sh). Registered
# always, enforced when KEFU_ACCURACY_GATE is ON here or set to 1 in the environment of ctest;
# otherwise reported as skipped.
option(KEFU_ACCURACY_GATE "fail the tests when the packs score under the issue-10 thresholds on tests/corpus/dev" OFF)
if(NOT EMSCRIPTEN)
  if(KEFU_ACCURACY_GATE)
    set(_kefu_gate 1)
  else()
    set(_kefu_gate 0)
  endif()
  add_test(NAME accuracy_dev
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/accuracy_gate.sh $<TARGET_FILE:kefu-lint>
                   ${PROJECT_SOURCE_DIR}/tests/corpus/dev ${_kefu_gate})
  set_tests_properties(accuracy_dev PROPERTIES SKIP_RETURN_CODE 77)
endif()
