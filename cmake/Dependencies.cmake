# Header-level dependencies. On Debian they come from packages with CMake/pkg-config files; on a
# machine without them (a GPU server with only a pip LibTorch) the headers and a static PCRE2 can be
# pointed at with CMAKE_INCLUDE_PATH / CMAKE_LIBRARY_PATH.

find_package(nlohmann_json 3 QUIET)
if(NOT TARGET nlohmann_json::nlohmann_json)
  find_path(RLHF_NLOHMANN_INCLUDE nlohmann/json.hpp REQUIRED)
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
  target_include_directories(nlohmann_json::nlohmann_json INTERFACE ${RLHF_NLOHMANN_INCLUDE})
endif()

find_package(CLI11 CONFIG QUIET)
if(NOT TARGET CLI11::CLI11)
  find_path(RLHF_CLI11_INCLUDE CLI/CLI.hpp REQUIRED)
  add_library(CLI11::CLI11 INTERFACE IMPORTED)
  target_include_directories(CLI11::CLI11 INTERFACE ${RLHF_CLI11_INCLUDE})
endif()

find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(PCRE2 QUIET IMPORTED_TARGET libpcre2-8)
endif()
if(TARGET PkgConfig::PCRE2)
  add_library(rlhf_pcre2 ALIAS PkgConfig::PCRE2)
else()
  find_path(RLHF_PCRE2_INCLUDE pcre2.h REQUIRED)
  find_library(RLHF_PCRE2_LIB NAMES libpcre2-8.a pcre2-8 REQUIRED)
  add_library(rlhf_pcre2 UNKNOWN IMPORTED)
  set_target_properties(rlhf_pcre2 PROPERTIES IMPORTED_LOCATION ${RLHF_PCRE2_LIB}
                        INTERFACE_INCLUDE_DIRECTORIES ${RLHF_PCRE2_INCLUDE})
endif()

# ICU (Debian: libicu-dev) gives the NFC normalizer Qwen2's tokenizers ask for; without it (a GPU server)
# such a tokenizer is refused when loaded.
find_package(ICU COMPONENTS uc QUIET)

# SentencePiece (Debian: libsentencepiece-dev) is the reference SentencePieceTokenizerTest checks the
# workbench's own reading of tokenizer.model against. The workbench does not link it: the library carries
# its own protobuf, whose symbols clash with LibTorch's libprotobuf in one process.
if(PkgConfig_FOUND)
  pkg_check_modules(SentencePiece QUIET IMPORTED_TARGET sentencepiece)
endif()

find_package(SQLite3 QUIET)
if(NOT TARGET SQLite::SQLite3)
  find_path(RLHF_SQLITE_INCLUDE sqlite3.h REQUIRED)
  find_library(RLHF_SQLITE_LIB NAMES sqlite3 libsqlite3.so.0 REQUIRED)
  add_library(SQLite::SQLite3 UNKNOWN IMPORTED)
  set_target_properties(SQLite::SQLite3 PROPERTIES IMPORTED_LOCATION ${RLHF_SQLITE_LIB}
                        INTERFACE_INCLUDE_DIRECTORIES ${RLHF_SQLITE_INCLUDE})
endif()

# simdjson (Debian: libsimdjson-dev) parses import lines ~5x faster than nlohmann; without it (a GPU
# server) the importer parses with nlohmann alone.
find_package(simdjson CONFIG QUIET)
