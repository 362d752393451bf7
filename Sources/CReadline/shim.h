// Thin C shim over GNU readline and SIGINT handling for the driver. Swift 6 rejects direct
// use of mutable C globals, so each one is reached through a static inline function here.
#ifndef SWIFTRAY_CREADLINE_SHIM_H
#define SWIFTRAY_CREADLINE_SHIM_H
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

// The SIGINT handler and its flags live in Swift (`InterruptSignal`): static C state in this
// header would be duplicated in every Swift file that imports it.

/// Abandons the line being edited and shows a fresh prompt (called from the SIGINT handler).
static inline void swiftray_reset_line(void) {
    rl_replace_line("", 0);
    rl_on_new_line();
    rl_redisplay();
}

// ---- readline ----
static inline char *swiftray_readline(const char *prompt) { return readline(prompt); }
static inline void swiftray_add_history(const char *line) { add_history(line); }
static inline int swiftray_read_history(const char *path) { return read_history(path); }
static inline int swiftray_write_history(const char *path) { return write_history(path); }
static inline void swiftray_stifle_history(int max) { stifle_history(max); }

/// Lets readline leave SIGINT to our handler and not print ^C artefacts itself.
static inline void swiftray_readline_setup(void) {
    rl_catch_signals = 0;
    rl_basic_word_break_characters = " \t\n\"\\'`@$><=;|&{(,[+-*/%";
}

// ---- completion: Swift supplies the candidate list for the current word ----
typedef char *(*swiftray_generator_t)(const char *text, int state);
static swiftray_generator_t swiftray_generator = NULL;

static char **swiftray_attempted_completion(const char *text, int start, int end) {
    (void)start; (void)end;
    rl_attempted_completion_over = 1;  // no filename completion fallback
    if (!swiftray_generator) return NULL;
    return rl_completion_matches(text, swiftray_generator);
}

static inline void swiftray_set_completion_generator(swiftray_generator_t generator) {
    swiftray_generator = generator;
    rl_attempted_completion_function = swiftray_attempted_completion;
    rl_completion_append_character = '\0';
}
#endif
