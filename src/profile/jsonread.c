/* ttrace - a small JSON reader (RFC 8259), strict: no comments, no
 * trailing commas, no NUL in strings, bounded nesting. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "jsonstr.h"
#include "profile/jsonread.h"

#define MAX_DEPTH 64

struct reader {
	const char *p, *end, *start;
	unsigned line;
	const char *line_start;
	struct tt_json_error *err;
};

static bool fail(struct reader *r, const char *fmt, ...) TT_PRINTF(2, 3);
static bool fail(struct reader *r, const char *fmt, ...)
{
	va_list ap;

	if (r->err->msg[0])
		return false;	/* the first error is the one to report */
	va_start(ap, fmt);
	vsnprintf(r->err->msg, sizeof(r->err->msg), fmt, ap);
	va_end(ap);
	r->err->line = r->line;
	r->err->col = (unsigned)(r->p - r->line_start) + 1;
	r->err->truncated = r->p >= r->end;
	return false;
}

static void skip_space(struct reader *r)
{
	for (; r->p < r->end; r->p++) {
		if (*r->p == '\n') {
			r->line++;
			r->line_start = r->p + 1;
		} else if (*r->p != ' ' && *r->p != '\t' && *r->p != '\r') {
			break;
		}
	}
}

static bool expect_word(struct reader *r, const char *word)
{
	size_t n = strlen(word), left = (size_t)(r->end - r->p);
	bool truncated = left < n;

	if (memcmp(r->p, word, truncated ? left : n))
		return fail(r, "unexpected character '%c'", *r->p);
	if (truncated) {
		r->p = r->end;
		return fail(r, "the text ends inside '%s'", word);
	}
	r->p += n;
	return true;
}

static int hex4(const char *s)
{
	int v = 0;

	for (int i = 0; i < 4; i++) {
		int c = s[i], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		v = v * 16 + d;
	}
	return v;
}

static size_t put_utf8(char *out, unsigned cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* A string starting at the opening quote; the result is malloc'd.  An
 * escape never grows the text (\uXXXX is 6 bytes, at most 4 in UTF-8). */
static char *string(struct reader *r)
{
	const char *q = r->p + 1;
	char *out, *o;

	for (; q < r->end && *q != '"'; q++)
		if (*q == '\\' && q + 1 < r->end)
			q++;
	if (q >= r->end) {
		r->p = r->end;
		fail(r, "the text ends inside a string");
		return NULL;
	}
	o = out = tt_xmalloc((size_t)(q - r->p));
	for (r->p++; *r->p != '"'; r->p++) {
		unsigned char c = (unsigned char)*r->p;
		int cp, lo;

		if (c < 0x20) {
			fail(r, "a control character in a string");
			goto bad;
		}
		if (c >= 0x80) {
			/* JSON text is UTF-8 (RFC 8259); the closing quote
			 * ends any sequence cut short */
			size_t n = tt_utf8_len(r->p);

			if (!n) {
				fail(r, "a string that is not UTF-8");
				goto bad;
			}
			memcpy(o, r->p, n);
			o += n;
			r->p += n - 1;
			continue;
		}
		if (c != '\\') {
			*o++ = (char)c;
			continue;
		}
		switch (*++r->p) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '/': *o++ = '/'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u':
			if (q - r->p < 5 || (cp = hex4(r->p + 1)) < 0) {
				fail(r, "a bad \\u escape");
				goto bad;
			}
			r->p += 4;
			if (cp >= 0xd800 && cp < 0xdc00 && q - r->p >= 7 &&
			    r->p[1] == '\\' && r->p[2] == 'u' &&
			    (lo = hex4(r->p + 3)) >= 0xdc00 && lo < 0xe000) {
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				r->p += 6;
			} else if (cp >= 0xd800 && cp < 0xe000) {
				fail(r, "a lone UTF-16 surrogate");
				goto bad;
			}
			if (cp == 0) {
				fail(r, "a NUL character in a string");
				goto bad;
			}
			o += put_utf8(o, (unsigned)cp);
			break;
		default:
			fail(r, "a bad escape in a string");
			goto bad;
		}
	}
	r->p++;
	*o = '\0';
	return out;
bad:
	free(out);
	return NULL;
}

static bool number(struct reader *r, struct tt_json *j)
{
	const char *s = r->p, *q = s;
	char buf[64], *end;
	bool integer = true;

	if (q < r->end && *q == '-')
		q++;
	if (q >= r->end)
		return r->p = q, fail(r, "the text ends inside a number");
	if (*q == '0')
		q++;
	else if (*q >= '1' && *q <= '9')
		while (q < r->end && *q >= '0' && *q <= '9')
			q++;
	else
		return r->p = q, fail(r, "a bad number");
	if (q < r->end && *q == '.') {
		integer = false;
		if (++q >= r->end || *q < '0' || *q > '9')
			return r->p = q, fail(r, q >= r->end ?
					      "the text ends inside a number" :
					      "a bad number");
		while (q < r->end && *q >= '0' && *q <= '9')
			q++;
	}
	if (q < r->end && (*q == 'e' || *q == 'E')) {
		integer = false;
		if (++q < r->end && (*q == '+' || *q == '-'))
			q++;
		if (q >= r->end || *q < '0' || *q > '9')
			return r->p = q, fail(r, q >= r->end ?
					      "the text ends inside a number" :
					      "a bad number");
		while (q < r->end && *q >= '0' && *q <= '9')
			q++;
	}
	if ((size_t)(q - s) >= sizeof(buf))
		return fail(r, "a number too long");
	memcpy(buf, s, (size_t)(q - s));
	buf[q - s] = '\0';
	r->p = q;
	j->type = TJ_NUMBER;
	j->d = strtod(buf, NULL);
	if (integer) {
		errno = 0;
		j->i = strtoll(buf, &end, 10);
		if (errno == 0)
			j->type = TJ_INT;
	}
	return true;
}

static bool value(struct reader *r, struct tt_json *j, unsigned depth);

/* The members of an array or object, after the opening bracket. */
static bool members(struct reader *r, struct tt_json *j, unsigned depth,
		    char close)
{
	size_t cap = 0;

	skip_space(r);
	if (r->p < r->end && *r->p == close) {
		r->p++;
		return true;
	}
	for (;;) {
		skip_space(r);
		if (j->n == cap) {
			cap = cap ? 2 * cap : 4;
			j->kid = tt_xreallocarray(j->kid, cap, sizeof(*j->kid));
			if (close == '}')
				j->key = tt_xreallocarray(j->key, cap,
							  sizeof(*j->key));
		}
		memset(&j->kid[j->n], 0, sizeof(j->kid[j->n]));
		if (close == '}') {
			j->key[j->n] = NULL;
			if (r->p >= r->end)
				return fail(r, "the text ends inside an object");
			if (*r->p != '"')
				return fail(r, "expected a member name in quotes");
			if (!(j->key[j->n] = string(r)))
				return (j->n++, false);
			skip_space(r);
			if (r->p >= r->end)
				return (j->n++, fail(r, "the text ends inside an object"));
			if (*r->p != ':')
				return (j->n++, fail(r, "expected ':' after a member name"));
			r->p++;
		}
		j->n++;
		if (!value(r, &j->kid[j->n - 1], depth + 1))
			return false;
		skip_space(r);
		if (r->p >= r->end)
			return fail(r, "the text ends inside %s",
				    close == '}' ? "an object" : "an array");
		if (*r->p == close) {
			r->p++;
			return true;
		}
		if (*r->p != ',')
			return fail(r, "expected ',' or '%c'", close);
		r->p++;
	}
}

static bool value(struct reader *r, struct tt_json *j, unsigned depth)
{
	skip_space(r);
	j->line = r->line;
	if (r->p >= r->end)
		return fail(r, "the text ends where a value was expected");
	if (depth > MAX_DEPTH)
		return fail(r, "nested deeper than %d", MAX_DEPTH);
	switch (*r->p) {
	case '{':
		r->p++;
		j->type = TJ_OBJECT;
		return members(r, j, depth, '}');
	case '[':
		r->p++;
		j->type = TJ_ARRAY;
		return members(r, j, depth, ']');
	case '"':
		j->type = TJ_STRING;
		return (j->s = string(r)) != NULL;
	case 't':
		j->type = TJ_BOOL;
		j->b = true;
		return expect_word(r, "true");
	case 'f':
		j->type = TJ_BOOL;
		return expect_word(r, "false");
	case 'n':
		j->type = TJ_NULL;
		return expect_word(r, "null");
	default:
		if (*r->p != '-' && (*r->p < '0' || *r->p > '9'))
			return fail(r, "unexpected character '%c'", *r->p);
		return number(r, j);
	}
}

static void free_members(struct tt_json *j)
{
	for (size_t i = 0; i < j->n; i++) {
		free_members(&j->kid[i]);
		if (j->key)
			free(j->key[i]);
	}
	free(j->kid);
	free(j->key);
	free(j->s);
}

void tt_json_free(struct tt_json *j)
{
	if (!j)
		return;
	free_members(j);
	free(j);
}

struct tt_json *tt_json_parse(const char *text, size_t len,
			      struct tt_json_error *err)
{
	struct reader r = { text, text + len, text, 1, text, err };
	struct tt_json *j = tt_xmalloc(sizeof(*j));

	memset(err, 0, sizeof(*err));
	memset(j, 0, sizeof(*j));
	if (memchr(text, '\0', len)) {
		r.p = memchr(text, '\0', len);
		fail(&r, "a NUL byte in the text");
	} else if (value(&r, j, 0)) {
		skip_space(&r);
		if (r.p == r.end)
			return j;
		fail(&r, "more text after the value");
	}
	tt_json_free(j);
	return NULL;
}

const struct tt_json *tt_json_get(const struct tt_json *obj, const char *key)
{
	if (!obj || obj->type != TJ_OBJECT)
		return NULL;
	for (size_t i = 0; i < obj->n; i++)
		if (strcmp(obj->key[i], key) == 0)
			return &obj->kid[i];
	return NULL;
}
