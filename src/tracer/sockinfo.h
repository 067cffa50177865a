/* ttrace - -yy: what strace 6.1 shows of a socket instead of its
 * "socket:[INODE]". */
#ifndef TTRACE_SOCKINFO_H
#define TTRACE_SOCKINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* The socket fd of tid is, its inode ino: "UNIX-STREAM:[INO->PEER]",
 * "TCP:[127.0.0.1:39108->127.0.0.1:55107]", "UDP:[INO]"..., its bytes
 * as strace prints them (a UNIX name quoted and escaped), into out (NUL
 * terminated); false when not even the protocol can be said. */
bool tt_sock_details(pid_t tid, int32_t fd, uint64_t ino, char *out,
		     size_t size);

#endif
