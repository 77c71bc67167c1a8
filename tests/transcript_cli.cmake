# The transcript command's CLI test (tests/transcript_cli_test.sh); included by tests/CMakeLists.txt.
if(NOT EMSCRIPTEN)
  add_test(NAME transcript_cli COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/transcript_cli_test.sh $<TARGET_FILE:kefu-lint>)
endif()
