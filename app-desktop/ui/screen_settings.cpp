// Settings: the server and enrolment with a code, where the data lives, the
// interface scale, and the versions of what runs.
#include <imgui.h>

#include "async_value.h"
#include "debrief/sentiment.h"
#include "debrief/store.h"
#include "debrief/sync/client.h"
#include "debrief/sync/protocol.h"
#include "probed.h"
#include "screens.h"

namespace debrief::desktop {
namespace {

class Settings final : public ScreenView {
  AsyncValue<sync::ServerLink> link_;
  std::string server_, code_, message_;
  bool enrolling_ = false;

  void load(UiContext& ui) override {
    link_.load(ui.worker, [](Store& s) { return sync::load_link(s.dir()); });
  }

  void enroll(UiContext& ui) {
    enrolling_ = true;
    std::string server = server_, code = code_;
    ui.worker.ask<sync::ServerLink>(
        [server, code, credentials = ui.sync.credentials()](Store& s) -> Result<sync::ServerLink> {
          auto colon = server.rfind(':');
          if (colon == std::string::npos) return invalid("the server is HOST:PORT, such as 127.0.0.1:7443");
          int port = std::atoi(server.c_str() + colon + 1);
          if (port <= 0 || port > 65535) return invalid("'" + server.substr(colon + 1) + "' is not a port");
          Result<sync::EnrolmentCode> parsed = sync::EnrolmentCode::parse(code);
          DEBRIEF_TRY(parsed.status());
          return sync::enroll(s, server.substr(0, colon), static_cast<std::uint16_t>(port), *parsed, "desktop", *credentials);
        },
        [this, &ui](Result<sync::ServerLink> link) {
          enrolling_ = false;
          message_ = link.is_ok() ? "enrolled; syncing" : link.status().message();
          if (link.is_ok()) ui.sync.start(), ui.changed();
        });
  }

  void draw(UiContext& ui) override {
    heading("Server");
    if (link_.has_value()) {
      ImGui::Text("Enrolled with %s:%u", link_->host.c_str(), static_cast<unsigned>(link_->port));
      ImGui::TextDisabled("certificate %s", link_->fingerprint.substr(0, 16).c_str());
    } else {
      ImGui::TextWrapped("Not enrolled. Ask your admin for an enrolment code (debrief-server admin enroll-code).");
    }
    probed::input_text("server (HOST:PORT)", &server_);
    probed::input_text("enrolment code", &code_);
    ImGui::BeginDisabled(enrolling_ || server_.empty() || code_.empty());
    if (probed::button(enrolling_ ? "Enrolling..." : "Enrol this device")) enroll(ui);
    ImGui::EndDisabled();
    if (!message_.empty()) ImGui::TextWrapped("%s", message_.c_str());
    ImGui::Spacing();
    heading("Data");
    ImGui::Text("Stored in %s", ui.data_dir.c_str());
    ImGui::Spacing();
    heading("Interface");
    ImGui::SetNextItemWidth(200);
    probed::slider_float("scale", &ui.scale, 1.0f, 2.0f, "%.2fx");
    ImGui::Spacing();
    heading("About");
    ImGui::Text("Debrief desktop, store schema %d, sync protocol %u", kSchemaVersion,
                static_cast<unsigned>(sync::kProtocolVersion));
    ImGui::Text("Sentiment analyzer %s, Dear ImGui %s", sentiment_version().c_str(), IMGUI_VERSION);
  }
};

}  // namespace

std::unique_ptr<ScreenView> make_settings() { return std::make_unique<Settings>(); }

}  // namespace debrief::desktop
