#include "comment_list.h"

#include <imgui.h>

#include <map>

#include "probe.h"
#include "probed.h"
#include "sentiment_tooltip.h"
#include "theme_cards.h"

namespace debrief::desktop {
namespace {

ImVec4 label_colour(const std::optional<SentimentLabel>& l) {
  if (!l) return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
  switch (*l) {
    case SentimentLabel::negative: return ImVec4(0.93f, 0.42f, 0.36f, 1);
    case SentimentLabel::positive: return ImVec4(0.42f, 0.80f, 0.52f, 1);
    case SentimentLabel::neutral: break;
  }
  return ImVec4(0.70f, 0.70f, 0.74f, 1);
}

// The themes to choose from, each key once, with the name it is shown by.
std::map<std::string, std::string> theme_names(const std::map<std::string, std::vector<Theme>>& themes) {
  std::map<std::string, std::string> names;
  for (const auto& [part, list] : themes)
    for (const Theme& t : list) names.emplace(t.key, t.phrase);
  return names;
}

void choosers(const std::map<std::string, std::vector<Theme>>& themes, CommentFilter& filter) {
  const std::map<std::string, std::string> names = theme_names(themes);
  const auto chosen = names.find(filter.theme);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  if (probed::begin_combo("Theme", chosen == names.end() ? "any theme" : chosen->second.c_str())) {
    if (probed::selectable("any theme", filter.theme.empty())) filter.theme.clear();
    for (const auto& [key, name] : names)
      if (probed::selectable((name + "##" + key).c_str(), key == filter.theme)) filter.theme = key;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  if (probed::begin_combo("Sentiment", filter.sentiment ? sentiment_label_name(*filter.sentiment) : "any sentiment")) {
    if (probed::selectable("any sentiment", !filter.sentiment)) filter.sentiment.reset();
    for (SentimentLabel l : {SentimentLabel::negative, SentimentLabel::neutral, SentimentLabel::positive})
      if (probed::selectable(sentiment_label_name(l), filter.sentiment == l)) filter.sentiment = l;
    ImGui::EndCombo();
  }
}

}  // namespace

void comment_list(const std::vector<ReviewComment>& comments, const std::map<std::string, std::vector<Theme>>& themes,
                  CommentFilter& filter, float height) {
  choosers(themes, filter);
  std::vector<const ReviewComment*> shown;
  for (const ReviewComment& c : comments)
    if (comment_matches(c, filter.theme, filter.sentiment)) shown.push_back(&c);
  ImGui::SameLine();
  const std::string count = std::to_string(shown.size()) + " of " + std::to_string(comments.size()) + " comments";
  probe::shown(count);
  ImGui::TextDisabled("%s", count.c_str());
  if (!ImGui::BeginChild("comments", ImVec2(0, height), true)) {
    ImGui::EndChild();
    return;
  }
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(shown.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const ReviewComment& c = *shown[static_cast<std::size_t>(i)];
      ImGui::PushID(i);
      ImGui::TextColored(label_colour(c.sentiment), "%-8s", c.sentiment ? sentiment_label_name(*c.sentiment) : "-");
      ImGui::SameLine();
      ImGui::TextDisabled("%s", part_title(c.part));
      ImGui::SameLine();
      ImGui::TextUnformatted(c.text.c_str());
      sentiment_tooltip(c.text, c.scope + ", " + part_title(c.part) + ":\n" + c.text);
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

}  // namespace debrief::desktop
