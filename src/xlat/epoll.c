/* ttrace - constants of epoll (include/uapi/linux/eventpoll.h). */
#include "xlat/xlat.h"

/* The events of a struct epoll_event, in strace's order. */
TT_XLAT(tt_xlat_epoll_events, "EPOLL???",
	{ 0x00000001, "EPOLLIN" },
	{ 0x00000002, "EPOLLPRI" },
	{ 0x00000004, "EPOLLOUT" },
	{ 0x00000008, "EPOLLERR" },
	{ 0x00000010, "EPOLLHUP" },
	{ 0x00000020, "EPOLLNVAL" },
	{ 0x00000040, "EPOLLRDNORM" },
	{ 0x00000080, "EPOLLRDBAND" },
	{ 0x00000100, "EPOLLWRNORM" },
	{ 0x00000200, "EPOLLWRBAND" },
	{ 0x00000400, "EPOLLMSG" },
	{ 0x00002000, "EPOLLRDHUP" },
	{ 0x10000000, "EPOLLEXCLUSIVE" },
	{ 0x20000000, "EPOLLWAKEUP" },
	{ 0x40000000, "EPOLLONESHOT" },
	{ 0x80000000, "EPOLLET" },
);
