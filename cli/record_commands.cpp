// `debrief <kind> create|list|show|update|delete`, for every kind, made from
// the kinds' field specs (kind.h) so that a field is declared once.
#include <fstream>
#include <iostream>
#include <list>
#include <sstream>

#include "context.h"
#include "output.h"

namespace debrief::cli {
namespace {

// The command-line options for a kind's input fields, and the JSON they make.
struct FieldInputs {
  const KindSpec* spec = nullptr;
  std::vector<std::pair<const FieldSpec*, std::vector<std::string>>> values;
  std::vector<std::pair<const FieldSpec*, CLI::Option*>> options;
  std::string fields_json;  // --fields

  void add_to(CLI::App& cmd, const KindSpec& kind, bool updating);
  Json to_json() const;
};

std::string flag_name(std::string_view field) {
  std::string name = "--" + std::string(field);
  for (char& c : name) if (c == '_') c = '-';
  return name;
}

bool is_list(const FieldSpec& f) { return f.type == FieldType::ref_list || f.type == FieldType::text_list; }

// A document given as JSON text, or as @path to a file holding it.
Json read_document(const FieldSpec& f, const std::string& text) {
  std::string body = text;
  if (!text.empty() && text[0] == '@') {
    std::ifstream in(text.substr(1));
    if (!in) throw CommandError{not_found("cannot read " + text.substr(1))};
    std::stringstream ss;
    ss << in.rdbuf();
    body = ss.str();
  }
  Json doc = Json::parse(body, nullptr, false);
  if (doc.is_discarded()) throw CommandError{invalid(std::string(f.name) + " is not valid JSON")};
  return doc;
}

Json field_value(const FieldSpec& f, const std::vector<std::string>& given) {
  if (is_list(f)) return Json(given);
  const std::string& v = given.back();
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
    default: return v;
  }
}

void FieldInputs::add_to(CLI::App& cmd, const KindSpec& kind, bool updating) {
  spec = &kind;
  values.reserve(kind.fields.size());
  for (const FieldSpec& f : kind.fields) {
    if (!f.input) continue;
    values.emplace_back(&f, std::vector<std::string>{});
    std::string help = std::string(f.help) + (f.required && !updating ? " (required)" : "");
    CLI::Option* opt = nullptr;
    if (f.type == FieldType::boolean) {
      opt = cmd.add_option(flag_name(f.name), values.back().second, help)
                ->expected(0, 1)
                ->default_str("true");
    } else {
      opt = cmd.add_option(flag_name(f.name), values.back().second, help);
      if (!is_list(f)) opt->expected(1);
    }
    if (f.type == FieldType::document) opt->type_name("JSON|@FILE");
    options.emplace_back(&f, opt);
  }
  cmd.add_option("--fields", fields_json, "the fields as one JSON object (for scripts)");
}

Json FieldInputs::to_json() const {
  Json out = fields_json.empty() ? Json::object() : Json::parse(fields_json, nullptr, false);
  if (!out.is_object()) throw CommandError{invalid("--fields must be a JSON object")};
  for (const auto& [f, given] : values) {
    CLI::Option* opt = nullptr;
    for (const auto& [of, o] : options) if (of == f) opt = o;
    if (opt->count() == 0) continue;
    out[std::string(f->name)] = given.empty() ? Json(true) : field_value(*f, given);
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
  CLI::App* cmd = group.add_subcommand("create", "create a " + std::string(kind.name));
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
  CLI::App* cmd = group.add_subcommand("update", "change fields of a " + std::string(kind.name));
  cmd->fallthrough();
  auto* id = &keep<std::string>();
  cmd->add_option("id", *id, "its id, or a unique prefix")->required();
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

void add_show_delete(CLI::App& group, Context& ctx, const KindSpec& kind) {
  for (bool show : {true, false}) {
    CLI::App* cmd = group.add_subcommand(show ? "show" : "delete",
                                         (show ? "show a " : "delete a ") + std::string(kind.name));
    cmd->fallthrough();
    auto* id = &keep<std::string>();
    cmd->add_option("id", *id, "its id, or a unique prefix")->required();
    cmd->callback([&ctx, id, show, k = kind.kind] {
      ctx.run([&ctx, id, show, k] {
        Id target = must(resolve_id(ctx.store(), k, *id));
        if (show) {
          print_record(ctx, k, must(get(ctx.store(), k, target)));
          if (k == Kind::event) {
            if (!ctx.json) std::cout << "\nagenda:\n";
            print_records(ctx, Kind::activity, must(list(ctx.store(), Kind::activity, {.where = {{"event", target.hex()}}})));
          }
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
