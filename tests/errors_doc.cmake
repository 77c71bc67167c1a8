# docs/errors.md is written from core/src/common/error_catalog.inc; this test fails when the page
# is stale (someone changed the catalog and did not run scripts/gen-errors-doc.py).
if(NOT EMSCRIPTEN)
  find_package(Python3 COMPONENTS Interpreter)
  if(Python3_FOUND)
    add_test(NAME errors_doc COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/scripts/gen-errors-doc.py --check)
  else()
    # No silent pass: without Python the test exists and fails.
    message(WARNING "errors_doc needs python3; the test will fail until it is installed")
    add_test(NAME errors_doc COMMAND ${CMAKE_COMMAND} -E false)
  endif()
endif()
