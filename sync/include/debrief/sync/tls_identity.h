// The server's TLS identity: a self-signed certificate made on first start,
// and the SHA-256 fingerprint that devices pin when they enrol.
#pragma once

#include <filesystem>
#include <string>

#include "debrief/status.h"

namespace debrief::sync {

struct TlsIdentity {
  std::filesystem::path cert_pem, key_pem;
  std::string fingerprint;  // 64 hex digits: SHA-256 of the DER certificate
};

// The identity in `dir` (cert.pem, key.pem), made when missing: an EC P-256
// key (written 0600) and a ten-year self-signed certificate.
Result<TlsIdentity> ensure_tls_identity(const std::filesystem::path& dir);

// Writes an identity into `dir` (the key readable by its owner only),
// replacing what is there.
Status write_tls_identity(const std::filesystem::path& dir, const std::string& cert_pem, const std::string& key_pem);

// The SHA-256 fingerprint of a DER-encoded certificate, as 64 hex digits.
std::string certificate_fingerprint(const unsigned char* der, int length);

}  // namespace debrief::sync
