# Third-party libraries, all from Debian packages (scripts/debian-packages.txt).

find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

# fmt before RESTinio: RESTinio's config expects fmt's targets to exist.
find_package(fmt REQUIRED)
find_package(restinio REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 REQUIRED)
find_package(tomlplusplus REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# HMAC-SHA1 for TOTP codes (libsodium has no SHA1); see access/totp.cpp.
pkg_check_modules(LIBCRYPTO REQUIRED IMPORTED_TARGET libcrypto)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
# Network measures (analysis/): Debian's libigraph-dev, built without thread
# safety; see docs/adr/0007-igraph-behind-one-lock.md.
pkg_check_modules(IGRAPH REQUIRED IMPORTED_TARGET igraph)
# Min-cost flow for matching help requests to volunteers (matching/):
# igraph has no min-cost flow and its bipartite matching has no capacities.
pkg_check_modules(LEMON REQUIRED lemon)
# REFI-QDA exchange (research/refi_qda.hpp): libxml2 writes and reads the
# QDA-XML and checks an imported codebook against its schema; libzip packs
# the .qdpx.
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
# The practice report's PDF (src/research/practice_report_pdf.cpp): cairo draws,
# Pango lays out the text.
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf)
# The tests read the report's text back from the PDF.
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)

# RESTinio does not declare what it links against; Debian's http-parser has
# no CMake or pkg-config files.
find_library(HTTP_PARSER_LIBRARY NAMES http_parser REQUIRED)

# SOCI 4.0.3 in Debian ships neither CMake nor pkg-config files.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIBRARY NAMES soci_core REQUIRED)
find_library(SOCI_SQLITE3_LIBRARY NAMES soci_sqlite3 REQUIRED)
find_library(SOCI_POSTGRESQL_LIBRARY NAMES soci_postgresql REQUIRED)
add_library(soci INTERFACE)
target_include_directories(soci SYSTEM INTERFACE ${SOCI_INCLUDE_DIR} ${LIBPQ_INCLUDE_DIRS})
target_link_libraries(soci INTERFACE
  ${SOCI_SQLITE3_LIBRARY} ${SOCI_POSTGRESQL_LIBRARY} ${SOCI_CORE_LIBRARY}
  PkgConfig::SQLITE3 PkgConfig::LIBPQ ${CMAKE_DL_LIBS})

if(DICHTBIJ_TESTS)
  find_package(GTest REQUIRED)
  find_package(CURL REQUIRED)
  include(GoogleTest)
endif()
