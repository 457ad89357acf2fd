#include "core/threads/cpu_set.hpp"

#include <sched.h>
#include <unistd.h>

#include <charconv>
#include <stdexcept>

namespace spv {

CpuList process_cpus() {
  CpuList cpus;
  cpu_set_t mask;
  CPU_ZERO(&mask);
  if (sched_getaffinity(0, sizeof mask, &mask) == 0)
    for (int c = 0; c < CPU_SETSIZE; ++c)
      if (CPU_ISSET(c, &mask)) cpus.push_back(c);
  if (cpus.empty())
    for (int c = 0; c < online_cpus(); ++c) cpus.push_back(c);
  return cpus;
}

int online_cpus() {
  const long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? int(n) : 1;
}

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "localhost";
  return name;
}

std::string cpu_list_text(const CpuList& cpus) {
  std::string text;
  for (std::size_t i = 0; i < cpus.size();) {
    std::size_t j = i;
    while (j + 1 < cpus.size() && cpus[j + 1] == cpus[j] + 1) ++j;
    if (!text.empty()) text += ',';
    text += std::to_string(cpus[i]);
    if (j > i) text += '-' + std::to_string(cpus[j]);
    i = j + 1;
  }
  return text;
}

CpuList parse_cpu_list(const std::string& text) {
  CpuList cpus;
  const char* at = text.data();
  const char* end = at + text.size();
  auto number = [&](int& value) {
    auto [next, ec] = std::from_chars(at, end, value);
    if (ec != std::errc() || value < 0) throw std::invalid_argument("bad CPU list \"" + text + "\"");
    at = next;
  };
  while (at < end) {
    int first = 0, last = 0;
    number(first);
    last = first;
    if (at < end && *at == '-') ++at, number(last);
    if (last < first || (!cpus.empty() && first <= cpus.back()))
      throw std::invalid_argument("bad CPU list \"" + text + "\"");
    for (int c = first; c <= last; ++c) cpus.push_back(c);
    if (at < end && (*at++ != ',' || at == end)) throw std::invalid_argument("bad CPU list \"" + text + "\"");
  }
  return cpus;
}

}  // namespace spv
