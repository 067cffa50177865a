/* A POSIX timer's whole life in every ABI variant: timer_create with each
 * kind of sigevent (in the program's own layout: native or compat), a bad
 * clock, NULL and unreadable pointers; timer_gettime of an armed and a
 * disarmed timer; timer_getoverrun; timer_delete, twice. */
#include "e2e.h"

static void creates(void)
{
	struct sigevent sev;
	int id;

	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGRTMIN + 1;
	sev.sigev_value.sival_int = 42;
	e2e_timer_create_raw(CLOCK_MONOTONIC, &sev, &id);
	sev.sigev_notify = SIGEV_NONE;
	sev.sigev_value.sival_ptr = (void *)0x1234;
	e2e_timer_create_raw(CLOCK_REALTIME, &sev, &id);
	sev.sigev_notify = SIGEV_THREAD_ID;
	sev.sigev_signo = SIGALRM;
	sev._sigev_un._tid = (int)syscall(SYS_gettid);
	e2e_timer_create_raw(CLOCK_BOOTTIME, &sev, &id);
	/* For the kernel SIGEV_THREAD is a signal; glibc's thread fields
	 * are just data. */
	sev.sigev_notify = SIGEV_THREAD;
	sev.sigev_notify_function = (void (*)(union sigval))(uintptr_t)0x3def;
	sev.sigev_notify_attributes = NULL;
	e2e_timer_create_raw(CLOCK_MONOTONIC, &sev, &id);
	sev.sigev_notify_attributes = (pthread_attr_t *)(uintptr_t)0x4e00;
	e2e_timer_create_raw(CLOCK_MONOTONIC, &sev, &id);
	e2e_timer_create_raw(CLOCK_PROCESS_CPUTIME_ID, NULL, &id);

	/* Refused: an unknown notification, no thread, a bad signal, a bad
	 * clock, nowhere to write the id, an unreadable sigevent. */
	sev.sigev_notify = 77;
	e2e_timer_create_raw(CLOCK_MONOTONIC, &sev, &id);
	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_THREAD_ID;
	sev.sigev_signo = SIGUSR1;
	e2e_timer_create_raw(CLOCK_MONOTONIC, &sev, &id);
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = 99;
	e2e_timer_create_raw(CLOCK_MONOTONIC, &sev, &id);
	e2e_timer_create_raw(99, NULL, &id);
	e2e_timer_create_raw(CLOCK_MONOTONIC, NULL, NULL);
	e2e_timer_create_raw(CLOCK_MONOTONIC, (void *)8, &id);
	e2e_timer_create_raw(CLOCK_MONOTONIC, E2E_BAD_PTR, &id);
	/* Decoded when what ttrace reads is mapped (the kernel may read
	 * more), an address when not. */
	e2e_timer_create_raw(CLOCK_MONOTONIC,
			     e2e_straddling(sizeof(struct sigevent)), &id);
	e2e_timer_create_raw(CLOCK_MONOTONIC,
			     e2e_straddling(E2E_SIGEVENT_READ), &id);
	/* The attributes unmapped: an address (the i386 kernel, which
	 * reads only up to _tid, still takes it). */
	e2e_timer_create_raw(CLOCK_MONOTONIC,
			     e2e_straddling(E2E_SIGEVENT_READ - sizeof(void *)), &id);
}

static long gettime(const struct e2e_variant *v, int id, void *out)
{
	return e2e_call_struct(v, &v->timer_get, id, e2e_fmt("%d", id), out,
			       e2e_its_size(v), e2e_fmt_its, false, "setting");
}

int main(void)
{
	e2e_init();
	creates();
	FOR_EACH_VARIANT(v) {
		int id = e2e_timer_create(CLOCK_MONOTONIC, SIGEV_NONE, 0, NULL);
		e2e_buf nv, cur;

		/* Disarmed, then armed for an hour every 2.5 s: the time
		 * left is what the kernel says, whatever it is. */
		gettime(v, id, &cur);
		e2e_timer_settime(v, id, F(0),
				  e2e_put_its(v, &nv, 2, 500000000, 3600, 0),
				  NULL);
		gettime(v, id, &cur);
		gettime(v, id, NULL);
		gettime(v, id, E2E_BAD_PTR);
		gettime(v, id, e2e_straddling(e2e_its_size(v)));
		gettime(v, 4242, &cur);
		gettime(v, -1, &cur);

		e2e_call_int(&e2e_abi.timer_getoverrun, id, e2e_fmt("%d", id));
		e2e_call_int(&e2e_abi.timer_getoverrun, 4242, "4242");

		e2e_call_int(&e2e_abi.timer_delete, id, e2e_fmt("%d", id));
		e2e_call_int(&e2e_abi.timer_delete, id, e2e_fmt("%d", id));
		e2e_call_int(&e2e_abi.timer_delete, -1, "-1");
		gettime(v, id, &cur);
	}
	e2e_exit();
}
