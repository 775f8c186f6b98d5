#ifndef PTERO_CEDITLINE_SHIM_H
#define PTERO_CEDITLINE_SHIM_H
#include <stdio.h>
#include <editline/readline.h>

// Swift 6 refuses direct writes to C globals, so the REPL sets libedit's
// hooks through these setters.
static inline void ptero_set_completion_function(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}
static inline void ptero_set_completion_append_character(int character) {
    rl_completion_append_character = character;
}
static inline void ptero_set_completer_word_break_characters(const char *characters) {
    rl_completer_word_break_characters = (char *)characters;
}
static inline void ptero_set_readline_name(const char *name) {
    rl_readline_name = (char *)name;
}
static inline const char *ptero_line_buffer(void) { return rl_line_buffer; }
static inline int ptero_point(void) { return rl_point; }
static inline void ptero_set_attempted_completion_over(int value) {
    rl_attempted_completion_over = value;
}
#endif
