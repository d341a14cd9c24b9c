# Writes TEXT to FILE only when it differs, so that what includes FILE is not rebuilt for nothing.
function(write_if_changed file text)
  if(EXISTS "${file}")
    file(READ "${file}" old)
  endif()
  if(NOT old STREQUAL text)
    file(WRITE "${file}" "${text}")
  endif()
endfunction()
