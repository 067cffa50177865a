/* ttrace - what a profile says about itself, beside its groups: how many
 * requests it holds, and where it came from (version 2): the command
 * line it was recorded from and the ttrace that recorded it.  A check
 * warns when either differs from the run's; a profile without them (a
 * version 1 profile, a run attached with -p) has nothing to compare. */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "jsonstr.h"
#include "profile/jsonread.h"
#include "profile/profile.h"

unsigned long tt_group_requests(const struct tt_prof_group *g)
{
	unsigned long n = g->starts;

	for (size_t k = 0; k < g->nreq; k++)
		n += g->req[k].count;
	return n;
}

unsigned long tt_profile_requests(const struct tt_profile *p)
{
	unsigned long n = 0;

	for (size_t i = 0; i < p->ng; i++)
		/* those at or below the floor are compared too: a busy loop */
		n += tt_group_requests(&p->g[i]) + p->g[i].below;
	return n;
}

static void put_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	tt_json_escape(s, tt_put_file, fp);
	fputc('"', fp);
}

/* s as a profile keeps it: written as JSON and read back, a byte that is
 * not valid UTF-8 becomes the character U+00XX (doc/JSON.md), so that a
 * run's command line compares equal to the one its profile recorded. */
static char *as_kept(const char *s)
{
	struct tt_json_error err;
	struct tt_json *j;
	char *text = NULL, *kept;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	if (!fp)
		tt_die_oom();
	put_string(fp, s);
	if (fclose(fp) != 0)
		tt_die_oom();
	j = tt_json_parse(text, len, &err);
	kept = tt_xstrdup(j ? j->s : s);
	tt_json_free(j);
	free(text);
	return kept;
}

void tt_profile_set_origin(struct tt_profile *p, char *const *argv,
			   const char *version)
{
	tt_profile_free_origin(p);
	for (size_t i = 0; argv && argv[i]; i++) {
		p->command = tt_xreallocarray(p->command, i + 1,
					      sizeof(*p->command));
		p->command[i] = as_kept(argv[i]);
		p->ncommand = i + 1;
	}
	p->version = version ? tt_xstrdup(version) : NULL;
}

void tt_profile_free_origin(struct tt_profile *p)
{
	for (size_t i = 0; i < p->ncommand; i++)
		free(p->command[i]);
	free(p->command);
	free(p->version);
	p->command = NULL;
	p->ncommand = 0;
	p->version = NULL;
}

void tt_profile_write_origin(const struct tt_profile *p, FILE *fp)
{
	if (p->version) {
		fputs("  \"ttrace_version\": ", fp);
		put_string(fp, p->version);
		fputs(",\n", fp);
	}
	if (!p->ncommand)
		return;
	fputs("  \"command\": [", fp);
	for (size_t i = 0; i < p->ncommand; i++) {
		fputs(i ? ", " : "", fp);
		put_string(fp, p->command[i]);
	}
	fputs("],\n", fp);
}

bool tt_profile_load_origin(const struct tt_json *j, struct tt_profile *p,
			    char *msg, size_t size)
{
	const struct tt_json *ver = tt_json_get(j, "ttrace_version");
	const struct tt_json *cmd = tt_json_get(j, "command");

	if (ver && ver->type != TJ_STRING) {
		snprintf(msg, size, "\"ttrace_version\" is not a string "
			 "(line %u)", ver->line);
		return false;
	}
	if (cmd && (cmd->type != TJ_ARRAY || !cmd->n)) {
		snprintf(msg, size, "\"command\" is not a list of one or more "
			 "strings (line %u)", cmd->line);
		return false;
	}
	for (size_t i = 0; cmd && i < cmd->n; i++)
		if (cmd->kid[i].type != TJ_STRING) {
			snprintf(msg, size, "command[%zu] is not a string "
				 "(line %u)", i, cmd->kid[i].line);
			return false;
		}
	tt_profile_free_origin(p);
	if (ver)
		p->version = tt_xstrdup(ver->s);
	for (size_t i = 0; cmd && i < cmd->n; i++) {
		p->command = tt_xreallocarray(p->command, i + 1,
					      sizeof(*p->command));
		p->command[i] = tt_xstrdup(cmd->kid[i].s);
		p->ncommand = i + 1;
	}
	return true;
}

/* A word as a POSIX shell reads it back: as it is when it holds nothing
 * the shell would take apart, else in single quotes. */
static void shell_word(FILE *fp, const char *w)
{
	if (*w && strspn(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			 "0123456789_@%+=:,./-") == strlen(w)) {
		fputs(w, fp);
		return;
	}
	fputc('\'', fp);
	for (; *w; w++)
		if (*w == '\'')
			fputs("'\\''", fp);
		else
			fputc(*w, fp);
	fputc('\'', fp);
}

char *tt_profile_command_line(const struct tt_profile *p)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	if (!fp)
		tt_die_oom();
	for (size_t i = 0; i < p->ncommand; i++) {
		if (i)
			fputc(' ', fp);
		shell_word(fp, p->command[i]);
	}
	if (fclose(fp) != 0)
		tt_die_oom();
	return text;
}

static bool same_command(const struct tt_profile *a, const struct tt_profile *b)
{
	if (a->ncommand != b->ncommand)
		return false;
	for (size_t i = 0; i < a->ncommand; i++)
		if (strcmp(a->command[i], b->command[i]))
			return false;
	return true;
}

unsigned tt_profile_origin_warn(const struct tt_profile *was,
				const struct tt_profile *now, const char *label,
				const char *was_name, const char *now_name)
{
	unsigned n = 0;

	if (was->version && now->version && strcmp(was->version, now->version)) {
		tt_warning("%s: warning: the ttrace version differs: %s %s, %s %s",
			 label, was_name, was->version, now_name, now->version);
		n++;
	}
	if (was->ncommand && now->ncommand && !same_command(was, now)) {
		char *a = tt_profile_command_line(was);
		char *b = tt_profile_command_line(now);

		tt_warning("%s: warning: the command line differs: %s %s, %s %s",
			 label, was_name, a, now_name, b);
		free(a);
		free(b);
		n++;
	}
	return n;
}

const char *tt_profile_selection_differs(const struct tt_profile *a,
					 const struct tt_profile *b, bool *in_a)
{
	size_t i = 0, k = 0;

	while (i < a->nsel || k < b->nsel) {
		int c = i == a->nsel ? 1 : k == b->nsel ? -1 :
			strcmp(a->selection[i], b->selection[k]);

		if (c) {
			*in_a = c < 0;
			return c < 0 ? a->selection[i] : b->selection[k];
		}
		i++;
		k++;
	}
	return NULL;
}
