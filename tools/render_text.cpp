// spv-render-text: renders one line of text with a Liberation font into a PNG or a one-frame PVP file.
#include <cstdio>
#include <stdexcept>
#include <string>

#include "core/io/png_image.hpp"
#include "core/io/pvp_format.hpp"
#include "data/text_renderer.hpp"
#include "tools/tool_args.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-render-text --text TEXT --out FILE.png|FILE.pvp [--width 128] [--height 16] [--font sans]\n"
    "                       [--size PX] [--fit line|ink] [--margin N] [--offset-x N] [--offset-y N]\n"
    "                       [--font-file PATH]\n"
    "\n"
    "Renders TEXT (UTF-8, one line) with FreeType, anti-aliased, white on black, values 0..1, into a WIDTHxHEIGHT\n"
    "grey image, written as an 8-bit PNG or a dense PVP file (WIDTHxHEIGHTx1, one frame).\n"
    "\n"
    "  --font sans|serif|mono  Liberation Sans, Serif or Mono, regular (Debian fonts-liberation; looked up in\n"
    "                          $SPV_FONT_DIR, then /usr/share/fonts/truetype/liberation*/ and other usual folders)\n"
    "  --font-file PATH        a TrueType/OpenType file to use instead\n"
    "  --size PX               pixel size (em height); without it, the largest integer size at which the text fits\n"
    "  --fit line|ink          what is fitted and centred: line (default) = the ink's width and the font's line box\n"
    "                          (ascender to descender), so words of a list share size and baseline; ink = the ink's\n"
    "                          bounding box both ways (a lone digit fills the box)\n"
    "  --margin N              keep the fitted box N pixels inside each edge (default 0)\n"
    "  --offset-x N, --offset-y N  move the centred text right / down by N pixels (may clip)\n"
    "  --help                  print this text\n"
    "\n"
    "Prints the pixel size used. Exit status 0 on success, 1 with a message on stderr otherwise.\n";

struct Options {
  std::string text, out;
  bool has_text = false, help = false;
  int width = 128, height = 16;
  spv::TextStyle style;
};

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  auto integer = [&](long long min) { return int(spv::tool::integer(args.arg(), args.value(), min, 100000)); };
  args.each(o.help, [&](const std::string& arg) {
    if (arg == "--text") {
      o.text = args.value();
      o.has_text = true;
    } else if (arg == "--out") {
      o.out = args.value();
    } else if (arg == "--width") {
      o.width = integer(1);
    } else if (arg == "--height") {
      o.height = integer(1);
    } else if (arg == "--font") {
      o.style.face = spv::parse_font_face(args.value());
    } else if (arg == "--font-file") {
      o.style.font_file = args.value();
    } else if (arg == "--size") {
      o.style.size_px = integer(1);
    } else if (arg == "--fit") {
      const std::string value = args.value();
      if (value != "line" && value != "ink") throw std::runtime_error("--fit needs line or ink, not \"" + value + "\"");
      o.style.fit = value == "ink" ? spv::TextFit::Ink : spv::TextFit::Line;
    } else if (arg == "--margin") {
      o.style.margin = integer(0);
    } else if (arg == "--offset-x") {
      o.style.offset_x = integer(-100000);
    } else if (arg == "--offset-y") {
      o.style.offset_y = integer(-100000);
    } else {
      spv::tool::unknown_option(arg);
    }
  });
  if (o.help) return o;
  if (!o.has_text) throw std::runtime_error("no --text given (see --help)");
  if (o.out.empty()) throw std::runtime_error("no --out given (see --help)");
  return o;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

int render(const Options& o) {
  const bool pvp = ends_with(o.out, ".pvp");
  if (!pvp && !ends_with(o.out, ".png")) throw std::runtime_error("--out must end in .png or .pvp");
  const int size = spv::fitted_text_size(o.text, o.style, o.width, o.height);
  spv::TextStyle sized = o.style;
  sized.size_px = size;  // fitted once, not again inside render_text
  const spv::Image image = spv::render_text(o.text, sized, o.width, o.height);
  if (pvp) {
    spv::PvpActivityFileWriter w(o.out, spv::PvpType::Dense, o.width, o.height, 1, 1);
    w.write_frame(0.0, image.values);
    w.close();
  } else {
    spv::write_png(o.out, image);
  }
  std::printf("%s: \"%s\" at %d px in %dx%d\n", o.out.c_str(), o.text.c_str(), size, o.width, o.height);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return spv::tool::run_tool("spv-render-text", usage_text, argc, argv, parse, render);
}
