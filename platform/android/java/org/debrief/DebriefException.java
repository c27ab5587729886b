package org.debrief;

/** A failure reported by Debrief's C API: its domain, code and message (see debrief.h). */
public final class DebriefException extends Exception {
  public static final int INVALID_ARGUMENT = 1, NOT_FOUND = 2, ALREADY_EXISTS = 3, TOO_LARGE = 4,
      UNSUPPORTED_VERSION = 5, IO_ERROR = 6, CORRUPT = 7, INTERNAL = 8,
      PERMISSION_DENIED = 9;
  public static final int DOMAIN_API = 1, DOMAIN_STORE = 2, DOMAIN_SYNC = 3;

  private final int domain;
  private final int code;

  DebriefException(int domain, int code, String message) {
    super(message);
    this.domain = domain;
    this.code = code;
  }

  public int domain() { return domain; }
  public int code() { return code; }
}
