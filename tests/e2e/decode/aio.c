/* io_getevents and io_pgetevents (x86_64), io_getevents_time32,
 * io_pgetevents_time32 and io_pgetevents_time64 (i386), on an AIO
 * context whose reads of a pipe complete at once: events written, waits
 * that time out with fewer than min_nr (0), a zero timeout, arguments
 * the kernel refuses (EINVAL), unreadable pointers (EFAULT), a wait a
 * handled SIGALRM interrupts, and io_pgetevents' usig.  (The kernel
 * does not check the timeout's tv_nsec: a negative one waits forever.) */
#include "e2e.h"

#include <linux/aio_abi.h>

#define MS 1000000LL
#define SIGALRM_LINE "--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---"

static aio_context_t ctx;
static int pipefd[2];

/* io_pgetevents' struct __aio_sigset, in the program's longs */
struct usig {
	const sigset_t *sigmask;
	unsigned long sigsetsize;
};

static const char *fmt_events(const struct io_event *ev, long n, bool ok)
{
	char buf[1024];
	size_t k = 0;

	if (!ev)
		return "NULL";
	if (!ok)
		return e2e_addr(ev);
	buf[k++] = '[';
	for (long i = 0; i < n; i++) {
		k += snprintf(buf + k, sizeof(buf) - k, "%s{data=", i ? ", " : "");
		k += snprintf(buf + k, sizeof(buf) - k,
			      ev[i].data ? "%#llx" : "0",
			      (unsigned long long)ev[i].data);
		k += snprintf(buf + k, sizeof(buf) - k,
			      ", obj=%#llx, res=%lld, res2=%lld}",
			      (unsigned long long)ev[i].obj, (long long)ev[i].res,
			      (long long)ev[i].res2);
	}
	snprintf(buf + k, sizeof(buf) - k, "]");
	return e2e_fmt("%s", buf);
}

/* The set as strace shows it: the kernel's sigset is read only for a
 * size of whole longs up to its 8 bytes. */
static const char *fmt_usig(const struct usig *u)
{
	const char *set;

	if (!u)
		return "NULL";
	if (!e2e_readable(u, sizeof(*u)))
		return e2e_addr(u);
	if (!u->sigmask)
		set = "NULL";
	else if (u->sigsetsize && u->sigsetsize <= 8 &&
		 u->sigsetsize % sizeof(long) == 0 &&
		 e2e_readable(u->sigmask, 8))
		set = sigismember(u->sigmask, SIGUSR1) ? "[USR1]" : "[]";
	else
		set = e2e_addr(u->sigmask);
	return e2e_fmt("{sigmask=%s, sigsetsize=%lu}", set, u->sigsetsize);
}

static long getevents(const struct e2e_wait_call *w, long min_nr, long nr,
		      struct io_event *ev, const void *tmo,
		      const struct usig *usig, const char *ret)
{
	struct e2e_variant v = e2e_wait_layout(w);
	long r = ret ? -1 :
		w->usig ? syscall(w->c.nr, ctx, min_nr, nr, ev, tmo, usig) :
		syscall(w->c.nr, ctx, min_nr, nr, ev, tmo);
	int err = errno;

	if (e2e_traced(w->c.name, w->c.family)) {
		const char *events = fmt_events(ev, r, r >= 0);
		const char *t = e2e_in(&v, w->shown, tmo, e2e_ts_size(&v),
				       e2e_fmt_ts, "timeout");

		e2e_call_line(ret ? ret : e2e_ret(r, err),
			      "%s(%s, %ld, %ld, %s, %s%s%s", w->shown,
			      e2e_addr((void *)(uintptr_t)ctx), min_nr, nr,
			      events, t, w->usig ? ", " : "",
			      w->usig ? fmt_usig(usig) : "");
	}
	errno = err;
	return r;
}

/* A read of the pipe's 4 bytes, completed when io_submit returns. */
static struct iocb *submit_read(struct iocb *cb, char *buf, uint64_t data)
{
	struct iocb *list[1] = { cb };

	if (write(pipefd[1], "abcd", 4) != 4)
		e2e_broken("write");
	memset(cb, 0, sizeof(*cb));
	cb->aio_data = data;
	cb->aio_lio_opcode = IOCB_CMD_PREAD;
	cb->aio_fildes = (uint32_t)pipefd[0];
	cb->aio_buf = (uint64_t)(uintptr_t)buf;
	cb->aio_nbytes = 4;
	if (syscall(__NR_io_submit, ctx, 1, list) != 1)
		e2e_broken("io_submit");
	return cb;
}

/* A wait of 200 ms for an event that does not come, ended by a handled
 * SIGALRM after 40: io_getevents fails with EINTR, io_pgetevents with
 * ERESTARTNOHAND (fs/aio.c). */
static void interrupted(const struct e2e_wait_call *w)
{
	struct e2e_variant v = e2e_wait_layout(w);
	struct io_event ev[2];
	e2e_buf tmo;
	long r;

	e2e_handled_alarm(40000);
	e2e_put_ts(&v, &tmo, 0, 200 * MS);
	r = w->usig ? syscall(w->c.nr, ctx, 1L, 2L, ev, &tmo, NULL) :
		syscall(w->c.nr, ctx, 1L, 2L, ev, &tmo);
	if (!(r == -1 && errno == EINTR))
		e2e_broken("interrupted io_getevents");
	getevents(w, 1, 2, ev, &tmo, NULL,
		  w->usig ? E2E_RESTARTNOHAND : e2e_ret(-1, EINTR));
	e2e_line(SIGALRM_LINE);
}

int main(void)
{
	static const char *const runs[] = {
		"io_getevents,io_pgetevents", NULL
	};
	sigset_t usr1;

	e2e_init_runs(runs);
	if (pipe(pipefd) || syscall(__NR_io_setup, 8, &ctx))
		e2e_broken("io_setup");
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	FOR_EACH_WAIT_CALL(w, e2e_getevents) {
		struct e2e_variant v = e2e_wait_layout(w);
		struct usig us = { &usr1, 8 };
		struct io_event ev[2];
		struct iocb cb[2];
		char buf[2][8];
		e2e_buf tmo;

		/* one event, then two, written */
		submit_read(&cb[0], buf[0], 0);
		getevents(w, 1, 2, ev, e2e_put_ts(&v, &tmo, 1, 0), &us, NULL);
		submit_read(&cb[0], buf[0], 0x1234);
		submit_read(&cb[1], buf[1], 7);
		getevents(w, 2, 2, ev, NULL, NULL, NULL);
		/* none: the timeout expires, or is 0 */
		getevents(w, 1, 2, ev, e2e_put_ts(&v, &tmo, 0, 10 * MS), &us,
			  NULL);
		getevents(w, 1, 2, ev, e2e_put_ts(&v, &tmo, 0, 0), NULL, NULL);
		getevents(w, 0, 2, ev, e2e_put_ts(&v, &tmo, 0, 0), NULL, NULL);
		/* refused */
		getevents(w, 3, 2, ev, e2e_put_ts(&v, &tmo, 0, 0), NULL, NULL);
		getevents(w, -1, 2, ev, e2e_put_ts(&v, &tmo, 0, 0), NULL, NULL);
		getevents(w, 1, 2, ev, E2E_BAD_PTR, NULL, NULL);
		getevents(w, 1, 2, ev, e2e_straddling(e2e_ts_size(&v)), NULL,
			  NULL);
		if (w->usig) {
			us.sigsetsize = 4;
			getevents(w, 1, 2, ev, e2e_put_ts(&v, &tmo, 0, 0), &us,
				  NULL);
			us.sigmask = NULL;
			us.sigsetsize = 8;
			getevents(w, 1, 2, ev, e2e_put_ts(&v, &tmo, 0, 0), &us,
				  NULL);
			getevents(w, 1, 2, ev, e2e_put_ts(&v, &tmo, 0, 0),
				  E2E_BAD_PTR, NULL);
		}
		interrupted(w);
	}
	e2e_exit();
}
