/* ttrace - constants of the waits (poll, select, epoll, futex...). */
#include "xlat/xlat.h"

/* include/uapi/asm-generic/poll.h; x86 has no arch override */
TT_XLAT(tt_xlat_poll_events, "POLL???",
	{ 0x0001, "POLLIN" },
	{ 0x0002, "POLLPRI" },
	{ 0x0004, "POLLOUT" },
	{ 0x0008, "POLLERR" },
	{ 0x0010, "POLLHUP" },
	{ 0x0020, "POLLNVAL" },
	{ 0x0040, "POLLRDNORM" },
	{ 0x0080, "POLLRDBAND" },
	{ 0x0100, "POLLWRNORM" },
	{ 0x0200, "POLLWRBAND" },
	{ 0x0400, "POLLMSG" },
	{ 0x1000, "POLLREMOVE" },
	{ 0x2000, "POLLRDHUP" },
);

/* What strace prints after a wait that returned 0 */
TT_XLAT(tt_xlat_timeout_ret, "",
	{ 0, "Timeout" },
);
