// Locating the Liberation font files (Debian fonts-liberation) that the text renderer draws with.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace spv {

enum class FontFace { Sans, Serif, Mono };

// "sans", "serif" or "mono" (any case); throws Error naming the accepted words otherwise.
FontFace parse_font_face(const std::string& word);
const char* font_face_word(FontFace face);
// The regular style's file name, e.g. "LiberationSans-Regular.ttf".
const char* font_file_name(FontFace face);

// The folders searched when none are given: $SPV_FONT_DIR when set, then the usual Debian and Fedora folders of the
// Liberation fonts, then every /usr/share/fonts/truetype/liberation*/ that exists.
std::vector<std::filesystem::path> default_font_dirs();

// The first `dirs` (default_font_dirs() when empty) entry holding the face's regular file. Throws IoError naming
// every path tried, with a hint to install fonts-liberation, when none does.
std::filesystem::path find_font_file(FontFace face, const std::vector<std::filesystem::path>& dirs = {});

}  // namespace spv
