#include "core/io/output_safety.hpp"

#include <map>

namespace spv {

namespace fs = std::filesystem;

fs::path normal_path(const fs::path& p) {
  fs::path n = (p.is_absolute() ? p : fs::current_path() / p).lexically_normal();
  if (n.has_relative_path() && n.filename().empty()) n = n.parent_path();  // "/a/b/" -> "/a/b"
  return n;
}

bool path_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i)
    if (i == inner.end() || *i != *o) return false;
  return true;
}

namespace {

// A name as it can be printed: NUL shown as \0.
std::string printable(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '\0' ? std::string("\\0") : std::string(1, c);
  return out;
}

const std::string separators("/\\\0", 3);

}  // namespace

std::string group_name_problem(const std::string& name) {
  const std::string rule =
      ": a group's name names its output files (NAME.pvp), so it must not be empty, \".\" or \"..\", nor hold \"/\", "
      "\"\\\" or NUL";
  if (name.empty()) return "the group name is empty" + rule;
  if (name == "." || name == ".." || name.find_first_of(separators) != std::string::npos)
    return "the group name \"" + printable(name) + "\" is not a plain file name" + rule;
  return "";
}

std::string output_file_problem(const std::string& file) {
  if (file.empty()) return "is empty";
  if (file.find('\0') != std::string::npos) return "holds NUL";
  if (file.find('\\') != std::string::npos) return "holds \"\\\"; separate directories with \"/\"";
  const fs::path p(file);
  if (p.has_root_path()) return "is absolute: it must be relative to the output directory (outputPath)";
  const fs::path n = p.lexically_normal();
  if (n.empty() || n == ".") return "names the output directory itself, not a file in it";
  if (*n.begin() == "..") return "leaves the output directory (outputPath) through \"..\"";
  if (n.filename().empty() || n.filename() == "..") return "names a directory, not a file";
  return "";
}

std::string normal_output_file(const std::string& file) { return fs::path(file).lexically_normal().string(); }

namespace {

std::string describe(const PathOwner& o) {
  std::string s = o.key.empty() ? "group \"" + o.group + "\"" : "key \"" + o.key + "\" of group \"" + o.group + "\"";
  if (!o.note.empty()) s += " (" + o.note + ")";
  return s;
}

[[noreturn]] void refuse(const PathOwner& o, const std::string& message) {
  throw ParamError(o.where, o.group, o.key, message);
}

// A value as given, and its normal form when that reads differently.
std::string shown(const fs::path& given, const fs::path& normal) {
  std::string s(1, '"');  // appended piecewise: GCC 12 warns falsely (-Wrestrict) on "\"" + string
  s += given.string();
  s += '"';
  if (given != normal) s += " (" + normal.string() + ")";
  return s;
}

// The paths a checkpoint directory's writes touch: itself, and for a whole-directory checkpoint the NAME.tmp it is
// written as and the NAME.old the previous one is moved to (both removed by the next write).
std::vector<fs::path> claims(const CheckpointDirectory& d) {
  const fs::path p = normal_path(d.path);
  if (!d.whole) return {p};
  return {p, fs::path(p.string() + ".tmp"), fs::path(p.string() + ".old")};
}

std::string role(const CheckpointDirectory& d, const fs::path& claim) {
  if (claim == normal_path(d.path)) return "";
  return " (through " + claim.filename().string() + ", where its checkpoint is staged and the previous one set aside)";
}

const char* const kApartRule =
    "checkpoint directories must lie outside the output directory or in a subdirectory of it that no output file "
    "uses, and apart from each other";

void check_directories(const OutputPlan& plan, const fs::path& out) {
  const auto& dirs = plan.checkpoint_dirs;
  for (const CheckpointDirectory& d : dirs)
    for (const fs::path& c : claims(d))
      if (path_within(out, c))
        refuse(d.owner, shown(d.path, normal_path(d.path)) + role(d, c) + (c == out ? " is" : " contains") +
                            " the output directory, " + describe(plan.output_owner) + " " +
                            shown(plan.output_dir, out) + ": " +
                            (d.whole ? "the final checkpoint would replace it and every output in it"
                                     : "checkpoints and their pruning would mix with the outputs") +
                            "; " + kApartRule);
  for (std::size_t j = 0; j < dirs.size(); ++j)
    for (std::size_t i = 0; i < j; ++i)
      for (const fs::path& cj : claims(dirs[j]))
        for (const fs::path& ci : claims(dirs[i])) {
          if (!path_within(ci, cj) && !path_within(cj, ci)) continue;
          // Blame the key the file gives rather than one left at its default.
          const bool j_explicit = dirs[j].owner.note.empty() || !dirs[i].owner.note.empty();
          const CheckpointDirectory& blamed = j_explicit ? dirs[j] : dirs[i];
          const CheckpointDirectory& other = j_explicit ? dirs[i] : dirs[j];
          refuse(blamed.owner, shown(blamed.path, normal_path(blamed.path)) + " and " + describe(other.owner) + " " +
                                   shown(other.path, normal_path(other.path)) +
                                   (ci == cj ? " are the same directory" : " overlap (one lies inside the other)") +
                                   ": one checkpoint would replace or prune the other; " + kApartRule);
        }
}

struct Claimed {
  const PlannedFile* file;
  bool staging;  // the ".part" name the file has until the run commits it
};

void check_files(const OutputPlan& plan, const fs::path& out) {
  for (const PlannedFile& f : plan.files)
    if (const std::string why = output_file_problem(f.name); !why.empty())
      refuse(f.owner, "the output file \"" + printable(f.name) + "\" " + why);
  std::map<std::string, Claimed> names;
  for (const PlannedFile& f : plan.files) {
    const std::string n = normal_output_file(f.name);
    for (bool staging : {false, true}) {
      const std::string name = staging ? n + ".part" : n;
      const auto [it, fresh] = names.emplace(name, Claimed{&f, staging});
      if (fresh) continue;
      const Claimed& first = it->second;
      std::string message = "writes \"" + name + "\"";
      if (first.staging) message += ", the temporary name of \"" + normal_output_file(first.file->name) + "\" of ";
      else if (staging) message += " (while it writes \"" + n + "\"), a file of ";
      else message += ", which is also written by ";
      refuse(f.owner, message + describe(first.file->owner) + "; every output file needs a name of its own");
    }
  }
  // A name may not be both a file and a directory ("a" and "a/b").
  for (const auto& [name, claimed] : names)
    for (fs::path p = fs::path(name).parent_path(); !p.empty(); p = p.parent_path()) {
      const auto it = names.find(p.string());
      if (it != names.end())
        refuse(claimed.file->owner, "writes \"" + name + "\" inside \"" + p.string() + "\", which is a file of " +
                                        describe(it->second.file->owner));
    }
  // A checkpoint directory inside the output directory is its own: the next checkpoint replaces what is there.
  for (const CheckpointDirectory& d : plan.checkpoint_dirs)
    for (const fs::path& c : claims(d)) {
      if (!path_within(c, out)) continue;
      const fs::path rel = c.lexically_relative(out);
      for (const auto& [name, claimed] : names)
        if (path_within(fs::path(name), rel) || path_within(rel, fs::path(name)))
          refuse(claimed.file->owner, "the output file \"" + name + "\" lies in \"" + rel.string() +
                                          "\" of the output directory, which the checkpoints of " +
                                          describe(d.owner) + role(d, c) + " use; " + kApartRule);
    }
}

}  // namespace

void check_output_plan(const OutputPlan& plan) {
  for (const auto& [name, where] : plan.groups)
    if (const std::string why = group_name_problem(name); !why.empty()) throw ParamError(where, printable(name), "", why);
  if (plan.output_dir.empty()) refuse(plan.output_owner, "is empty: name the output directory");
  const fs::path out = normal_path(plan.output_dir);
  check_directories(plan, out);
  check_files(plan, out);
}

}  // namespace spv
