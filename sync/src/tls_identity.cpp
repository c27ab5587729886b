#include "debrief/sync/tls_identity.h"

#include "debrief/text.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sys/stat.h>

#include <cstdio>
#include <functional>
#include <memory>

namespace debrief::sync {
namespace {

template <class T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, decltype([](T* p) { Free(p); })>;

Result<std::string> fingerprint_of_file(const std::filesystem::path& cert) {
  FILE* f = std::fopen(cert.c_str(), "r");
  if (!f) return Status(Code::io_error, "cannot read " + cert.string());
  Owned<X509, X509_free> x(PEM_read_X509(f, nullptr, nullptr, nullptr));
  std::fclose(f);
  if (!x) return Status(Code::corrupt, cert.string() + " is not a PEM certificate");
  unsigned char* der = nullptr;
  int n = i2d_X509(x.get(), &der);
  std::string fp = certificate_fingerprint(der, n);
  OPENSSL_free(der);
  return fp;
}

Status write_pem(const std::filesystem::path& path, bool secret, const std::function<int(FILE*)>& write) {
  FILE* f = std::fopen(path.c_str(), "w");
  if (!f) return Status(Code::io_error, "cannot write " + path.string());
  if (secret) ::chmod(path.c_str(), 0600);
  bool ok = write(f) == 1;
  std::fclose(f);
  return ok ? Status::ok() : Status(Code::internal, "cannot encode " + path.string());
}

Status make_identity(const TlsIdentity& id) {
  Owned<EVP_PKEY, EVP_PKEY_free> key(EVP_EC_gen("P-256"));
  if (!key) return Status(Code::internal, "cannot make a TLS key");
  Owned<X509, X509_free> cert(X509_new());
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("debrief-server"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) return Status(Code::internal, "cannot sign the TLS certificate");
  DEBRIEF_TRY(write_pem(id.key_pem, true, [&](FILE* f) { return PEM_write_PrivateKey(f, key.get(), nullptr, nullptr, 0, nullptr, nullptr); }));
  return write_pem(id.cert_pem, false, [&](FILE* f) { return PEM_write_X509(f, cert.get()); });
}

}  // namespace

std::string certificate_fingerprint(const unsigned char* der, int length) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(der, static_cast<std::size_t>(length), md, &n, EVP_sha256(), nullptr);
  return hex_encode(md, n);
}

Status write_tls_identity(const std::filesystem::path& dir, const std::string& cert_pem, const std::string& key_pem) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status(Code::io_error, "cannot create " + dir.string() + ": " + ec.message());
  auto text = [](const std::string& pem) {
    return [&pem](FILE* f) { return std::fwrite(pem.data(), 1, pem.size(), f) == pem.size() ? 1 : 0; };
  };
  DEBRIEF_TRY(write_pem(dir / "key.pem", true, text(key_pem)));
  return write_pem(dir / "cert.pem", false, text(cert_pem));
}

Result<TlsIdentity> ensure_tls_identity(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status(Code::io_error, "cannot create " + dir.string() + ": " + ec.message());
  TlsIdentity id{dir / "cert.pem", dir / "key.pem", {}};
  if (!std::filesystem::exists(id.cert_pem) || !std::filesystem::exists(id.key_pem)) DEBRIEF_TRY(make_identity(id));
  Result<std::string> fp = fingerprint_of_file(id.cert_pem);
  DEBRIEF_TRY(fp.status());
  id.fingerprint = *fp;
  return id;
}

}  // namespace debrief::sync
