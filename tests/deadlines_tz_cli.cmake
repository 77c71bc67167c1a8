# cmake -DCLI=path/to/kefu-lint -DSOURCE=repo -P deadlines_tz_cli.cmake
# `kefu-lint deadlines` under TZ=America/New_York and TZ=Asia/Shanghai must print exactly the
# golden output, which was written under neither zone in particular.
cmake_minimum_required(VERSION 3.16)
set(cases
    "tmall-full|2024-03-04 20:00:00|json"
    "jd-year-end||text"
    "taobao-refund|2024-06-19 18:00:00|text")
foreach(case IN LISTS cases)
  string(REPLACE "|" ";" parts "${case}")
  list(GET parts 0 name)
  list(GET parts 1 now)
  list(GET parts 2 format)
  set(extension ${format})
  if(format STREQUAL "text")
    set(extension txt)
  endif()
  file(READ "${SOURCE}/tests/golden/deadlines/${name}.out.${extension}" expected)
  set(now_args)
  if(now)
    set(now_args --now "${now}")
  endif()
  foreach(zone America/New_York Asia/Shanghai)
    execute_process(
      COMMAND ${CMAKE_COMMAND} -E env TZ=${zone} ${CLI} deadlines ${now_args} --format ${format}
              "${SOURCE}/tests/fixtures/deadlines/${name}.json"
      OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
    set(actual "status ${status}\n${out}")
    if(err)
      string(APPEND actual "--- stderr\n${err}")
    endif()
    if(NOT actual STREQUAL expected)
      message(FATAL_ERROR "TZ=${zone}: kefu-lint deadlines ${name} differs from tests/golden/deadlines/${name}.out.${extension}:\n${actual}")
    endif()
  endforeach()
  message(STATUS "ok ${name} under America/New_York and Asia/Shanghai")
endforeach()
