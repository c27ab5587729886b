#include "pg_database.h"

#include <unistd.h>

#include <cstdlib>
#include <pqxx/pqxx>
#include <random>
#include <stdexcept>

namespace testpg {
namespace {

std::string cluster_from_environment() {
  const char* base = std::getenv("DEBRIEF_TEST_POSTGRES");
  if (!base || !*base)
    throw std::runtime_error("DEBRIEF_TEST_POSTGRES is not set: run ./scripts/test, or start a cluster with scripts/pg_cluster");
  return base;
}

}  // namespace

bool enabled() {
  const char* store = std::getenv("DEBRIEF_TEST_STORE");
  return store && std::string(store) == "postgresql";
}

Database::Database() : Database(cluster_from_environment()) {}

Database::Database(const std::string& cluster_url) : admin_url_(cluster_url) {
  std::random_device rd;
  name_ = "debrief_test_" + std::to_string(getpid()) + "_" + std::to_string(rd());
  pqxx::connection c(admin_url_);
  pqxx::nontransaction tx(c);
  tx.exec0("CREATE DATABASE " + tx.quote_name(name_));
  url_ = admin_url_.substr(0, admin_url_.rfind('/') + 1) + name_;
}

Database::~Database() {
  try {
    pqxx::connection c(admin_url_);
    pqxx::nontransaction tx(c);
    tx.exec0("DROP DATABASE IF EXISTS " + tx.quote_name(name_) + " WITH (FORCE)");
  } catch (const std::exception&) {
    // the cluster goes at the end of the run anyway
  }
}

}  // namespace testpg
