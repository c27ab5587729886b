#include "enrolment_qr.h"

#include <qrencode.h>

#include <memory>

namespace debrief::server {
namespace {

constexpr int kQuietZone = 4;

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

Result<std::string> qr_art(std::string_view text) {
  std::string copy(text);  // QRencode wants a NUL-terminated string
  std::unique_ptr<QRcode, QrFree> qr(QRcode_encodeString(copy.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (!qr) return invalid("the enrolment code is too long for a QR code");
  const int n = qr->width, total = n + 2 * kQuietZone;
  auto light = [&](int x, int y) {
    x -= kQuietZone;
    y -= kQuietZone;
    return x < 0 || y < 0 || x >= n || y >= n || (qr->data[y * n + x] & 1) == 0;
  };
  std::string art;
  for (int y = 0; y < total; y += 2) {
    for (int x = 0; x < total; ++x) {
      bool top = light(x, y), bottom = y + 1 >= total || light(x, y + 1);
      art += top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " ";
    }
    art += "\n";
  }
  return art;
}

}  // namespace debrief::server
