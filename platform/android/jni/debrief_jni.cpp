// The JNI layer under org.debrief.Debrief: each native method calls one C
// API function (debrief.h, the only Debrief header here) and turns a
// dbf_error into a DebriefException. Strings cross as real UTF-8 (through
// String.getBytes and new String(bytes, UTF-8)), not JNI's modified UTF-8.
// Sync listeners are always delivered by pump(), on the Java thread that
// calls it; the app's CredentialStore and LogSink are also called on the
// sync engine's thread, which is attached to the VM for it.
#include <jni.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "debrief/debrief.h"

namespace {

// Classes and methods looked up once, in JNI_OnLoad, on a Java thread: the
// sync engine's thread could not find the app's classes (on Android, its
// FindClass sees only the system class loader) and lookups cost.
struct Cached {
  jclass string_class = nullptr, exception_class = nullptr;  // global references
  jmethodID get_bytes = nullptr, string_from_bytes = nullptr, exception_init = nullptr;
  jstring utf8_name = nullptr;  // "UTF-8", a global reference
} cached;

dbf_store* store_of(jlong handle) { return reinterpret_cast<dbf_store*>(static_cast<std::uintptr_t>(handle)); }

// A Java String as UTF-8; nothing for null.
std::optional<std::string> utf8(JNIEnv* env, jstring s) {
  if (!s) return std::nullopt;
  auto bytes = static_cast<jbyteArray>(env->CallObjectMethod(s, cached.get_bytes, cached.utf8_name));
  if (!bytes) return std::string();
  jsize n = env->GetArrayLength(bytes);
  std::string out(static_cast<std::size_t>(n), '\0');
  env->GetByteArrayRegion(bytes, 0, n, reinterpret_cast<jbyte*>(out.data()));
  return out;
}

const char* c_str(const std::optional<std::string>& s) { return s ? s->c_str() : nullptr; }

// A Java String from UTF-8.
jstring java_string(JNIEnv* env, const std::string& text) {
  jbyteArray bytes = env->NewByteArray(static_cast<jsize>(text.size()));
  env->SetByteArrayRegion(bytes, 0, static_cast<jsize>(text.size()), reinterpret_cast<const jbyte*>(text.data()));
  return static_cast<jstring>(env->NewObject(cached.string_class, cached.string_from_bytes, bytes, cached.utf8_name));
}

// A string the C API returned, as a Java String; frees it.
jstring take_string(JNIEnv* env, char* s) {
  if (!s) return nullptr;
  std::string text(s);
  dbf_string_free(s);
  return java_string(env, text);
}

// Throws the DebriefException for `err` when `rc` is a failure; true when it did.
bool thrown(JNIEnv* env, int rc, const dbf_error& err) {
  if (rc == DBF_OK) return false;
  auto ex = static_cast<jthrowable>(
      env->NewObject(cached.exception_class, cached.exception_init, err.domain, err.code, java_string(env, err.message)));
  env->Throw(ex);
  return true;
}

// Runs `call(&out, &err)` (a C API function that hands out a string): the
// string as a Java String, or null with the DebriefException thrown.
template <class Call>
jstring string_result(JNIEnv* env, Call call) {
  dbf_error err;
  char* out = nullptr;
  if (thrown(env, call(&out, &err), err)) return nullptr;
  return take_string(env, out);
}

// A Java SyncListener behind a C listener: a global reference, called on
// the thread that pumps (a Java thread, so GetEnv finds it attached).
struct JavaListener {
  JavaVM* vm = nullptr;
  jobject listener = nullptr;

  JNIEnv* env() const {
    JNIEnv* e = nullptr;
    return vm->GetEnv(reinterpret_cast<void**>(&e), JNI_VERSION_1_6) == JNI_OK && !e->ExceptionCheck() ? e : nullptr;
  }
};

std::mutex listeners_mu;
std::map<jlong, std::unique_ptr<JavaListener>> listeners;  // by store handle

void forget_listener(JNIEnv* env, jlong handle) {
  std::lock_guard lock(listeners_mu);
  auto it = listeners.find(handle);
  if (it == listeners.end()) return;
  env->DeleteGlobalRef(it->second->listener);
  listeners.erase(it);
}

void on_state(void* context, const dbf_sync_event* e) {
  auto* l = static_cast<JavaListener*>(context);
  JNIEnv* env = l->env();
  if (!env) return;  // a Java exception is pending: let it surface from pump()
  jclass cls = env->GetObjectClass(l->listener);
  jmethodID m = env->GetMethodID(cls, "onState", "(Ljava/lang/String;Ljava/lang/String;JJJI)V");
  env->CallVoidMethod(l->listener, m, env->NewStringUTF(e->state), env->NewStringUTF(e->reason),
                      static_cast<jlong>(e->pushed), static_cast<jlong>(e->pending), static_cast<jlong>(e->pulled),
                      static_cast<jint>(e->failures));
}

void on_changed(void* context) {
  auto* l = static_cast<JavaListener*>(context);
  JNIEnv* env = l->env();
  if (!env) return;
  jclass cls = env->GetObjectClass(l->listener);
  env->CallVoidMethod(l->listener, env->GetMethodID(cls, "onChanged", "()V"));
}

// This thread's JNIEnv. A thread of Debrief's own (the sync engine's) is
// attached on first use, as a daemon, and detached when it ends.
JNIEnv* thread_env(JavaVM* vm) {
  JNIEnv* env = nullptr;
  if (vm->GetEnv(reinterpret_cast<void**>(&env), JNI_VERSION_1_6) == JNI_OK) return env;
  struct Detach {
    JavaVM* vm = nullptr;
    ~Detach() {
      if (vm) vm->DetachCurrentThread();
    }
  };
  thread_local Detach detach;
#ifdef __ANDROID__
  JNIEnv** out = &env;  // the NDK's jni.h types it so
#else
  void** out = reinterpret_cast<void**>(&env);
#endif
  if (vm->AttachCurrentThreadAsDaemon(out, nullptr) != JNI_OK) return nullptr;
  detach.vm = vm;
  return env;
}

// The app's CredentialStore and LogSink for one store, behind the C API's
// dbf_credentials and dbf_log_fn. One per store, kept until it closes (a
// running engine keeps the context it started with); setting again
// replaces the Java objects inside.
struct HostHooks {
  JavaVM* vm = nullptr;
  std::mutex mu;
  jobject credentials = nullptr, log = nullptr;  // global references

  void replace(JNIEnv* env, jobject HostHooks::*slot, jobject value) {
    std::lock_guard lock(mu);
    if (this->*slot) env->DeleteGlobalRef(this->*slot);
    this->*slot = value ? env->NewGlobalRef(value) : nullptr;
  }

  // Runs `call(env, object)` on the current object in `slot`, in a local
  // frame of its own (the engine's thread never returns to Java to free
  // local references). False when there is none, the thread cannot reach
  // the VM, or the call threw: the exception is cleared, as it cannot cross
  // into the engine.
  template <class F>
  bool call(jobject HostHooks::*slot, F&& body) {
    JNIEnv* env = thread_env(vm);
    if (!env || env->ExceptionCheck() || env->PushLocalFrame(16) != JNI_OK) return false;
    jobject target = nullptr;
    {
      std::lock_guard lock(mu);
      if (this->*slot) target = env->NewLocalRef(this->*slot);
    }
    bool done = target && body(env, target);
    if (env->ExceptionCheck()) {
      env->ExceptionClear();
      done = false;
    }
    env->PopLocalFrame(nullptr);
    return done;
  }
};

std::map<jlong, std::unique_ptr<HostHooks>> hooks;  // by store handle, guarded by listeners_mu

HostHooks& hooks_of(JNIEnv* env, jlong handle) {
  std::lock_guard lock(listeners_mu);
  std::unique_ptr<HostHooks>& h = hooks[handle];
  if (!h) {
    h = std::make_unique<HostHooks>();
    env->GetJavaVM(&h->vm);
  }
  return *h;
}

void forget_hooks(JNIEnv* env, jlong handle) {
  std::lock_guard lock(listeners_mu);
  auto it = hooks.find(handle);
  if (it == hooks.end()) return;
  it->second->replace(env, &HostHooks::credentials, nullptr);
  it->second->replace(env, &HostHooks::log, nullptr);
  hooks.erase(it);
}

jmethodID method(JNIEnv* env, jobject target, const char* name, const char* signature) {
  jclass cls = env->GetObjectClass(target);
  return env->GetMethodID(cls, name, signature);
}

int credentials_read(void* context, const char* account, char* buf, int cap) {
  int result = -2;
  static_cast<HostHooks*>(context)->call(&HostHooks::credentials, [&](JNIEnv* env, jobject store) {
    auto secret = static_cast<jstring>(env->CallObjectMethod(
        store, method(env, store, "read", "(Ljava/lang/String;)Ljava/lang/String;"), java_string(env, account)));
    if (env->ExceptionCheck()) return false;
    std::optional<std::string> text = utf8(env, secret);
    if (!text) return result = -1, true;
    result = static_cast<int>(text->size());
    if (result < cap) std::memcpy(buf, text->c_str(), text->size() + 1);
    return true;
  });
  return result;
}

int credentials_write(void* context, const char* account, const char* secret) {
  bool done = static_cast<HostHooks*>(context)->call(&HostHooks::credentials, [&](JNIEnv* env, jobject store) {
    env->CallVoidMethod(store, method(env, store, "write", "(Ljava/lang/String;Ljava/lang/String;)V"),
                        java_string(env, account), java_string(env, secret));
    return true;
  });
  return done ? 0 : 1;
}

int credentials_erase(void* context, const char* account) {
  bool done = static_cast<HostHooks*>(context)->call(&HostHooks::credentials, [&](JNIEnv* env, jobject store) {
    env->CallVoidMethod(store, method(env, store, "erase", "(Ljava/lang/String;)V"), java_string(env, account));
    return true;
  });
  return done ? 0 : 1;
}

void log_line(void* context, const char* line) {
  static_cast<HostHooks*>(context)->call(&HostHooks::log, [&](JNIEnv* env, jobject sink) {
    env->CallVoidMethod(sink, method(env, sink, "log", "(Ljava/lang/String;)V"), java_string(env, line));
    return true;
  });
}

// A global reference to the class `name`, looked up from this (Java) thread.
jclass global_class(JNIEnv* env, const char* name) {
  return static_cast<jclass>(env->NewGlobalRef(env->FindClass(name)));
}

}  // namespace

extern "C" {

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM* vm, void*) {
  JNIEnv* env = nullptr;
  if (vm->GetEnv(reinterpret_cast<void**>(&env), JNI_VERSION_1_6) != JNI_OK) return JNI_ERR;
  cached.string_class = global_class(env, "java/lang/String");
  cached.exception_class = global_class(env, "org/debrief/DebriefException");
  if (!cached.string_class || !cached.exception_class) return JNI_ERR;
  cached.get_bytes = env->GetMethodID(cached.string_class, "getBytes", "(Ljava/lang/String;)[B");
  cached.string_from_bytes = env->GetMethodID(cached.string_class, "<init>", "([BLjava/lang/String;)V");
  cached.exception_init = env->GetMethodID(cached.exception_class, "<init>", "(IILjava/lang/String;)V");
  cached.utf8_name = static_cast<jstring>(env->NewGlobalRef(env->NewStringUTF("UTF-8")));
  return JNI_VERSION_1_6;
}

JNIEXPORT jstring JNICALL Java_org_debrief_Debrief_version(JNIEnv* env, jclass) {
  return env->NewStringUTF(dbf_version());
}

JNIEXPORT jlong JNICALL Java_org_debrief_Debrief_nativeOpen(JNIEnv* env, jclass, jstring path) {
  dbf_error err;
  dbf_store* store = nullptr;
  if (thrown(env, dbf_store_open(c_str(utf8(env, path)), &store, &err), err)) return 0;
  return static_cast<jlong>(reinterpret_cast<std::uintptr_t>(store));
}

JNIEXPORT void JNICALL Java_org_debrief_Debrief_nativeClose(JNIEnv* env, jclass, jlong handle) {
  dbf_store_close(store_of(handle));  // stops sync: no callback runs after this
  forget_listener(env, handle);
  forget_hooks(env, handle);
}

JNIEXPORT void JNICALL Java_org_debrief_Debrief_nativeSetCredentials(JNIEnv* env, jclass, jlong handle, jobject store) {
  dbf_error err;
  if (!store) {
    thrown(env, dbf_store_set_credentials(store_of(handle), nullptr, &err), err);
    return;
  }
  HostHooks& h = hooks_of(env, handle);
  h.replace(env, &HostHooks::credentials, store);
  dbf_credentials c{&h, credentials_read, credentials_write, credentials_erase};
  if (thrown(env, dbf_store_set_credentials(store_of(handle), &c, &err), err)) forget_hooks(env, handle);  // no such store
}

JNIEXPORT void JNICALL Java_org_debrief_Debrief_nativeSetLog(JNIEnv* env, jclass, jlong handle, jobject sink) {
  dbf_error err;
  HostHooks& h = hooks_of(env, handle);
  h.replace(env, &HostHooks::log, sink);
  if (thrown(env, dbf_store_set_log(store_of(handle), sink ? log_line : nullptr, &h, &err), err)) forget_hooks(env, handle);
}

JNIEXPORT jstring JNICALL Java_org_debrief_Debrief_nativeStatus(JNIEnv* env, jclass, jlong handle) {
  return string_result(env, [&](char** out, dbf_error* err) { return dbf_store_status(store_of(handle), out, err); });
}

JNIEXPORT void JNICALL Java_org_debrief_Debrief_nativeSetMe(JNIEnv* env, jclass, jlong handle, jstring person) {
  dbf_error err;
  thrown(env, dbf_store_set_me(store_of(handle), c_str(utf8(env, person)), &err), err);
}

JNIEXPORT jstring JNICALL Java_org_debrief_Debrief_nativeCreate(JNIEnv* env, jclass, jlong handle, jstring kind,
                                                                jstring json) {
  return string_result(env, [&](char** out, dbf_error* err) {
    return dbf_record_create(store_of(handle), c_str(utf8(env, kind)), c_str(utf8(env, json)), out, err);
  });
}

JNIEXPORT jstring JNICALL Java_org_debrief_Debrief_nativeGet(JNIEnv* env, jclass, jlong handle, jstring kind, jstring id) {
  return string_result(env, [&](char** out, dbf_error* err) {
    return dbf_record_get(store_of(handle), c_str(utf8(env, kind)), c_str(utf8(env, id)), out, err);
  });
}

JNIEXPORT jstring JNICALL Java_org_debrief_Debrief_nativeList(JNIEnv* env, jclass, jlong handle, jstring kind,
                                                              jstring options) {
  return string_result(env, [&](char** out, dbf_error* err) {
    return dbf_record_list(store_of(handle), c_str(utf8(env, kind)), c_str(utf8(env, options)), out, err);
  });
}

JNIEXPORT void JNICALL Java_org_debrief_Debrief_nativeUpdate(JNIEnv* env, jclass, jlong handle, jstring kind, jstring id,
                                                             jstring json) {
  dbf_error err;
  thrown(env, dbf_record_update(store_of(handle), c_str(utf8(env, kind)), c_str(utf8(env, id)), c_str(utf8(env, json)), &err),
         err);
}

JNIEXPORT void JNICALL Java_org_debrief_Debrief_nativeDelete(JNIEnv* env, jclass, jlong handle, jstring kind, jstring id) {
  dbf_error err;
  thrown(env, dbf_record_delete(store_of(handle), c_str(utf8(env, kind)), c_str(utf8(env, id)), &err), err);
}

JNIEXPORT jstring JNICALL Java_org_debrief_Debrief_nativeSurveyNext(JNIEnv* env, jclass, jlong handle, jstring survey,
                                                                    jstring answers) {
  return string_result(env, [&](char** out, dbf_error* err) {
    return dbf_survey_next(store_of(handle), c_str(utf8(env, survey)), c_str(utf8(env, answers)), out, err);
  });
}

JNIEXPORT jstring JNICALL Java_org_debrief_Debrief_sentiment(JNIEnv* env, jclass, jstring text) {
  return string_result(env, [&](char** out, dbf_error* err) {
    return dbf_sentiment(c_str(utf8(env, text)), out, err);
  });
}

JNIEXPORT jstring JNICALL Java_org_debrief_Debrief_explainSentiment(JNIEnv* env, jclass, jstring text, jint max_reasons) {
  return string_result(env, [&](char** out, dbf_error* err) {
    return dbf_sentiment_explain(c_str(utf8(env, text)), static_cast<unsigned>(std::max<jint>(max_reasons, 0)), out, err);
  });
}

JNIEXPORT void JNICALL Java_org_debrief_Debrief_nativeEnroll(JNIEnv* env, jclass, jlong handle, jstring host, jint port,
                                                             jstring code, jstring name) {
  dbf_error err;
  thrown(env,
         dbf_sync_enroll(store_of(handle), c_str(utf8(env, host)), port, c_str(utf8(env, code)), c_str(utf8(env, name)), &err),
         err);
}

JNIEXPORT jstring JNICALL Java_org_debrief_Debrief_nativeSyncOnce(JNIEnv* env, jclass, jlong handle) {
  return string_result(env, [&](char** out, dbf_error* err) { return dbf_sync_once(store_of(handle), out, err); });
}

JNIEXPORT void JNICALL Java_org_debrief_Debrief_nativeStartSync(JNIEnv* env, jclass, jlong handle, jobject listener) {
  dbf_sync_stop(store_of(handle));  // no callback of an earlier listener runs after this
  forget_listener(env, handle);
  dbf_error err;
  if (!listener) {
    thrown(env, dbf_sync_start(store_of(handle), nullptr, &err), err);
    return;
  }
  auto l = std::make_unique<JavaListener>();
  env->GetJavaVM(&l->vm);
  l->listener = env->NewGlobalRef(listener);
  dbf_sync_listener c{on_state, on_changed, l.get(), DBF_DELIVER_BY_PUMP};
  {
    std::lock_guard lock(listeners_mu);
    listeners[handle] = std::move(l);
  }
  if (thrown(env, dbf_sync_start(store_of(handle), &c, &err), err)) forget_listener(env, handle);
}

JNIEXPORT void JNICALL Java_org_debrief_Debrief_nativeStopSync(JNIEnv* env, jclass, jlong handle) {
  dbf_sync_stop(store_of(handle));
  forget_listener(env, handle);
}

JNIEXPORT void JNICALL Java_org_debrief_Debrief_nativeSyncNow(JNIEnv* env, jclass, jlong handle) {
  dbf_error err;
  thrown(env, dbf_sync_now(store_of(handle), &err), err);
}

JNIEXPORT jint JNICALL Java_org_debrief_Debrief_nativePump(JNIEnv*, jclass, jlong handle) {
  return dbf_pump(store_of(handle), 1000);
}

JNIEXPORT void JNICALL Java_org_debrief_Debrief_nativeBackground(JNIEnv* env, jclass, jlong handle) {
  dbf_error err;
  thrown(env, dbf_store_background(store_of(handle), &err), err);
}

JNIEXPORT void JNICALL Java_org_debrief_Debrief_nativeForeground(JNIEnv* env, jclass, jlong handle) {
  dbf_error err;
  thrown(env, dbf_store_foreground(store_of(handle), &err), err);
}

}  // extern "C"
