#include "core/threads/thread_plan.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <stdexcept>

#include "params/error.hpp"

namespace spv {

namespace {

std::string plural(int n, const std::string& word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// "0-3" or "2,5": the ranks of a group, compact.
std::string rank_list_text(const std::vector<int>& ranks) { return cpu_list_text(ranks); }

}  // namespace

std::optional<int> omp_team_size(const std::string& text) {
  const std::string first = text.substr(0, text.find(','));
  int value = 0;
  auto [end, ec] = std::from_chars(first.data(), first.data() + first.size(), value);
  if (first.empty() || ec != std::errc() || end != first.data() + first.size() || value < 1) return std::nullopt;
  return value;
}

ThreadChoice choose_threads(const ThreadRequest& request) {
  ThreadChoice choice;
  choice.sharing = int(std::count(request.node_masks.begin(), request.node_masks.end(), request.cpus));
  choice.sharing = std::max(choice.sharing, 1);
  if (request.option) {
    choice.threads = *request.option;
    choice.source = ThreadSource::option;
  } else if (request.omp_num_threads) {
    const std::optional<int> team = omp_team_size(*request.omp_num_threads);
    if (!team)
      throw Error("OMP_NUM_THREADS=\"" + *request.omp_num_threads + "\": expected a positive whole number of threads");
    choice.threads = *team;
    choice.source = ThreadSource::environment;
  } else {
    choice.threads = std::max(1, int(request.cpus.size()) / choice.sharing);
    choice.source = ThreadSource::cores;
  }
  return choice;
}

std::string rank_threads_text(const RankThreads& r) {
  return r.host + '\t' + std::to_string(r.node_cpus) + '\t' + std::to_string(r.threads) + '\t' +
         cpu_list_text(r.cpus);
}

RankThreads parse_rank_threads(const std::string& text) {
  std::vector<std::string> fields;
  std::size_t at = 0;
  for (;;) {
    const std::size_t tab = text.find('\t', at);
    fields.push_back(text.substr(at, tab - at));
    if (tab == std::string::npos) break;
    at = tab + 1;
  }
  if (fields.size() != 4) throw std::invalid_argument("bad rank threads record \"" + text + "\"");
  RankThreads r;
  r.host = fields[0];
  r.node_cpus = std::stoi(fields[1]);
  r.threads = std::stoi(fields[2]);
  r.cpus = parse_cpu_list(fields[3]);
  return r;
}

std::vector<NodeThreads> summarize_nodes(const std::vector<RankThreads>& ranks) {
  std::vector<NodeThreads> nodes;
  std::map<std::string, std::size_t> node_of;
  // Per node, ranks with the same threads and cores are told as one group.
  std::vector<std::vector<std::pair<std::pair<int, CpuList>, std::vector<int>>>> groups;
  for (std::size_t r = 0; r < ranks.size(); ++r) {
    const RankThreads& rt = ranks[r];
    auto [it, added] = node_of.emplace(rt.host, nodes.size());
    if (added) {
      nodes.push_back({rt.host, rt.node_cpus, 0, 0, "", ""});
      groups.emplace_back();
    }
    NodeThreads& node = nodes[it->second];
    if (rt.threads > int(rt.cpus.size()) && node.oversubscription.empty())
      node.oversubscription = "node " + rt.host + ": rank " + std::to_string(r) + " runs " +
                              plural(rt.threads, "thread") + " on " + plural(int(rt.cpus.size()), "core") +
                              " (its affinity mask, cores " + cpu_list_text(rt.cpus) + ")";
    ++node.ranks;
    node.threads += rt.threads;
    auto& node_groups = groups[it->second];
    const std::pair<int, CpuList> key{rt.threads, rt.cpus};
    auto g = std::find_if(node_groups.begin(), node_groups.end(), [&](const auto& e) { return e.first == key; });
    if (g == node_groups.end()) node_groups.push_back({key, {int(r)}});
    else g->second.push_back(int(r));
  }
  for (std::size_t n = 0; n < nodes.size(); ++n) {
    NodeThreads& node = nodes[n];
    node.line = "node " + node.host + ": " + plural(node.ranks, "rank") + " on " + plural(node.cpus, "core") + ", " +
                plural(node.threads, "thread") + " in all";
    std::string parts;
    for (const auto& [key, members] : groups[n]) {
      if (!parts.empty()) parts += "; ";
      parts += (members.size() == 1 ? "rank " : "ranks ") + rank_list_text(members) + ": " +
               plural(key.first, "thread") + (members.size() == 1 ? "" : " each") + " on cores " +
               cpu_list_text(key.second);
    }
    node.line += " (" + parts + ")";
    // More ranks than cores is the launch's choice, and one thread a rank is the least; only threads beyond that
    // were asked for (-t, OMP_NUM_THREADS). The node as a whole outweighs any one rank's mask.
    if (node.threads > std::max(node.cpus, node.ranks))
      node.oversubscription = "node " + node.host + " runs " + plural(node.threads, "thread") + " on " +
                              plural(node.cpus, "core");
  }
  return nodes;
}

}  // namespace spv
