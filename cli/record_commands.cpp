// `debrief <kind> create|list|show|update|delete`, for every kind, made from
// the kinds' field specs (kind.h) so that a field is declared once.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <list>
#include <sstream>

#include "debrief/article.h"
#include "debrief/fields.h"
#include "debrief/json_input.h"
#include "context.h"
#include "output.h"

namespace debrief::cli {
namespace {

// The command-line options for a kind's input fields, and the JSON they make.
struct FieldInput {
  const FieldSpec* field = nullptr;
  CLI::Option* option = nullptr;
  std::vector<std::string> list;  // list fields: repeat the flag
  std::string single;             // every other field (a plain string, so
                                  // CLI11 never splits JSON such as "[...]")
};

struct FieldInputs {
  const KindSpec* spec = nullptr;
  std::list<FieldInput> values;
  std::string fields_json;  // --fields

  void add_to(CLI::App& cmd, const KindSpec& kind, bool updating);
  Json to_json() const;
};

std::string flag_name(std::string_view field) {
  std::string name = "--" + std::string(field);
  for (char& c : name) if (c == '_') c = '-';
  return name;
}

// The help of an argument naming a record of `kind`, as resolve_id takes it.
std::string id_help(const KindSpec& kind) {
  const FieldSpec* name = name_field(kind);
  return name ? "its id, a unique prefix, or its exact " + std::string(name->name) : "its id, or a unique prefix";
}

bool is_list(const FieldSpec& f) { return f.type == FieldType::ref_list || f.type == FieldType::text_list; }

// Free text longer than a line (a reflection, a kudos's action, a
// description): its option takes @FILE too, like a document's.
bool is_long_text(const FieldSpec& f) { return f.type == FieldType::text && f.max >= 1000; }
bool takes_file(const FieldSpec& f) { return is_long_text(f) || f.type == FieldType::document; }

constexpr const char* kFileHelp =
    "An option shown as TEXT|@FILE or JSON|@FILE takes its value, or @FILE to read it from that file\n"
    "(less one final line break); @@ starts a value that begins with a literal @.";

// The value of an option that takes @FILE (takes_file): the file's contents
// for "@FILE", less one final line break; "@..." for "@@..."; else `text`.
// A file that cannot be read ends the command before anything is written.
std::string text_or_file(const FieldSpec& f, const std::string& text) {
  if (text.rfind("@@", 0) == 0) return text.substr(1);
  if (text.empty() || text[0] != '@') return text;
  std::string path = text.substr(1);
  std::error_code ec;
  std::ifstream in(path, std::ios::binary);
  if (!std::filesystem::is_regular_file(path, ec) || !in)
    throw CommandError{not_found(flag_name(f.name) + " " + text + ": cannot read the file " + path +
                                 "; give a readable file after @, or write @@ for a value that starts with @")};
  std::stringstream contents;
  contents << in.rdbuf();
  std::string body = contents.str();
  if (body.ends_with("\r\n")) body.resize(body.size() - 2);
  else if (body.ends_with('\n')) body.pop_back();
  return body;
}

Json read_document(const FieldSpec& f, const std::string& text) {
  Result<Json> doc = parse_json_input(text_or_file(f, text), f.name);
  if (!doc.is_ok()) throw CommandError{doc.status()};
  return std::move(*doc);
}

Json field_value(const FieldInput& in) {
  const FieldSpec& f = *in.field;
  if (is_list(f)) return Json(in.list);
  const std::string& v = in.single;
  switch (f.type) {
    case FieldType::boolean:
      if (v == "true" || v == "yes" || v == "1") return true;
      if (v == "false" || v == "no" || v == "0") return false;
      throw CommandError{invalid(flag_name(f.name) + " takes true or false, not '" + v + "'")};
    case FieldType::integer:
      try {
        std::size_t used = 0;
        long long n = std::stoll(v, &used);
        if (used == v.size()) return n;
      } catch (const std::exception&) {
      }
      throw CommandError{invalid(flag_name(f.name) + " takes a whole number, not '" + v + "'")};
    case FieldType::document: return read_document(f, v);
    case FieldType::text: return is_long_text(f) ? text_or_file(f, v) : v;
    default: return v;
  }
}

void FieldInputs::add_to(CLI::App& cmd, const KindSpec& kind, bool updating) {
  spec = &kind;
  for (const FieldSpec& f : kind.fields) {
    if (!f.input || (updating && !may_change(kind, f.name))) continue;  // an update offers what may change
    FieldInput& in = values.emplace_back();
    in.field = &f;
    std::string help = std::string(f.help) + (f.required && !updating ? " (required)" : "");
    if (is_list(f)) {
      in.option = cmd.add_option(flag_name(f.name), in.list, help + " (repeat for more)");
    } else {
      in.option = cmd.add_option(flag_name(f.name), in.single, help);
    }
    if (f.type == FieldType::boolean) in.option->expected(0, 1)->type_name("[true|false]");
    if (f.type == FieldType::document) in.option->type_name("JSON|@FILE");
    if (is_long_text(f)) in.option->type_name("TEXT|@FILE");
    if (takes_file(f)) cmd.footer(kFileHelp);
  }
  cmd.add_option("--fields", fields_json, "the fields as one JSON object (for scripts)");
}

Json FieldInputs::to_json() const {
  Result<Json> parsed = fields_json.empty() ? Result<Json>(Json::object()) : parse_json_input(fields_json, "--fields");
  if (!parsed.is_ok()) throw CommandError{parsed.status()};
  Json out = std::move(*parsed);
  if (!out.is_object()) throw CommandError{invalid("--fields must be a JSON object")};
  for (const FieldInput& in : values) {
    if (in.option->count() == 0) continue;
    bool bare_flag = in.field->type == FieldType::boolean && in.single.empty();
    out[std::string(in.field->name)] = bare_flag ? Json(true) : field_value(in);
  }
  return out;
}

// A new T owned here, so that option targets outlive parsing.
template <class T>
T& keep() {
  static std::list<T> all;
  return all.emplace_back();
}

void add_create(CLI::App& group, Context& ctx, const KindSpec& kind) {
  CLI::App* cmd = group.add_subcommand("create", "create " + with_article(kind.name));
  cmd->fallthrough();
  FieldInputs& in = keep<FieldInputs>();
  in.add_to(*cmd, kind, false);
  if (kind.kind == Kind::kudos) cmd->alias("give");
  cmd->callback([&ctx, &in, k = kind.kind] {
    ctx.run([&ctx, &in, k] {
      Id id = must(create(ctx.store(), k, in.to_json()));
      if (ctx.json) std::cout << Json{{"id", id.hex()}}.dump() << "\n";
      else std::cout << id.hex() << "\n";
      return 0;
    });
  });
}

void add_update(CLI::App& group, Context& ctx, const KindSpec& kind) {
  CLI::App* cmd = group.add_subcommand("update", "change fields of " + with_article(kind.name));
  cmd->fallthrough();
  auto* id = &keep<std::string>();
  cmd->add_option("id", *id, id_help(kind))->required();
  FieldInputs& in = keep<FieldInputs>();
  in.add_to(*cmd, kind, true);
  cmd->callback([&ctx, &in, id, k = kind.kind] {
    ctx.run([&ctx, &in, id, k] {
      Id target = must(resolve_id(ctx.store(), k, *id));
      must(update(ctx.store(), k, target, in.to_json()));
      print_record(ctx, k, must(get(ctx.store(), k, target)));
      return 0;
    });
  });
}

// An event with its agenda: one JSON object with "agenda", or the record
// followed by a table of activities.
void show_event(Context& ctx, Id id) {
  Json event = must(get(ctx.store(), Kind::event, id));
  std::vector<Json> agenda = must(list(ctx.store(), Kind::activity, {.where = {filter_by<Kind::activity>("event", id)}}));
  if (ctx.json) {
    event["agenda"] = agenda;
    print_record(ctx, Kind::event, event);
    return;
  }
  print_record(ctx, Kind::event, event);
  std::cout << "\nagenda:\n";
  print_records(ctx, Kind::activity, agenda);
}

void add_show_delete(CLI::App& group, Context& ctx, const KindSpec& kind) {
  for (bool show : {true, false}) {
    CLI::App* cmd = group.add_subcommand(show ? "show" : "delete",
                                         (show ? "show " : "delete ") + with_article(kind.name));
    cmd->fallthrough();
    auto* id = &keep<std::string>();
    cmd->add_option("id", *id, id_help(kind))->required();
    cmd->callback([&ctx, id, show, k = kind.kind] {
      ctx.run([&ctx, id, show, k] {
        Id target = must(resolve_id(ctx.store(), k, *id));
        if (show && k == Kind::event) {
          show_event(ctx, target);
        } else if (show) {
          print_record(ctx, k, must(get_readable(ctx.store(), k, target)));
        } else {
          must(remove(ctx.store(), k, target));
          if (!ctx.json) std::cout << "deleted " << target.hex() << "\n";
        }
        return 0;
      });
    });
  }
}

struct ListInputs {
  std::vector<std::string> where;
  std::int64_t limit = 0;
  bool newest = false, deleted = false;
};

void add_list(CLI::App& group, Context& ctx, const KindSpec& kind) {
  CLI::App* cmd = group.add_subcommand("list", "list " + std::string(kind.plural));
  cmd->fallthrough();
  auto* in = &keep<ListInputs>();
  cmd->add_option("--where", in->where, "only those with FIELD=VALUE (repeatable)");
  cmd->add_option("--limit", in->limit, "at most this many");
  cmd->add_flag("--newest", in->newest, "newest first");
  cmd->add_flag("--deleted", in->deleted, "include deleted ones");
  cmd->callback([&ctx, in, k = kind.kind] {
    ctx.run([&ctx, in, k] {
      ListOptions options;
      options.limit = in->limit;
      options.newest_first = in->newest;
      options.include_deleted = in->deleted;
      for (const std::string& w : in->where) {
        auto eq = w.find('=');
        if (eq == std::string::npos) return Context::fail("--where takes FIELD=VALUE, not '" + w + "'");
        options.where.emplace_back(w.substr(0, eq), w.substr(eq + 1));
      }
      print_records(ctx, k, must(list(ctx.store(), k, options)));
      return 0;
    });
  });
}

}  // namespace

void add_record_commands(CLI::App& app, Context& ctx) {
  for (const KindSpec& kind : all_kinds()) {
    CLI::App* group = app.add_subcommand(std::string(kind.name), std::string(kind.help));
    group->require_subcommand(1);
    group->fallthrough();
    if (std::string(kind.plural) != std::string(kind.name)) group->alias(std::string(kind.plural));
    if (kind.creatable) add_create(*group, ctx, kind);
    add_list(*group, ctx, kind);
    add_show_delete(*group, ctx, kind);
    if (kind.creatable && (kind.merge == Merge::per_field || !kind.mutable_fields.empty())) add_update(*group, ctx, kind);
  }
}

}  // namespace debrief::cli
