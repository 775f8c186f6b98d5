#ifndef PTERO_CEDITLINE_SHIM_H
#define PTERO_CEDITLINE_SHIM_H
#include <stdio.h>
#include <editline/readline.h>
#include <signal.h>
#include <pthread.h>
#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <unistd.h>
#include <sys/select.h>

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

// The signal mask survives exec, and a parent's threads (a test runner's,
// Dispatch's workers) often block most signals; ptero starts with none
// blocked so SIGTERM, SIGHUP and Ctrl-C do what they do for any program.
static inline void ptero_unblock_all_signals(void) {
    sigset_t none;
    sigemptyset(&none);
    pthread_sigmask(SIG_SETMASK, &none, NULL);
}

// Reads a key for libedit, set before rl_initialize (libedit only takes a
// key reader it finds there).
static inline void ptero_set_getc_function(int (*function)(FILE *)) {
    rl_getc_function = function;
}

#define PTERO_KEY_INTERRUPTED (-2)

// Waits for one byte on `descriptor`. `interrupted` is asked with SIGINT
// blocked and pselect unblocks it atomically, so a Ctrl-C can never land
// between the check and the wait and be lost until the next key. Returns
// the byte, EOF at end of input, or PTERO_KEY_INTERRUPTED.
static inline int ptero_read_key(int descriptor, int (*interrupted)(void)) {
    sigset_t interrupt, previous;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    for (;;) {
        pthread_sigmask(SIG_BLOCK, &interrupt, &previous);
        if (interrupted()) {
            pthread_sigmask(SIG_SETMASK, &previous, NULL);
            return PTERO_KEY_INTERRUPTED;
        }
        sigset_t waiting = previous;
        sigdelset(&waiting, SIGINT);
        fd_set readable;
        FD_ZERO(&readable);
        FD_SET(descriptor, &readable);
        int ready = pselect(descriptor + 1, &readable, NULL, NULL, NULL, &waiting);
        int error = errno;
        pthread_sigmask(SIG_SETMASK, &previous, NULL);
        if (ready < 0) {
            if (error == EINTR) continue;
            return EOF;
        }
        unsigned char byte;
        ssize_t count = read(descriptor, &byte, 1);
        if (count == 1) return byte;
        if (count < 0 && errno == EINTR) continue;
        return EOF;
    }
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
