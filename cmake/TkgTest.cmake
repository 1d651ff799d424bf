# tkg_add_test(name SOURCES a.cc [b.cc ...] LIBS lib...): one gtest executable,
# its tests discovered by ctest and run from the source root so that they find
# tests/data/ and extract/data/. A unit test gets 120 s (ASan included): one
# that takes longer has hit a pathological path, and fails rather than hangs.
function(tkg_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} tkg_testing GTest::gmock GTest::gtest_main)
  tkg_set_warnings(${name})
  gtest_discover_tests(${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                       DISCOVERY_MODE PRE_TEST
                       PROPERTIES ENVIRONMENT "TKG_DATA=${PROJECT_SOURCE_DIR}/extract/data"
                                  TIMEOUT 120)
endfunction()

# tkg_add_cli_test(script): an end-to-end shell script run by ctest with the
# built tkg binary in $TKG, the source root in $SRC and a directory for
# files worth keeping (screenshots) in $ARTIFACTS.
function(tkg_add_cli_test script)
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME cli.${name} COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/${script}
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(cli.${name} PROPERTIES
    ENVIRONMENT "TKG=$<TARGET_FILE:tkg>;SRC=${PROJECT_SOURCE_DIR};TKG_DATA=${PROJECT_SOURCE_DIR}/extract/data;ARTIFACTS=${PROJECT_BINARY_DIR}/test-artifacts"
    LABELS cli)
endfunction()
