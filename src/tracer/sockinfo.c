/* ttrace - -yy: a socket as strace 6.1 shows it.
 *
 * The protocol's name is the socket's "system.sockprotoname" attribute
 * (UNIX, UNIX-STREAM, TCP, UDPv6, NETLINK...), read through the
 * /proc/TID/fd/N link.  What follows in brackets comes from the kernel's
 * sock_diag netlink family: a UNIX socket by its inode (its peer's inode
 * when it has one, its bound name), a TCP or UDP socket found by its
 * inode in a dump of its family and protocol (local address and port,
 * the remote ones when connected).  Otherwise, as strace: the inode. */
#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "procfs.h"
#include "sockinfo.h"
#include "strescape.h"

/* One request, its answers into buf; the length read, or -1. */
static ssize_t diag_ask(const void *req, size_t len, void *buf, size_t size,
			int *sock)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };

	*sock = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (*sock < 0)
		return -1;
	if (sendto(*sock, req, len, 0, (struct sockaddr *)&nl, sizeof(nl)) !=
	    (ssize_t)len)
		return -1;
	return recv(*sock, buf, size, 0);
}


/* A bound name as strace shows it: up to its first NUL, quoted; an
 * abstract one (a NUL first) as @ and the rest up to the next NUL. */
static void unix_name(const char *s, size_t len, char *out, size_t size)
{
	size_t at = 0;

	if (size < 4)
		return;
	if (s[0] == '\0') {
		out[at++] = '@';
		s++;
		len--;
	}
	len = strnlen(s, len);
	out[at++] = '"';
	at += tt_strace_escape(s, len, false, out + at, size - at - 1);
	out[at++] = '"';
	out[at] = '\0';
}

static bool unix_details(uint64_t ino, const char *proto, char *out,
			 size_t size)
{
	struct {
		struct nlmsghdr h;
		struct unix_diag_req r;
	} req = {
		.h = { .nlmsg_len = sizeof(req), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
		       .nlmsg_flags = NLM_F_REQUEST },
		.r = { .sdiag_family = AF_UNIX, .udiag_states = ~0u,
		       .udiag_ino = (uint32_t)ino,
		       .udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER,
		       .udiag_cookie = { INET_DIAG_NOCOOKIE, INET_DIAG_NOCOOKIE } },
	};
	union { struct nlmsghdr h; char b[8192]; } ans;
	struct unix_diag_msg *m;
	struct rtattr *rta;
	char name[512] = "", num[32];
	uint32_t peer = 0;
	size_t rlen;
	ssize_t n;
	int sock;

	n = diag_ask(&req, sizeof(req), &ans, sizeof(ans), &sock);
	if (sock >= 0)
		close(sock);
	if (n < (ssize_t)NLMSG_LENGTH(sizeof(*m)) || !NLMSG_OK(&ans.h, (size_t)n) ||
	    ans.h.nlmsg_type != SOCK_DIAG_BY_FAMILY)
		return false;
	m = NLMSG_DATA(&ans.h);
	if (m->udiag_ino != (uint32_t)ino)
		return false;
	rlen = ans.h.nlmsg_len - NLMSG_LENGTH(sizeof(*m));
	for (rta = (struct rtattr *)(m + 1); RTA_OK(rta, rlen);
	     rta = RTA_NEXT(rta, rlen)) {
		if (rta->rta_type == UNIX_DIAG_PEER &&
		    RTA_PAYLOAD(rta) >= sizeof(uint32_t))
			memcpy(&peer, RTA_DATA(rta), sizeof(peer));
		else if (rta->rta_type == UNIX_DIAG_NAME && RTA_PAYLOAD(rta))
			unix_name(RTA_DATA(rta), RTA_PAYLOAD(rta), name,
				  sizeof(name));
	}
	if (peer)
		snprintf(num, sizeof(num), "->%u", peer);
	snprintf(out, size, "%s:[%u%s%s%s]", proto, (unsigned)ino,
		 peer ? num : "", name[0] ? "," : "", name);
	return true;
}

static void addr_text(int family, const uint32_t *a, uint16_t port, char *out,
		      size_t size)
{
	char ip[INET6_ADDRSTRLEN] = "";

	inet_ntop(family, a, ip, sizeof(ip));
	if (family == AF_INET6)
		snprintf(out, size, "[%s]:%u", ip, ntohs(port));
	else
		snprintf(out, size, "%s:%u", ip, ntohs(port));
}

static bool inet_details(uint64_t ino, const char *proto, int family,
			 int protocol, char *out, size_t size)
{
	struct {
		struct nlmsghdr h;
		struct inet_diag_req_v2 r;
	} req = {
		.h = { .nlmsg_len = sizeof(req), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
		       .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP },
		.r = { .sdiag_family = (uint8_t)family,
		       .sdiag_protocol = (uint8_t)protocol, .idiag_states = ~0u },
	};
	static char buf[32768];
	char src[64], dst[64];
	bool found = false, done = false;
	ssize_t n;
	int sock;

	n = diag_ask(&req, sizeof(req), buf, sizeof(buf), &sock);
	while (n > 0 && !found && !done) {
		struct nlmsghdr *h = (struct nlmsghdr *)buf;
		size_t len = (size_t)n;

		for (; NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
			struct inet_diag_msg *m = NLMSG_DATA(h);
			const struct inet_diag_sockid *id = &m->id;
			static const uint32_t any[4];

			if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY) {
				done = true;
				break;
			}
			if (m->idiag_inode != (uint32_t)ino)
				continue;
			addr_text(family, id->idiag_src, id->idiag_sport,
				  src, sizeof(src));
			if (id->idiag_dport ||
			    memcmp(id->idiag_dst, any,
				   family == AF_INET6 ? 16 : 4) != 0) {
				addr_text(family, id->idiag_dst, id->idiag_dport,
					  dst, sizeof(dst));
				snprintf(out, size, "%s:[%s->%s]", proto, src, dst);
			} else {
				snprintf(out, size, "%s:[%s]", proto, src);
			}
			found = true;
			break;
		}
		if (!found && !done)
			n = recv(sock, buf, sizeof(buf), 0);
	}
	if (sock >= 0)
		close(sock);
	return found;
}

bool tt_sock_details(pid_t tid, int32_t fd, uint64_t ino, char *out,
		     size_t size)
{
	char proto[32];

	if (tt_proc_fd_sockproto(tid, fd, proto, sizeof(proto)) <= 0)
		return false;
	if (strncmp(proto, "UNIX", 4) == 0 && unix_details(ino, proto, out, size))
		return true;
	if ((strcmp(proto, "TCP") == 0 &&
	     inet_details(ino, proto, AF_INET, IPPROTO_TCP, out, size)) ||
	    (strcmp(proto, "UDP") == 0 &&
	     inet_details(ino, proto, AF_INET, IPPROTO_UDP, out, size)) ||
	    (strcmp(proto, "TCPv6") == 0 &&
	     inet_details(ino, proto, AF_INET6, IPPROTO_TCP, out, size)) ||
	    (strcmp(proto, "UDPv6") == 0 &&
	     inet_details(ino, proto, AF_INET6, IPPROTO_UDP, out, size)))
		return true;
	snprintf(out, size, "%s:[%llu]", proto, (unsigned long long)ino);
	return true;
}
