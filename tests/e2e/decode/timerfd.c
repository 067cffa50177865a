/* timerfd_settime in every ABI variant: the cases it shares with
 * timer_settime (e2e_settime_cases), every flag case, bad descriptors. */
#include "e2e.h"

#include <fcntl.h>
#include <sys/timerfd.h>

int main(void)
{
	e2e_init();
	int fd = e2e_timerfd_create(CLOCK_MONOTONIC);
	int notfd = open("/dev/null", O_RDONLY);

	if (notfd < 0)
		e2e_broken("open /dev/null");
	FOR_EACH_VARIANT(v) {
		e2e_buf nv, ov;

		e2e_settime_cases(v, &v->tfd, fd);

		e2e_put_its(v, &nv, 0, 0, 100, 0);
		e2e_timerfd_settime(v, fd, 3,
				    "TFD_TIMER_ABSTIME|TFD_TIMER_CANCEL_ON_SET",
				    &nv, &ov);
		e2e_timerfd_settime(v, fd, 0x11, "TFD_TIMER_ABSTIME|0x10", &nv,
				    NULL);
		e2e_timerfd_settime(v, fd, 0x10, "0x10 /* TFD_??? */", &nv, NULL);
		e2e_timerfd_settime(v, fd, F(TFD_TIMER_ABSTIME), &nv, NULL);
		e2e_timerfd_settime(v, fd, F(TFD_TIMER_CANCEL_ON_SET), &nv, NULL);
		e2e_timerfd_settime(v, fd, 4, "0x4 /* TFD_??? */", &nv, NULL);
		/* strace names the timerfd_create flags here too. */
		e2e_timerfd_settime(v, fd, F(TFD_NONBLOCK), &nv, NULL);
		e2e_timerfd_settime(v, fd, F(TFD_CLOEXEC), &nv, NULL);
		e2e_timerfd_settime(v, fd, TFD_TIMER_ABSTIME | TFD_CLOEXEC |
				    TFD_NONBLOCK,
				    "TFD_TIMER_ABSTIME|TFD_CLOEXEC|TFD_NONBLOCK",
				    &nv, NULL);
		e2e_timerfd_settime(v, fd, -1,
				    "TFD_TIMER_ABSTIME|TFD_TIMER_CANCEL_ON_SET|"
				    "TFD_CLOEXEC|TFD_NONBLOCK|0xfff7f7fc",
				    &nv, NULL);

		e2e_timerfd_settime(v, 999, F(0), &nv, &ov);
		e2e_timerfd_settime(v, -1, F(0), &nv, NULL);
		e2e_timerfd_settime(v, notfd, F(0), &nv, &ov);
		e2e_timerfd_settime(v, fd, F(0), e2e_put_its(v, &nv, 0, 0, 0, 0),
				    NULL);
	}
	e2e_exit();
}
