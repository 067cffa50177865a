/* ttrace unit tests: one runner for every module's suite.
 *
 * CK_ENV: CK_FORK=no runs every test in this process (for valgrind),
 * CK_RUN_SUITE / CK_RUN_CASE pick a part.  Exits non-zero on any failure. */
#include <stdlib.h>

#include "unit.h"

int main(void)
{
	SRunner *sr = srunner_create(make_decode_suite());
	int failed;

	srunner_add_suite(sr, make_text_suite());
	srunner_add_suite(sr, make_tables_suite());
	srunner_add_suite(sr, make_select_suite());
	srunner_add_suite(sr, make_options_suite());
	srunner_add_suite(sr, make_xlat_suite());
	srunner_add_suite(sr, make_umove_suite());
	srunner_add_suite(sr, make_core_suite());
	srunner_add_suite(sr, make_json_suite());
	srunner_add_suite(sr, make_summary_suite());
	srunner_add_suite(sr, make_profile_suite());
	srunner_add_suite(sr, make_profile_ci_suite());
	srunner_add_suite(sr, make_elfinfo_suite());
	srunner_add_suite(sr, make_timing_suite());
	srunner_add_suite(sr, make_seccomp_suite());
	/* last: the timeline, once opened, stays among the renderers */
	srunner_add_suite(sr, make_timeline_suite());
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
