/* semtimedop (x86_64), semtimedop_time64 and ipc(SEMTIMEDOP, ...) (i386,
 * shown as semtimedop, as strace shows it), and i386 ipc(SEMOP, ...)
 * (shown as semop): operations done, waits that time out (EAGAIN), a
 * zero timeout, operations and timeouts the kernel refuses (EINVAL),
 * unreadable pointers (EFAULT), and a wait a handled SIGALRM
 * interrupts (EINTR); -e trace=semtimedop shows ipc's SEMTIMEDOP and not
 * its SEMOP. */
#include "e2e.h"

#include <sys/sem.h>

#define MS 1000000LL
#define SIGALRM_LINE "--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---"

static const char *fmt_flg(short flg)
{
	unsigned left = (unsigned short)flg;
	const char *s = "";

	if (!left)
		return "0";
	if (left & SEM_UNDO) {
		s = "SEM_UNDO";
		left &= ~SEM_UNDO;
	}
	if (left & IPC_NOWAIT) {
		s = e2e_fmt("%s%sIPC_NOWAIT", s, *s ? "|" : "");
		left &= ~IPC_NOWAIT;
	}
	if (left)
		s = *s ? e2e_fmt("%s|%#x", s, left) :
			e2e_fmt("%#x /* SEM_??? */", left);
	return s;
}

static const char *fmt_sops(const struct sembuf *sb, unsigned n)
{
	char buf[1024];
	size_t k = 0;

	if (!n)
		return "[]";
	if (!e2e_readable(sb, n * sizeof(*sb)))
		return e2e_addr(sb);
	buf[k++] = '[';
	for (unsigned i = 0; i < n; i++)
		k += snprintf(buf + k, sizeof(buf) - k,
			      "%s{sem_num=%u, sem_op=%d, sem_flg=%s}",
			      i ? ", " : "", (unsigned)sb[i].sem_num,
			      (int)sb[i].sem_op, fmt_flg(sb[i].sem_flg));
	snprintf(buf + k, sizeof(buf) - k, "]");
	return e2e_fmt("%s", buf);
}

static long raw_call(const struct e2e_wait_call *w, int id,
		     struct sembuf *sb, unsigned n, const void *tmo)
{
#ifdef __i386__
	if (w->ipc)
		return syscall(w->c.nr, 4 /* SEMTIMEDOP */, id, n, 0, sb, tmo);
#endif
	return syscall(w->c.nr, id, sb, n, tmo);
}

/* One call and its line; ret: the text of an interrupted call's return. */
static long semtimedop_line(const struct e2e_wait_call *w, int id,
			    struct sembuf *sb, unsigned n, const void *tmo,
			    const char *ret)
{
	struct e2e_variant v = e2e_wait_layout(w);
	const char *sops = fmt_sops(sb, n);
	long r = ret ? -1 : raw_call(w, id, sb, n, tmo);
	int err = errno;

	/* -e trace=semtimedop selects ipc's SEMTIMEDOP too */
	if (e2e_traced(w->c.name, w->c.family) ||
	    (w->ipc && e2e_traced(w->shown, w->shown)))
		e2e_call_line(ret ? ret : e2e_ret(r, err), "%s(%d, %s, %u, %s",
			      w->shown, id, sops, n,
			      e2e_in(&v, w->shown, tmo, e2e_ts_size(&v),
				     e2e_fmt_ts, "timeout"));
	errno = err;
	return r;
}

static void semop_ipc(int id, struct sembuf *sb, unsigned n)
{
#ifdef __i386__
	const char *sops = fmt_sops(sb, n);
	long r = syscall(__NR_ipc, 1 /* SEMOP */, id, n, 0, sb, 0);
	int err = errno;

	if (e2e_traced("ipc", "ipc"))
		e2e_call_line(e2e_ret(r, err), "semop(%d, %s, %u", id, sops, n);
#else
	(void)id;
	(void)sb;
	(void)n;
#endif
}

/* A wait of 200 ms a handled SIGALRM ends after 40. */
static void interrupted(const struct e2e_wait_call *w, int id)
{
	struct e2e_variant v = e2e_wait_layout(w);
	struct sembuf sb = { 0, -1, 0 };
	e2e_buf tmo;
	long r;

	e2e_handled_alarm(40000);
	e2e_put_ts(&v, &tmo, 0, 200 * MS);
	r = raw_call(w, id, &sb, 1, &tmo);
	if (!(r == -1 && errno == EINTR))
		e2e_broken("interrupted semtimedop");
	semtimedop_line(w, id, &sb, 1, &tmo, e2e_ret(-1, EINTR));
	e2e_line(SIGALRM_LINE);
}

int main(void)
{
	static const char *const runs[] = { "semtimedop,ipc", "semtimedop",
					    NULL };
	int id;

	e2e_init_runs(runs);
	id = (int)syscall(__NR_semget, IPC_PRIVATE, 1, IPC_CREAT | 0600);
	if (id < 0)
		e2e_broken("semget");
	FOR_EACH_WAIT_CALL(w, e2e_semtimedops) {
		struct e2e_variant v = e2e_wait_layout(w);
		struct sembuf up = { 0, 1, SEM_UNDO | IPC_NOWAIT };
		struct sembuf down = { 0, -1, 0 };
		struct sembuf two[2] = { { 0, 1, 0 }, { 0, -1, 0 } };
		struct sembuf odd = { 0, 0, 0x6000 | IPC_NOWAIT };
		e2e_buf tmo;

		/* done at once, no timeout and with one */
		semtimedop_line(w, id, &up, 1, NULL, NULL);
		semtimedop_line(w, id, &down, 1, e2e_put_ts(&v, &tmo, 0, 10 * MS),
				NULL);
		semtimedop_line(w, id, two, 2, e2e_put_ts(&v, &tmo, 1, 0), NULL);
		/* the semaphore is 0: the timeout expires, or is 0 */
		semtimedop_line(w, id, &down, 1, e2e_put_ts(&v, &tmo, 0, 10 * MS),
				NULL);
		semtimedop_line(w, id, &down, 1, e2e_put_ts(&v, &tmo, 0, 0), NULL);
		/* waits for 0: already */
		semtimedop_line(w, id, &odd, 1, e2e_put_ts(&v, &tmo, 0, 0), NULL);
		/* refused */
		semtimedop_line(w, id, &down, 0, e2e_put_ts(&v, &tmo, 0, 0), NULL);
		semtimedop_line(w, id, &down, 1, e2e_put_ts(&v, &tmo, 0, -1), NULL);
		semtimedop_line(w, id, &down, 1, e2e_put_ts(&v, &tmo, -1, 0), NULL);
		semtimedop_line(w, id, E2E_BAD_PTR, 1, NULL, NULL);
		semtimedop_line(w, id, &down, 1, E2E_BAD_PTR, NULL);
		semtimedop_line(w, id, &down, 1,
				e2e_straddling(e2e_ts_size(&v)), NULL);
		interrupted(w, id);
	}
	semop_ipc(id, &(struct sembuf){ 0, 1, 0 }, 1);
	semop_ipc(id, &(struct sembuf){ 0, -1, IPC_NOWAIT }, 1);
	semop_ipc(id, &(struct sembuf){ 0, -1, IPC_NOWAIT }, 1);
	if (syscall(__NR_semctl, id, 0, IPC_RMID, 0))
		e2e_broken("semctl");
	e2e_exit();
}
