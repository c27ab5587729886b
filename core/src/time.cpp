#include "debrief/time.h"

#include <cstdio>

namespace debrief {
namespace {

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's
// days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

unsigned days_in_month(std::int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Reads exactly `n` digits at `pos`.
bool digits(std::string_view s, std::size_t& pos, int n, int& out) {
  if (pos + static_cast<std::size_t>(n) > s.size()) return false;
  out = 0;
  for (int i = 0; i < n; ++i) {
    char c = s[pos++];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

}  // namespace

Result<std::int64_t> parse_time(std::string_view text) {
  auto bad = [&](std::string why) {
    return invalid("'" + std::string(text.substr(0, 40)) + "' is not a valid date and time (" +
                   why + "); use e.g. 2026-12-03 or 2026-12-03T09:30 or 2026-12-03T09:30:00+01:00");
  };
  std::size_t p = 0;
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (!digits(text, p, 4, y) || !expect(text, p, '-') || !digits(text, p, 2, mo) ||
      !expect(text, p, '-') || !digits(text, p, 2, d))
    return bad("expected YYYY-MM-DD");
  if (y < 1970) return bad("years before 1970 are not supported");
  if (mo < 1 || mo > 12) return bad("no month " + std::to_string(mo));
  if (d < 1 || static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(mo)))
    return bad("no such day in that month");
  int offset_min = 0;
  if (p < text.size()) {
    if (text[p] != 'T' && text[p] != ' ') return bad("expected T between date and time");
    ++p;
    if (!digits(text, p, 2, h) || !expect(text, p, ':') || !digits(text, p, 2, mi))
      return bad("expected HH:MM");
    if (p < text.size() && text[p] == ':' && (++p, !digits(text, p, 2, sec)))
      return bad("expected seconds as two digits");
    if (h > 23 || mi > 59 || sec > 59) return bad("time out of range");
    if (p < text.size() && text[p] == 'Z') {
      ++p;
    } else if (p < text.size() && (text[p] == '+' || text[p] == '-')) {
      int sign = text[p++] == '-' ? -1 : 1, oh, om;
      if (!digits(text, p, 2, oh) || !expect(text, p, ':') || !digits(text, p, 2, om) ||
          oh > 14 || om > 59)
        return bad("expected an offset like +01:00");
      offset_min = sign * (oh * 60 + om);
    }
  }
  if (p != text.size()) return bad("unexpected text at the end");
  std::int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  return days * 86400 + h * 3600 + mi * 60 + sec - offset_min * 60;
}

std::string format_time(std::int64_t t) {
  std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  std::int64_t secs = t - days * 86400;
  // civil_from_days (H. Hinnant)
  std::int64_t z = days + 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  auto doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                static_cast<long long>(y), m, d, static_cast<long long>(secs / 3600),
                static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
  return buf;
}

}  // namespace debrief
