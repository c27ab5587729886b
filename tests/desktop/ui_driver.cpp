#include "ui_driver.h"

#include <catch2/catch.hpp>
#include <imgui.h>

#include "probe.h"

namespace test {

using namespace debrief::desktop;

namespace {

constexpr float kWidth = 1280, kHeight = 800;
constexpr int kMaxSettleFrames = 600;  // with a pause each: about 6 s

}  // namespace

UiDriver::UiDriver(const std::filesystem::path& store_dir, Screen screen) : context_(ImGui::CreateContext()) {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(kWidth, kHeight);
  io.DeltaTime = 1.0f / 60;
  for (int key = 0; key < ImGuiKey_COUNT; ++key) io.KeyMap[key] = key;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the font atlas; nothing draws it
  probe::enable(true);
  app_ = std::make_unique<App>(store_dir, 1.0f);
  app_->show(screen);
  settle();
}

UiDriver::~UiDriver() {
  app_.reset();
  probe::enable(false);
  ImGui::DestroyContext(context_);
}

void UiDriver::frame() {
  probe::begin_frame();
  ImGui::NewFrame();
  app_->frame();
  ImGui::Render();
}

void UiDriver::settle() {
  // Settled: two frames in a row that asked the worker for nothing and got
  // nothing back, so what is on screen is what the data says.
  Worker& worker = app_->worker();
  int quiet = 0;
  for (int i = 0; i < kMaxSettleFrames && quiet < 2; ++i) {
    std::uint64_t before = worker.drained();
    frame();
    bool idle = worker.settle(std::chrono::milliseconds(10)) && worker.drained() == before;
    quiet = idle ? quiet + 1 : 0;
  }
  REQUIRE(quiet == 2);
}

void UiDriver::click(std::string_view label) {
  std::optional<probe::Rect> r = probe::find(label);
  INFO("widget: " << label);
  REQUIRE(r.has_value());
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2((r->x0 + r->x1) / 2, (r->y0 + r->y1) / 2);
  frame();  // hover
  io.MouseDown[0] = true;
  frame();
  io.MouseDown[0] = false;
  frame();
  settle();
}

void UiDriver::type(std::string_view label, std::string_view text) {
  click(label);
  type_here(text);
}

void UiDriver::type_here(std::string_view text) {
  ImGui::GetIO().AddInputCharactersUTF8(std::string(text).c_str());
  settle();
}

void UiDriver::drop(std::vector<std::filesystem::path> files) {
  app_->drop(std::move(files));
  settle();
}

void UiDriver::press(int imgui_key) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[imgui_key] = true;
  frame();
  io.KeysDown[imgui_key] = false;
  frame();
  settle();
}

bool UiDriver::shows(std::string_view label) const { return probe::find(label).has_value(); }

bool UiDriver::says(std::string_view part) const {
  for (const std::string& m : probe::texts())
    if (m.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace test
