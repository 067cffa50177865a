/* ttrace - JSON and XML string escapes (see jsonstr.h). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "jsonstr.h"

static bool cont(unsigned char c, unsigned char lo, unsigned char hi)
{
	return c >= lo && c <= hi;
}

size_t tt_utf8_len(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	/* the bounds of the second byte, which rule out overlong forms,
	 * surrogates and values past U+10FFFF (RFC 3629, Unicode Table 3-7) */
	unsigned char lo = 0x80, hi = 0xbf;
	size_t n;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		if (s[0] == 0xe0)
			lo = 0xa0;
		else if (s[0] == 0xed)
			hi = 0x9f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		if (s[0] == 0xf0)
			lo = 0x90;
		else if (s[0] == 0xf4)
			hi = 0x8f;
	} else {
		return 0;	/* a continuation byte, C0, C1, F5..FF */
	}
	if (!cont(s[1], lo, hi))
		return 0;
	/* a NUL (the end) is no continuation byte: nothing read past it */
	for (size_t i = 2; i < n; i++)
		if (!cont(s[i], 0x80, 0xbf))
			return 0;
	return n;
}

/* The replacement for the character of len bytes at s (len 0: a byte
 * that is not valid UTF-8), or NULL when it stands for itself. */
typedef const char *escape_fn(const unsigned char *s, size_t len,
			      char buf[16]);

/* One walk for both formats: runs of characters that stand for
 * themselves go out whole. */
static void walk(const char *str, escape_fn *esc, tt_put_fn *put, void *ctx)
{
	const char *run = str, *s = str;
	char buf[16];

	while (*s) {
		size_t len = tt_utf8_len(s);
		const char *e = esc((const unsigned char *)s, len, buf);

		if (!e) {
			s += len;
			continue;
		}
		if (s > run)
			put(ctx, run, (size_t)(s - run));
		put(ctx, e, strlen(e));
		s += len ? len : 1;
		run = s;
	}
	if (s > run)
		put(ctx, run, (size_t)(s - run));
}

static const char *json_char(const unsigned char *s, size_t len, char buf[16])
{
	if (len == 1 && (*s == '"' || *s == '\\')) {
		buf[0] = '\\';
		buf[1] = (char)*s;
		buf[2] = '\0';
		return buf;
	}
	if (len == 0 || *s < 0x20) {
		snprintf(buf, 16, "\\u%04x", *s);
		return buf;
	}
	return NULL;
}

void tt_json_escape(const char *s, tt_put_fn *put, void *ctx)
{
	walk(s, json_char, put, ctx);
}

static const char *xml_char(const unsigned char *s, size_t len, char buf[16])
{
	if (len == 0) {
		snprintf(buf, 16, "&#x%02X;", *s);
		return buf;
	}
	if (len == 3 && s[0] == 0xef && s[1] == 0xbf && s[2] >= 0xbe)
		return "\xef\xbf\xbd";	/* U+FFFE, U+FFFF: not XML */
	if (len > 1)
		return NULL;
	switch (*s) {
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '&': return "&amp;";
	case '"': return "&quot;";
	case '\t': return "&#9;";
	case '\n': return "&#10;";
	case '\r': return "&#13;";
	}
	return *s < 0x20 ? "\xef\xbf\xbd" : NULL;	/* U+FFFD */
}

void tt_xml_escape(const char *s, tt_put_fn *put, void *ctx)
{
	walk(s, xml_char, put, ctx);
}

void tt_put_file(void *fp, const char *p, size_t n)
{
	fwrite(p, 1, n, fp);
}
