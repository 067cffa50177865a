/* ttrace - strings for the files ttrace writes: JSON (--json, the
 * timeline, profiles) and XML (JUnit), from names that may hold any byte
 * (a command name, a path, a symbol).  One walk over the string decides
 * what is valid UTF-8 for both; doc/JSON.md and ttrace(1) describe the
 * schemes:
 *   JSON  '"' and '\' escaped with '\'; a control character (below 0x20)
 *         as \u00XX; a byte that is not part of valid UTF-8 as \u00XX of
 *         the byte (0xff: \u00ff); valid UTF-8 as it is
 *   XML   '<' '>' '&' '"' as entities; tab, newline and carriage return as
 *         &#9; &#10; &#13;; a byte that is not part of valid UTF-8 as
 *         &#xXX; of the byte (the JSON scheme); a character XML 1.0
 *         cannot carry (another control character, U+FFFE, U+FFFF) as
 *         U+FFFD; valid UTF-8 as it is
 * Valid UTF-8 is RFC 3629's: no overlong forms, no surrogates (ED A0..BF),
 * nothing above U+10FFFF. */
#ifndef TTRACE_JSONSTR_H
#define TTRACE_JSONSTR_H

#include <stddef.h>

/* Where escaped text goes: n bytes at p. */
typedef void tt_put_fn(void *ctx, const char *p, size_t n);

/* The length (1 to 4) of the valid UTF-8 character s starts with, or 0
 * when its first byte is not the start of one (s is NUL-terminated). */
size_t tt_utf8_len(const char *s);

/* s (NUL-terminated) escaped, without quotes, through put. */
void tt_json_escape(const char *s, tt_put_fn *put, void *ctx);
void tt_xml_escape(const char *s, tt_put_fn *put, void *ctx);

/* put for a FILE *. */
void tt_put_file(void *fp, const char *p, size_t n);

#endif
