/* ttrace fuzz target: the command line (tt_options_parse, which also
 * parses -e trace= through src/cli/select.c).
 *
 * Input: the arguments after "ttrace", separated by NUL bytes (at most
 * 32).  Each is copied into a buffer of exactly its size.  getopt starts
 * over (optind = 0) and tt_opt is cleared, its pids freed, around every
 * run.  --help and --version print to stdout, which goes to /dev/null;
 * usage errors go to stderr (the fuzz runs close it: -close_fd_mask). */
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "options.h"
#include "fuzz.h"

#define MAX_ARGS 32

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int null = open("/dev/null", O_WRONLY);

	(void)argc;
	(void)argv;
	if (null >= 0) {
		dup2(null, STDOUT_FILENO);
		close(null);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[MAX_ARGS + 2];
	int argc = 0;
	const char *p = (const char *)data, *end = p + size;
	char name[] = "ttrace";

	argv[argc++] = name;
	while (p < end && argc <= MAX_ARGS) {
		const char *nul = memchr(p, '\0', (size_t)(end - p));
		size_t len = nul ? (size_t)(nul - p) : (size_t)(end - p);
		char *a = malloc(len + 1);

		if (!a)
			abort();
		memcpy(a, p, len);
		a[len] = '\0';
		argv[argc++] = a;
		p += len + 1;
	}
	argv[argc] = NULL;

	memset(&tt_opt, 0, sizeof(tt_opt));
	optind = 0;
	tt_options_parse(argc, argv);
	/* What it kept must be a part of argv. */
	if (tt_opt.argv && (tt_opt.argv < argv + 1 || tt_opt.argv >= argv + argc))
		abort();
	free(tt_opt.pids);
	memset(&tt_opt, 0, sizeof(tt_opt));
	for (int i = 1; i < argc; i++)
		free(argv[i]);
	return 0;
}
