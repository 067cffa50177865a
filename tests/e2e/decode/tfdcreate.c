/* timerfd_create (flags, bad clocks) and timerfd_gettime in every ABI
 * variant (disarmed, armed, bad descriptors, NULL and unreadable
 * pointers). */
#include "e2e.h"

#include <fcntl.h>
#include <sys/timerfd.h>

static long gettime(const struct e2e_variant *v, int fd, void *out)
{
	return e2e_call_struct(v, &v->tfd_get, fd, e2e_fmt("%d", fd), out,
			       e2e_its_size(v), e2e_fmt_its, false, "otmr");
}

int main(void)
{
	e2e_init();
	int notfd = open("/dev/null", O_RDONLY);
	long fd;

	if (notfd < 0)
		e2e_broken("open /dev/null");
	fd = e2e_timerfd_create_raw(CLOCK_MONOTONIC,
				    TFD_CLOEXEC | TFD_NONBLOCK,
				    "TFD_CLOEXEC|TFD_NONBLOCK");
	close((int)fd);
	fd = e2e_timerfd_create_raw(CLOCK_REALTIME, F(TFD_CLOEXEC));
	close((int)fd);
	fd = e2e_timerfd_create_raw(CLOCK_BOOTTIME, F(TFD_NONBLOCK));
	close((int)fd);
	e2e_timerfd_create_raw(CLOCK_MONOTONIC, 0x10, "0x10 /* TFD_??? */");
	e2e_timerfd_create_raw(CLOCK_MONOTONIC, TFD_NONBLOCK | 0x10,
			       "TFD_NONBLOCK|0x10");
	e2e_timerfd_create_raw(CLOCK_PROCESS_CPUTIME_ID, 0, "0");
	e2e_timerfd_create_raw(99, 0, "0");

	int tfd = e2e_timerfd_create(CLOCK_MONOTONIC);

	FOR_EACH_VARIANT(v) {
		e2e_buf nv, cur;

		gettime(v, tfd, &cur);
		e2e_timerfd_settime(v, tfd, F(0),
				    e2e_put_its(v, &nv, 3, 250, 3600, 0), NULL);
		gettime(v, tfd, &cur);
		gettime(v, tfd, NULL);
		gettime(v, tfd, E2E_BAD_PTR);
		gettime(v, tfd, e2e_straddling(e2e_its_size(v)));
		gettime(v, 999, &cur);
		gettime(v, notfd, &cur);
		e2e_timerfd_settime(v, tfd, F(0), e2e_put_its(v, &nv, 0, 0, 0, 0),
				    NULL);
	}
	e2e_exit();
}
