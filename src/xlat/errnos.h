#ifndef TTRACE_XLAT_ERRNOS_H
#define TTRACE_XLAT_ERRNOS_H
#define TT_ERRNO_MAX 531
extern const char *const tt_errno_names[TT_ERRNO_MAX + 1];
#endif
