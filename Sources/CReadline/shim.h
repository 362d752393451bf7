// Thin C shim over GNU readline: Swift 6 rejects direct use of readline's mutable C globals,
// so every global is reached through a static inline function here.
#ifndef SWIFTRAY_CREADLINE_SHIM_H
#define SWIFTRAY_CREADLINE_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <readline/readline.h>
#include <readline/history.h>

static inline char *swiftray_readline(const char *prompt) { return readline(prompt); }
static inline void swiftray_add_history(const char *line) { add_history(line); }
static inline int swiftray_read_history(const char *path) { return read_history(path); }
static inline int swiftray_write_history(const char *path) { return write_history(path); }
#endif
