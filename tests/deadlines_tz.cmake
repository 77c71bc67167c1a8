# The same order facts give the same deadlines whatever the machine's zone (all times are Beijing
# time, UTC+8 with no DST, never the host's tz database). Included from tests/CMakeLists.txt:
#   include(${CMAKE_CURRENT_SOURCE_DIR}/deadlines_tz.cmake)
# Runs the time, deadline and points tests, and the CLI on a golden case, under two zones that
# differ from Beijing by 12-13 hours and by none.
if(NOT EMSCRIPTEN)
  foreach(zone America/New_York Asia/Shanghai)
    string(REPLACE "/" "_" zone_name "${zone}")
    add_test(NAME deadlines_tz_${zone_name}
             COMMAND kefu_tests --gtest_filter=TimeParse*:Civil*:Deadline*:Points*:Packs/DeadlineRuleExample*
             WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
    set_tests_properties(deadlines_tz_${zone_name} PROPERTIES ENVIRONMENT "TZ=${zone}")
  endforeach()
  add_test(NAME deadlines_tz_cli
           COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:kefu-lint> -DSOURCE=${PROJECT_SOURCE_DIR}
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/deadlines_tz_cli.cmake)
endif()
