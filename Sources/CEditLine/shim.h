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
#include <locale.h>
#include <langinfo.h>
#include <stdio_ext.h>
#include <sys/resource.h>
#include <termios.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

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
// libedit's own signal handlers forward each signal to the whole process
// group (kill(0, ...)) after restoring ours, so a SIGTERM sent to ptero
// alone also killed the shell that started it. ptero's key reader
// notices Ctrl-C, SIGTERM and SIGHUP itself; set before rl_initialize.
static inline void ptero_set_catch_signals(int value) { rl_catch_signals = value; }
static inline void ptero_set_readline_name(const char *name) {
    rl_readline_name = (char *)name;
}
static inline const char *ptero_line_buffer(void) { return rl_line_buffer; }
static inline int ptero_point(void) { return rl_point; }
static inline void ptero_set_attempted_completion_over(int value) {
    rl_attempted_completion_over = value;
}

// SIGINT (and SIGTERM, SIGHUP) without SA_RESTART: a read waiting in
// libedit returns, so Ctrl-C at the prompt abandons the line instead of
// being swallowed.
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
    // SIGTERM and SIGHUP stop ptero as Ctrl-C does: between writes, with
    // the journal up to date (the handler tells them apart by number).
    if (sigaction(SIGTERM, &action, NULL) != 0 || sigaction(SIGHUP, &action, NULL) != 0) return -1;
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
// blocked and pselect unblocks it atomically, so a Ctrl-C delivered to
// this thread can never land between the check and the wait and be lost
// until the next key. Returns
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
        // The signal may be delivered to another thread (SwiftNIO's, once
        // a panel is connected), which raises the flag without waking this
        // wait: look at the flag again every tenth of a second.
        struct timespec recheck = {0, 100000000};
        int ready = pselect(descriptor + 1, &readable, NULL, NULL, &recheck, &waiting);
        int error = errno;
        pthread_sigmask(SIG_SETMASK, &previous, NULL);
        if (ready == 0) continue;
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

// libedit decodes typed bytes by LC_CTYPE, and a process starts in the C
// locale, where a typed `é` is dropped. Takes the environment's locale;
// when that is C, POSIX, unset or not UTF-8, C.UTF-8 (glibc always has it).
// Only LC_CTYPE: numbers keep formatting as in C. Returns 1 when the
// locale in effect is UTF-8.
static inline int ptero_use_utf8_character_locale(void) {
    const char *chosen = setlocale(LC_CTYPE, "");
    const char *codeset = chosen ? nl_langinfo(CODESET) : NULL;
    if (codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0)) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") || setlocale(LC_CTYPE, "C.utf8")) return 1;
    setlocale(LC_CTYPE, "C");
    return 0;
}

// A closed pipe must be an error a write returns (EPIPE), not a signal that
// kills ptero on some runs and not others (SwiftNIO ignores SIGPIPE once it
// opens a socket).
static inline void ptero_ignore_broken_pipe(void) { signal(SIGPIPE, SIG_IGN); }

// A file-size limit (ulimit -f) reached while writing the journal must be
// an error the write returns (EFBIG), which stops the run with its reason,
// not a signal that kills ptero between a write and its record.
static inline void ptero_ignore_file_size_signal(void) { signal(SIGXFSZ, SIG_IGN); }

// A core dump holds the panel keys in memory; none is written unless asked
// for. PR_SET_DUMPABLE 0 also keeps other processes of the same user from
// reading this one's memory.
static inline void ptero_disable_core_dumps(void) {
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
#ifdef __linux__
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}
static inline int ptero_is_dumpable(void) {
#ifdef __linux__
    return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
#else
    return -1;
#endif
}

// Drops what stdout holds unwritten once a write to it failed, so the
// flush at exit does not fail (and block) again.
static inline int ptero_discard_output_buffer(void) { __fpurge(stdout); return 0; }

// Echo off for a secret prompt, restored on every path: when it is read,
// and when a signal (Ctrl-C, SIGTERM, SIGHUP, SIGQUIT) ends ptero while it
// waits, which would otherwise leave the terminal not echoing. The handler
// restores the terminal, then lets the signal do what it did before.
struct ptero_secret_state {
    struct termios saved;
    int descriptor;
    struct sigaction previous[4];
};
static const int ptero_secret_signals[4] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

// One state for the process, in a function so that Swift's C importer
// emits it (a header's static globals are not).
static inline struct ptero_secret_state *ptero_secret(void) {
    static struct ptero_secret_state state = {.descriptor = -1};
    return &state;
}

static inline void ptero_secret_signal(int signal) {
    struct ptero_secret_state *state = ptero_secret();
    if (state->descriptor >= 0) tcsetattr(state->descriptor, TCSAFLUSH, &state->saved);
    for (int index = 0; index < 4; index++) {
        if (ptero_secret_signals[index] == signal) sigaction(signal, &state->previous[index], NULL);
    }
    raise(signal);
}

// Returns 0 when echo is off; -1 when `descriptor` is no terminal.
static inline int ptero_secret_echo_off(int descriptor) {
    struct ptero_secret_state *state = ptero_secret();
    if (tcgetattr(descriptor, &state->saved) != 0) return -1;
    state->descriptor = descriptor;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = ptero_secret_signal;
    sigemptyset(&action.sa_mask);
    for (int index = 0; index < 4; index++) sigaction(ptero_secret_signals[index], &action, &state->previous[index]);
    struct termios silent = state->saved;
    silent.c_lflag &= ~(tcflag_t)ECHO;
    return tcsetattr(descriptor, TCSAFLUSH, &silent);
}

static inline void ptero_secret_echo_on(void) {
    struct ptero_secret_state *state = ptero_secret();
    if (state->descriptor < 0) return;
    tcsetattr(state->descriptor, TCSAFLUSH, &state->saved);
    for (int index = 0; index < 4; index++) sigaction(ptero_secret_signals[index], &state->previous[index], NULL);
    state->descriptor = -1;
}

// libedit takes what rl_getc_function returns as one wide character, so a
// typed `é` (two bytes in UTF-8) must come back as U+00E9, not as two
// Latin-1 characters: this reads a whole UTF-8 sequence with
// ptero_read_key and returns its code point (U+FFFD for a malformed one),
// or EOF / PTERO_KEY_INTERRUPTED as ptero_read_key does.
static inline int ptero_read_character(int descriptor, int (*interrupted)(void)) {
    int first = ptero_read_key(descriptor, interrupted);
    if (first < 0x80) return first;  // ASCII, EOF or interrupted
    int length = first >= 0xF0 && first < 0xF8 ? 4 : first >= 0xE0 ? 3 : first >= 0xC2 ? 2 : 0;
    if (length == 0) return 0xFFFD;
    int point = first & (0x7F >> length);
    for (int index = 1; index < length; index++) {
        int next = ptero_read_key(descriptor, interrupted);
        if (next == PTERO_KEY_INTERRUPTED || next == EOF) return next;
        if ((next & 0xC0) != 0x80) return 0xFFFD;
        point = (point << 6) | (next & 0x3F);
    }
    if ((length == 3 && point < 0x800) || (length == 4 && (point < 0x10000 || point > 0x10FFFF))
        || (point >= 0xD800 && point <= 0xDFFF)) return 0xFFFD;
    return point;
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
