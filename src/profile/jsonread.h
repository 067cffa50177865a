/* ttrace - a small JSON reader for the files ttrace reads back (timing
 * profiles).  It builds a tree; numbers that are integers are kept exact
 * as int64. */
#ifndef TTRACE_JSONREAD_H
#define TTRACE_JSONREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum tt_jtype { TJ_NULL, TJ_BOOL, TJ_INT, TJ_NUMBER, TJ_STRING, TJ_ARRAY,
		TJ_OBJECT };

struct tt_json {
	enum tt_jtype type;
	bool b;
	int64_t i;		/* TJ_INT */
	double d;		/* TJ_INT and TJ_NUMBER */
	char *s;		/* TJ_STRING, NUL-terminated (no NUL inside) */
	size_t n;		/* TJ_ARRAY, TJ_OBJECT: members */
	struct tt_json *kid;	/* members */
	char **key;		/* TJ_OBJECT: their names */
	unsigned line;		/* where the value starts, for messages */
};

struct tt_json_error {
	char msg[128];
	unsigned line, col;
	bool truncated;		/* the text ended inside a value */
};

/* Parses text[0..len) as one JSON value with nothing but white space
 * after it.  Returns the tree (free with tt_json_free), or NULL with *err
 * filled in. */
struct tt_json *tt_json_parse(const char *text, size_t len,
			      struct tt_json_error *err);
void tt_json_free(struct tt_json *j);

/* The member called key of an object, or NULL. */
const struct tt_json *tt_json_get(const struct tt_json *obj, const char *key);

#endif
