/* adjtimex, clock_adjtime's older form (CLOCK_REALTIME implied): x86_64
 * and i386 have one entry point each, i386's with the 32-bit timex
 * (old_timex32), so it runs with the time32 variant only.  Nothing here
 * can set the clock: modes 0 and ADJ_OFFSET_SS_READ only read it, and
 * the rest are pointers the kernel cannot read. */
#include "e2e.h"

static const struct e2e_call adjtimex_call = {
	__NR_adjtimex, "adjtimex", "adjtimex"
};

static long adjtimex_(const struct e2e_variant *v, void *p)
{
	const struct e2e_call *c = &adjtimex_call;
	long r = syscall(c->nr, p);
	int err = errno;

	if (e2e_traced(c->name, c->family))
		e2e_call_line(e2e_adjtime_ret(r, err), "%s(%s", c->name,
			      e2e_out(v, c->name, p, r >= 0, e2e_timex_fn,
				      "txc_p"));
	errno = err;
	return r;
}

int main(void)
{
	e2e_init();
	FOR_EACH_VARIANT(v) {
		e2e_buf tx;

		if (v->compat64)
			continue;
		memset(&tx, 0, sizeof(tx));
		adjtimex_(v, &tx);
		memset(&tx, 0, sizeof(tx));
		tx.w[0] = 0xa001;	/* modes is the first 32 bits */
		adjtimex_(v, &tx);
		adjtimex_(v, NULL);
		adjtimex_(v, E2E_BAD_PTR);
		adjtimex_(v, e2e_straddling(e2e_timex_size(v)));
	}
	e2e_exit();
}
