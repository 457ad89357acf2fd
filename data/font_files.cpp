#include "data/font_files.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <system_error>

#include "core/errors.hpp"

namespace spv {

namespace fs = std::filesystem;

FontFace parse_font_face(const std::string& word) {
  std::string w = word;
  for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (w == "sans") return FontFace::Sans;
  if (w == "serif") return FontFace::Serif;
  if (w == "mono") return FontFace::Mono;
  throw Error("unknown font \"" + word + "\" (use sans, serif or mono)");
}

const char* font_face_word(FontFace face) {
  switch (face) {
    case FontFace::Serif: return "serif";
    case FontFace::Mono: return "mono";
    default: return "sans";
  }
}

const char* font_file_name(FontFace face) {
  switch (face) {
    case FontFace::Serif: return "LiberationSerif-Regular.ttf";
    case FontFace::Mono: return "LiberationMono-Regular.ttf";
    default: return "LiberationSans-Regular.ttf";
  }
}

std::vector<fs::path> default_font_dirs() {
  std::vector<fs::path> dirs;
  if (const char* env = std::getenv("SPV_FONT_DIR"); env && *env) dirs.emplace_back(env);
  // Debian 12 ships Liberation 1.x in .../liberation and 2.x in .../liberation2; Fedora and Arch use other roots.
  for (const char* d : {"/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/liberation2",
                        "/usr/share/fonts/liberation", "/usr/share/fonts/liberation-sans", "/usr/share/fonts/TTF",
                        "/usr/local/share/fonts"}) {
    dirs.emplace_back(d);
  }
  std::error_code ec;
  std::vector<fs::path> found;
  for (fs::directory_iterator it("/usr/share/fonts/truetype", ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind("liberation", 0) == 0 && it->is_directory(ec)) found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  for (auto& p : found) {
    if (std::find(dirs.begin(), dirs.end(), p) == dirs.end()) dirs.push_back(p);
  }
  return dirs;
}

fs::path find_font_file(FontFace face, const std::vector<fs::path>& dirs) {
  const std::vector<fs::path> searched = dirs.empty() ? default_font_dirs() : dirs;
  std::string tried;
  for (const auto& dir : searched) {
    const fs::path candidate = dir / font_file_name(face);
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    tried += "\n  " + candidate.string();
  }
  throw IoError(font_file_name(face), std::string("font file for \"") + font_face_word(face) +
                                          "\" not found; tried:" + tried +
                                          "\n(install the Debian package fonts-liberation, or set SPV_FONT_DIR)");
}

}  // namespace spv
