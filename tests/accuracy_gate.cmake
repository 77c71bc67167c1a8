# eval on tests/corpus/dev with the thresholds of issue 10 (tests/accuracy_gate.sh): a category's
# recall under 0.90 or a clean rate under 0.97 fails ctest, and so scripts/test. On by default,
# with no cmake option, so that a build directory configured before cannot keep it off;
# KEFU_ACCURACY_GATE=0 in the environment of ctest skips it (reported as skipped) for a pack
# edit in progress.
if(NOT EMSCRIPTEN)
  add_test(NAME accuracy_dev
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/accuracy_gate.sh $<TARGET_FILE:kefu-lint>
                   ${PROJECT_SOURCE_DIR}/tests/corpus/dev)
  set_tests_properties(accuracy_dev PROPERTIES SKIP_RETURN_CODE 77)
endif()
