#include "lua/lua_loader.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <lua.hpp>
#include <map>
#include <memory>
#include <tuple>
#include <utility>

#include "lua/pv_module.hpp"
#include "lua/source_lines.hpp"
#include "params/text_file.hpp"

namespace spv {

namespace {

constexpr const char* printed_slot = "spv.printed";
constexpr const char* printed_line_slot = "spv.printed_line";
constexpr const char* error_line_slot = "spv.error_line";

// Runs before the params file: OpenPV's globals, helper files found next to the params file, and PVModule.
constexpr const char* prelude = R"lua(
local dir = ...
infinity = math.huge
INFINITY = math.huge
package.path = dir .. "/?.lua;" .. dir .. "/?/init.lua;" .. package.path
local plain_dofile = dofile
function dofile(name)
  if type(name) == "string" and name:sub(1, 1) ~= "/" then
    local f = io.open(dir .. "/" .. name, "r")
    if f then
      f:close()
      name = dir .. "/" .. name
    end
  end
  return plain_dofile(name)
end
)lua";

// The line running in the params file itself (source chunk), searching outwards from the innermost call.
int params_file_line(lua_State* L, const char* chunk) {
  lua_Debug ar;
  for (int level = 0; lua_getstack(L, level, &ar); ++level) {
    if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0 && std::strcmp(ar.source, chunk) == 0) return ar.currentline;
  }
  return 0;
}

// The function behind pv.printConsole: keeps the table (the last call wins) and where it was printed.
int capture_printed(lua_State* L) {
  lua_settop(L, 1);
  lua_setfield(L, LUA_REGISTRYINDEX, printed_slot);
  lua_pushinteger(L, params_file_line(L, lua_tostring(L, lua_upvalueindex(1))));
  lua_setfield(L, LUA_REGISTRYINDEX, printed_line_slot);
  return 0;
}

// Notes the params file's line at the moment of an error raised in a helper, where the message names another place.
int message_handler(lua_State* L) {
  if (lua_type(L, 1) != LUA_TSTRING && lua_type(L, 1) != LUA_TNUMBER) {
    lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    lua_replace(L, 1);
  }
  lua_pushinteger(L, params_file_line(L, lua_tostring(L, lua_upvalueindex(1))));
  lua_setfield(L, LUA_REGISTRYINDEX, error_line_slot);
  lua_settop(L, 1);
  return 1;
}

int open_pv_module(lua_State* L) {
  const char* source = pv_module_source();
  if (luaL_loadbufferx(L, source, std::strlen(source), "=PVModule", "t") != LUA_OK) return lua_error(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_call(L, 1, 1);
  return 1;
}

// NULL in a params file: a function, as OpenPV's Lua printer writes function values as NULL.
int null_placeholder(lua_State* L) { return luaL_error(L, "NULL stands for an absent value and cannot be called"); }

// os.exit in a params file would end sparsepv with whatever status it gives, having run nothing: it is an error
// naming the line instead.
int refuse_exit(lua_State* L) {
  return luaL_error(L,
                    "os.exit called while the params file is read (a params file returns its groups; it cannot "
                    "end the run)");
}

// Arguments: the params file's directory and its chunk name.
int prepare(lua_State* L) {
  luaL_openlibs(L);
  lua_getglobal(L, "os");
  lua_pushcfunction(L, refuse_exit);
  lua_setfield(L, -2, "exit");
  lua_pop(L, 1);
  lua_pushcfunction(L, null_placeholder);
  lua_setglobal(L, "NULL");
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_pushvalue(L, 2);
  lua_pushcclosure(L, capture_printed, 1);
  lua_pushcclosure(L, open_pv_module, 1);
  lua_setfield(L, -2, "PVModule");
  lua_pop(L, 1);
  if (luaL_loadbufferx(L, prelude, std::strlen(prelude), "=sparsepv", "t") != LUA_OK) return lua_error(L);
  lua_pushvalue(L, 1);
  lua_call(L, 1, 0);
  return 0;
}

// Run after the prelude when sandboxed: what remains cannot reach the file system or processes, load bytecode (which
// Lua does not verify) or switch the instruction hook off.
constexpr const char* sandbox = R"lua(
os, io, debug, dofile, loadfile = nil, nil, nil, nil, nil
package.loaded.os, package.loaded.io, package.loaded.debug = nil, nil, nil
package.searchers = { package.searchers[1] }
package.loadlib, package.cpath = nil, ""
local plain_load = load
function load(chunk, name, mode, env) return plain_load(chunk, name, "t", env) end
string.dump = nil
)lua";

// Lua's heap under a bound. The count is signed: blocks the default allocator made before the switch are freed here
// too, which only under-counts by the state's first few kilobytes.
struct MemoryBudget {
  std::int64_t used = 0;
  std::int64_t limit = 0;  // 0: unbounded
};

void* budget_alloc(void* ud, void* ptr, std::size_t old_size, std::size_t new_size) {
  auto* budget = static_cast<MemoryBudget*>(ud);
  const std::int64_t old = ptr ? std::int64_t(old_size) : 0;  // without a block, old_size names the object's type
  if (new_size == 0) {
    std::free(ptr);
    budget->used -= old;
    return nullptr;
  }
  if (budget->limit > 0 && budget->used - old + std::int64_t(new_size) > budget->limit) return nullptr;
  void* block = std::realloc(ptr, new_size);
  if (block) budget->used += std::int64_t(new_size) - old;
  return block;
}

constexpr int instruction_step = 1000;

// Instructions left, kept in the state's extra space (coroutines get a copy of the pointer and inherit the hook).
void count_instructions(lua_State* L, lua_Debug*) {
  long* left = *static_cast<long**>(lua_getextraspace(L));
  if (*left >= 0) *left -= instruction_step;
  if (*left < 0) {
    // From now on every instruction fails, so that a pcall in a loop cannot swallow the error and loop on: the error
    // reaches the top once per enclosing pcall.
    lua_sethook(L, count_instructions, LUA_MASKCOUNT, 1);
    luaL_error(L, "the params file ran longer than its instruction limit");
  }
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Lua writes "<chunk>:<line>: <message>", the chunk shortened to "...tail" when long; errors in the params file
// itself become file:line, others keep their own place and get the params file's line as context.
ParamError lua_failure(const std::string& message, const std::string& path, int context_line) {
  for (std::size_t colon = message.find(':'); colon != std::string::npos; colon = message.find(':', colon + 1)) {
    std::size_t end = message.find(':', colon + 1);
    if (end == std::string::npos) break;
    const std::string_view digits = std::string_view(message).substr(colon + 1, end - colon - 1);
    int line = 0;
    // A number beyond int (a message the file wrote itself) is no line of it.
    if (!all_digits(digits) || std::from_chars(digits.data(), digits.data() + digits.size(), line).ec != std::errc())
      continue;
    std::string source = message.substr(0, colon);
    bool ours =
        source == path || (source.size() > 3 && source.compare(0, 3, "...") == 0 && path.size() >= source.size() - 3 &&
                           path.compare(path.size() - (source.size() - 3), source.size() - 3, source, 3) == 0);
    if (!ours) break;
    std::size_t text = end + 1;
    if (text < message.size() && message[text] == ' ') ++text;
    return ParamError({path, line}, "", "", message.substr(text));
  }
  return ParamError({path, context_line}, "", "", message);
}

std::string type_name(lua_State* L, int index) { return luaL_typename(L, index); }

// The whole string at index, embedded zeros included (as values keep them), so names and keys read back alike.
std::string string_at(lua_State* L, int index) {
  std::size_t length = 0;
  const char* text = lua_tolstring(L, index, &length);
  return std::string(text, length);
}

struct GroupRef {
  std::string name;
  std::string key;        // where the table holds it: under a string key,
  bool by_index = false;  // or at an array position
  lua_Integer index = 0;
  int line = 0;
};

class Converter {
 public:
  Converter(lua_State* L, const std::string& path, const SourceLines& lines, int fallback_line)
      : L_(L), path_(path), lines_(lines), fallback_line_(fallback_line) {}

  // Converts the table on top of the stack.
  ParamDocument run() {
    int top = lua_gettop(L_);
    std::vector<GroupRef> refs = collect(top);
    // An array of groups is in the order its author chose; a keyed table has none, so the source order stands in.
    bool array = std::all_of(refs.begin(), refs.end(), [](const GroupRef& r) { return r.by_index; });
    std::sort(refs.begin(), refs.end(), [array](const GroupRef& a, const GroupRef& b) {
      if (array) return a.index < b.index;
      return std::tie(a.line, a.name) < std::tie(b.line, b.name);
    });
    ParamDocument doc;
    doc.path = path_;
    for (std::size_t i = 0; i < refs.size(); ++i) {
      // A group's keys are looked for between its line and the next group's.
      int next_line = 0;
      for (const auto& other : refs) {
        if (other.line > refs[i].line && (next_line == 0 || other.line < next_line)) next_line = other.line;
      }
      push_group(top, refs[i]);
      doc.groups.push_back(group(refs[i], next_line));
      lua_pop(L_, 1);
    }
    return doc;
  }

 private:
  SourceLocation at(int line) const { return {path_, line > 0 ? line : fallback_line_}; }

  void push_group(int table, const GroupRef& ref) {
    if (ref.by_index) {
      lua_rawgeti(L_, table, ref.index);
    } else {
      lua_pushlstring(L_, ref.key.data(), ref.key.size());
      lua_rawget(L_, table);
    }
  }

  // A string field of the group on top of the stack, or "" when absent; throws when it is not a string.
  std::string string_field(const char* field, const std::string& group, int line, bool* present) {
    lua_pushstring(L_, field);
    lua_rawget(L_, -2);
    *present = !lua_isnil(L_, -1);
    std::string out;
    if (*present) {
      if (lua_type(L_, -1) != LUA_TSTRING) {
        throw ParamError(at(line), group, field, std::string("must be a string, got a ") + type_name(L_, -1));
      }
      out = string_at(L_, -1);
    }
    lua_pop(L_, 1);
    return out;
  }

  // OpenPV's paramSweep names its group `"group":key`; the document names it group:key.
  static std::string sweep_name(std::string name) {
    if (name.size() > 2 && name[0] == '"') {
      auto close = name.find('"', 1);
      if (close != std::string::npos && close + 1 < name.size() && name[close + 1] == ':') {
        name = name.substr(1, close - 1) + name.substr(close + 1);
      }
    }
    return name;
  }

  std::vector<GroupRef> collect(int table) {
    std::vector<GroupRef> refs;
    std::map<std::string, int> seen;
    lua_pushnil(L_);
    while (lua_next(L_, table) != 0) {
      GroupRef ref;
      std::string label;
      if (lua_type(L_, -2) == LUA_TSTRING) {
        std::size_t length = 0;
        const char* key = lua_tolstring(L_, -2, &length);
        ref.key.assign(key, length);
        ref.name = ref.key;
        label = ref.name;
      } else if (lua_isinteger(L_, -2)) {
        ref.by_index = true;
        ref.index = lua_tointeger(L_, -2);
        label = "number " + std::to_string(ref.index);
      } else {
        throw ParamError(
            at(0), "", "",
            std::string("the params table has a key that is not a group name (a ") + type_name(L_, -2) + ")");
      }
      if (!lua_istable(L_, -1)) {
        throw ParamError(at(ref.by_index ? 0 : lines_.group_line(ref.name)), label, "",
                         std::string("is not a group: expected a table, got a ") + type_name(L_, -1));
      }
      bool has_name = false;
      std::string field = string_field("name", label, ref.by_index ? 0 : lines_.group_line(ref.name), &has_name);
      if (ref.by_index) {
        if (!has_name) throw ParamError(at(0), "", "", "group " + label + " of the params array has no name field");
        ref.name = field;
      } else if (has_name && field != ref.name) {
        throw ParamError(at(lines_.group_line(ref.name)), ref.name, "name",
                         "the group is stored under \"" + ref.name + "\" but its name field says \"" + field + "\"");
      }
      bool has_type = false;
      std::string type = string_field("groupType", ref.name, lines_.group_line(ref.name), &has_type);
      if (is_sweep_type(type)) ref.name = sweep_name(ref.name);
      ref.line = lines_.group_line(ref.name);
      if (ref.line == 0) ref.line = fallback_line_;
      if (auto it = seen.find(ref.name); it != seen.end()) {
        throw ParamError(at(ref.line), ref.name, "", "two groups have this name");
      }
      seen[ref.name] = ref.line;
      refs.push_back(std::move(ref));
      lua_pop(L_, 1);
    }
    return refs;
  }

  // Converts the group table on top of the stack.
  ParamGroup group(const GroupRef& ref, int next_line) {
    ParamGroup g;
    g.name = ref.name;
    g.where = at(ref.line);
    bool has_type = false;
    g.type = string_field("groupType", g.name, ref.line, &has_type);
    if (!has_type) throw ParamError(g.where, g.name, "groupType", "the group has no groupType");
    bool sweep = is_sweep_type(g.type);
    int table = lua_gettop(L_);
    std::vector<std::pair<lua_Integer, ParamEntry>> entries;
    lua_pushnil(L_);
    while (lua_next(L_, table) != 0) {
      std::string key;
      lua_Integer order = 0;
      if (lua_type(L_, -2) == LUA_TSTRING) {
        key = string_at(L_, -2);
      } else if (sweep && lua_isinteger(L_, -2) && lua_tointeger(L_, -2) > 0) {
        order = lua_tointeger(L_, -2);
        key = std::to_string(order);
      } else {
        throw ParamError(g.where, g.name, "",
                         std::string("holds a value whose key is not a name (a ") + type_name(L_, -2) + " key)");
      }
      if (key == "groupType" || key == "name") {
        lua_pop(L_, 1);
        continue;
      }
      if (sweep && order == 0) throw ParamError(g.where, g.name, key, g.type + " groups hold only a list of values");
      int line = sweep ? 0 : lines_.key_line(key, ref.line, next_line);
      // A group built elsewhere (a dofile'd base file) and changed here: the key's first assignment in this file.
      if (line == 0 && !sweep && lines_.group_line(ref.name) == 0) line = lines_.key_line(key, 0, 0);
      SourceLocation where = line > 0 ? at(line) : g.where;
      ParamEntry e{key, value(g.name, key, where), where};
      entries.emplace_back(order, std::move(e));
      lua_pop(L_, 1);
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return std::tie(a.first, a.second.where.line, a.second.key) <
             std::tie(b.first, b.second.where.line, b.second.key);
    });
    for (auto& e : entries) g.entries.push_back(std::move(e.second));
    return g;
  }

  // The value on top of the stack.
  ParamValue value(const std::string& group, const std::string& key, const SourceLocation& where) {
    switch (lua_type(L_, -1)) {
      case LUA_TNUMBER: return ParamValue::number(static_cast<double>(lua_tonumber(L_, -1)));
      case LUA_TBOOLEAN: return ParamValue::boolean(lua_toboolean(L_, -1) != 0);
      case LUA_TSTRING: {
        std::size_t length = 0;
        const char* text = lua_tolstring(L_, -1, &length);
        return ParamValue::string(std::string(text, length));
      }
      case LUA_TFUNCTION: return ParamValue::nil();
      case LUA_TTABLE: return array(group, key, where);
      default:
        throw ParamError(where, group, key,
                         std::string("a ") + type_name(L_, -1) + " is not a parameter value (use a number, " +
                             "true/false, a string or an array of numbers)");
    }
  }

  ParamValue array(const std::string& group, const std::string& key, const SourceLocation& where) {
    int table = lua_gettop(L_);
    auto length = static_cast<lua_Integer>(lua_rawlen(L_, table));
    lua_Integer count = 0;
    bool numbers = true;
    lua_pushnil(L_);
    while (lua_next(L_, table) != 0) {
      ++count;
      bool in_sequence = lua_isinteger(L_, -2) && lua_tointeger(L_, -2) >= 1 && lua_tointeger(L_, -2) <= length;
      if (!in_sequence || lua_type(L_, -1) != LUA_TNUMBER) numbers = false;
      lua_pop(L_, 1);
    }
    if (!numbers || count != length) {
      throw ParamError(where, group, key, "this table is not an array of numbers (array values hold numbers only)");
    }
    std::vector<double> values;
    values.reserve(static_cast<std::size_t>(length));
    for (lua_Integer i = 1; i <= length; ++i) {
      lua_rawgeti(L_, table, i);
      values.push_back(static_cast<double>(lua_tonumber(L_, -1)));
      lua_pop(L_, 1);
    }
    return ParamValue::array(std::move(values));
  }

  lua_State* L_;
  const std::string& path_;
  const SourceLines& lines_;
  int fallback_line_;
};

int registry_integer(lua_State* L, const char* slot) {
  lua_getfield(L, LUA_REGISTRYINDEX, slot);
  int value = lua_isinteger(L, -1) ? static_cast<int>(lua_tointeger(L, -1)) : 0;
  lua_pop(L, 1);
  return value;
}

}  // namespace

ParamDocument load_lua_params(const std::string& path) { return load_lua_params(path, LuaLimits{}); }

ParamDocument load_lua_params(const std::string& path, const LuaLimits& limits) {
  SourceLines lines(read_params_file_text(path));
  // Declared before the state, which uses them until lua_close.
  MemoryBudget budget;
  long instructions_left = limits.instructions;
  std::unique_ptr<lua_State, decltype(&lua_close)> state(luaL_newstate(), &lua_close);
  lua_State* L = state.get();
  if (!L) throw ParamError({path, 0}, "", "", "cannot start the Lua interpreter (out of memory)");
  if (limits.memory_bytes > 0) {
    budget.limit = std::int64_t(limits.memory_bytes);
    lua_setallocf(L, budget_alloc, &budget);
  }
  if (limits.instructions > 0) {
    *static_cast<long**>(lua_getextraspace(L)) = &instructions_left;
    lua_sethook(L, count_instructions, LUA_MASKCOUNT, instruction_step);
  }

  std::string dir = std::filesystem::path(path).parent_path().string();
  if (dir.empty()) dir = ".";
  std::string chunk = "@" + path;
  lua_pushcfunction(L, prepare);
  lua_pushstring(L, dir.c_str());
  lua_pushstring(L, chunk.c_str());
  if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
    throw ParamError({path, 0}, "", "", std::string("cannot prepare the Lua interpreter: ") + lua_tostring(L, -1));
  }
  if (limits.sandbox && (luaL_loadbufferx(L, sandbox, std::strlen(sandbox), "=sparsepv", "t") != LUA_OK ||
                         lua_pcall(L, 0, 0, 0) != LUA_OK)) {
    throw ParamError({path, 0}, "", "", std::string("cannot prepare the Lua sandbox: ") + lua_tostring(L, -1));
  }

  lua_pushstring(L, chunk.c_str());
  lua_pushcclosure(L, message_handler, 1);
  int handler = lua_gettop(L);
  if (luaL_loadfilex(L, path.c_str(), "t") != LUA_OK) throw lua_failure(lua_tostring(L, -1), path, 0);
  if (lua_pcall(L, 0, 1, handler) != LUA_OK) {
    throw lua_failure(lua_tostring(L, -1), path, registry_integer(L, error_line_slot));
  }
  // The conversion's API calls run unprotected, where a refused allocation would abort (Lua's panic).
  budget.limit = 0;

  int line = lines.last_return_line();
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, printed_slot);
    if (!lua_istable(L, -1)) {
      throw ParamError({path, 0}, "", "",
                       "the params file returned no table of groups (return one, or pass one to pv.printConsole)");
    }
    line = registry_integer(L, printed_line_slot);
  } else if (!lua_istable(L, -1)) {
    throw ParamError({path, line}, "", "",
                     std::string("the params file returned a ") + luaL_typename(L, -1) + ", not a table of groups");
  }
  return Converter(L, path, lines, line).run();
}

}  // namespace spv
