// The one place that turns any exception into the message a user reads: the project's own errors say what they
// say; a file-system failure names the path and the reason; an allocation failure says the memory ran out and how
// to see what the run needs. Only an exception of no known kind is an "internal error".
#pragma once
#include <exception>
#include <string>

namespace spv {

struct ErrorText {
  std::string message;    // what went wrong, naming the culprit
  bool internal = false;  // a bug of sparsepv rather than of its input or machine
  // "error: ..." or "internal error: ...", as sparsepv prints it
  std::string text() const { return (internal ? "internal error: " : "error: ") + message; }
};

ErrorText error_text(const std::exception& e);

}  // namespace spv
