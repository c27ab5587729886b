#include "probe.h"

#include <imgui.h>

#include <map>

namespace debrief::desktop::probe {
namespace {

struct Record {
  bool on = false;
  std::map<std::string, Rect, std::less<>> items;
  std::vector<std::string> texts;
};

Record& record() {
  static Record r;
  return r;
}

std::string_view visible_part(std::string_view label) {
  std::size_t hidden = label.find("##");
  return hidden == 0 || hidden == std::string_view::npos ? label : label.substr(0, hidden);
}

}  // namespace

void enable(bool on) { record().on = on; }

void begin_frame() {
  record().items.clear();
  record().texts.clear();
}

void item(std::string_view label) {
  if (!record().on) return;
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  record().items.insert_or_assign(std::string(visible_part(label)), Rect{min.x, min.y, max.x, max.y});
}

void shown(std::string_view text) {
  if (record().on) record().texts.emplace_back(text);
}

std::optional<Rect> find(std::string_view label) {
  auto it = record().items.find(label);
  if (it == record().items.end()) return std::nullopt;
  return it->second;
}

const std::vector<std::string>& texts() { return record().texts; }

}  // namespace debrief::desktop::probe
