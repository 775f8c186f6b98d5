#ifndef PTERO_CEDITLINE_SHIM_H
#define PTERO_CEDITLINE_SHIM_H
#include <stdio.h>
#include <editline/readline.h>
#include <signal.h>
#include <pthread.h>
#include <string.h>
#include <stdlib.h>

// Swift 6 refuses direct writes to C globals, so the REPL sets libedit's
// hooks through these setters.
static inline void ptero_set_completion_function(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}
static inline void ptero_set_completion_append_character(int character) {
    rl_completion_append_character = character;
}
// libedit finds the word to complete with rl_basic_word_break_characters;
// both are set so either implementation sees `.` as a break.
static inline void ptero_set_completer_word_break_characters(const char *characters) {
    rl_completer_word_break_characters = (char *)characters;
    rl_basic_word_break_characters = (char *)characters;
}
static inline void ptero_set_readline_name(const char *name) {
    rl_readline_name = (char *)name;
}
static inline const char *ptero_line_buffer(void) { return rl_line_buffer; }
static inline int ptero_point(void) { return rl_point; }
static inline void ptero_set_attempted_completion_over(int value) {
    rl_attempted_completion_over = value;
}

// SIGINT without SA_RESTART: a read waiting in libedit returns, so Ctrl-C
// at the prompt abandons the line instead of being swallowed.
static inline int ptero_install_interrupt_handler(void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    // A parent (a test runner, a supervisor) may have blocked these; a
    // REPL must still stop on Ctrl-C and end when its terminal closes.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGTERM);
    pthread_sigmask(SIG_UNBLOCK, &wanted, NULL);
    return sigaction(SIGINT, &action, NULL);
}

// Swift 6 will not read C's `stdout`/`stderr` globals directly.
static inline FILE *ptero_standard_output(void) { return stdout; }
static inline FILE *ptero_standard_error(void) { return stderr; }

// libedit frees what the completion hook returns, so copies use malloc.
static inline char *ptero_strdup(const char *text) { return strdup(text); }
static inline char **ptero_allocate_matches(size_t count) {
    return (char **)calloc(count + 1, sizeof(char *));
}
#endif
