# tkg_set_warnings(target): the project's warning set, on our own targets only
# (third-party headers come in as SYSTEM through their imported targets).
function(tkg_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wsign-conversion -Wnon-virtual-dtor
                                           -Wold-style-cast -Wimplicit-fallthrough)
  if(TKG_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
