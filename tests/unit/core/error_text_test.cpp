// Every exception a run can meet becomes one message a user can act on; only unknown kinds are internal errors.
#include <catch2/catch.hpp>

#include <filesystem>
#include <new>
#include <stdexcept>

#include "core/error_text.hpp"
#include "core/errors.hpp"

using namespace spv;

TEST_CASE("exceptions map to messages naming the culprit", "[errors]") {
  const ErrorText own = error_text(IoError("/data/x.pvp", "truncated"));
  CHECK_THAT(own.text(), Catch::StartsWith("error: ") && Catch::Contains("/data/x.pvp"));
  CHECK_FALSE(own.internal);

  const std::filesystem::filesystem_error fs("create_directories", "/out/run", "/other",
                                             std::make_error_code(std::errc::permission_denied));
  const ErrorText f = error_text(fs);
  CHECK(f.text() == "error: file system: \"/out/run\" and \"/other\": Permission denied");
  CHECK_FALSE(f.internal);

  const ErrorText memory = error_text(std::bad_alloc());
  CHECK_THAT(memory.text(), Catch::StartsWith("error: out of memory") && Catch::Contains("sparsepv -n"));
  CHECK_FALSE(memory.internal);

  const ErrorText unknown = error_text(std::logic_error("an invariant broke"));
  CHECK(unknown.text() == "internal error: an invariant broke");
  CHECK(unknown.internal);
}
