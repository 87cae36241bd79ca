# ASan + UBSan for the whole build when FORESIGHT_SANITIZE is on (presets dev and ci).
if(FORESIGHT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# Coverage instrumentation for libFuzzer on everything the fuzz targets link.
if(FORESIGHT_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# ThreadSanitizer (preset tsan, `make tsan`): it cannot be combined with ASan, so it is a
# build of its own, used for the tests of code that runs on several threads.
if(FORESIGHT_TSAN)
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()
