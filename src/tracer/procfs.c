/* ttrace - every read of /proc (see procfs.h). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "procfs.h"

/* --- /proc/TID/status ---------------------------------------------------- */

bool tt_parse_status_field(const char *line, const char *key, int base,
			   unsigned long long *val)
{
	size_t klen = strlen(key);

	if (strncmp(line, key, klen) != 0)
		return false;
	*val = strtoull(line + klen, NULL, base);
	return true;
}

/* The line of /proc/TID/status that starts with key into line; false
 * when the file or the field is missing. */
static bool status_line(pid_t tid, const char *key, char *line, size_t size)
{
	char path[64];
	bool found = false;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	f = fopen(path, "r");
	if (!f)
		return false;
	while (!found && fgets(line, (int)size, f))
		found = strncmp(line, key, strlen(key)) == 0;
	fclose(f);
	return found;
}

/* The number after key in base; *val is left alone when it is missing. */
static void status_number(pid_t tid, const char *key, int base,
			  unsigned long long *val)
{
	char line[256];

	if (status_line(tid, key, line, sizeof(line)))
		tt_parse_status_field(line, key, base, val);
}

pid_t tt_proc_tgid(pid_t tid)
{
	unsigned long long tgid = (unsigned long long)tid;

	status_number(tid, "Tgid:", 10, &tgid);
	return (pid_t)tgid;
}

pid_t tt_proc_tracer(pid_t tid)
{
	unsigned long long tracer = 0;

	status_number(tid, "TracerPid:", 10, &tracer);
	return (pid_t)tracer;
}

bool tt_proc_catches(pid_t tid, int sig)
{
	unsigned long long mask = 0;

	status_number(tid, "SigCgt:", 16, &mask);
	return sig > 0 && sig <= 64 && (mask >> (sig - 1)) & 1;
}

bool tt_proc_exists(pid_t tid)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d", (int)tid);
	return access(path, F_OK) == 0;
}

bool tt_proc_exiting(pid_t tid)
{
	char line[256];

	if (!status_line(tid, "State:", line, sizeof(line)))
		return true;
	return strchr(line, 'Z') || strchr(line, 'X');
}

/* --- /proc/TID/syscall ---------------------------------------------------- */

bool tt_parse_proc_syscall(const char *text, long *nr,
			   uint64_t args[TT_MAX_ARGS])
{
	unsigned long long a[TT_MAX_ARGS];
	int n = sscanf(text, "%ld %llx %llx %llx %llx %llx %llx", nr, &a[0],
		       &a[1], &a[2], &a[3], &a[4], &a[5]);

	if (n != 7 || *nr < 0)
		return false;
	for (unsigned i = 0; i < TT_MAX_ARGS; i++)
		args[i] = a[i];
	return true;
}

bool tt_proc_blocked_syscall(pid_t tid, long *nr, uint64_t args[TT_MAX_ARGS])
{
	char buf[512];

	return tt_proc_read(tid, "syscall", buf, sizeof(buf)) &&
		tt_parse_proc_syscall(buf, nr, args);
}

/* --- timers and fds ------------------------------------------------------ */

bool tt_proc_read(pid_t pid, const char *name, char *buf, size_t size)
{
	char path[64];
	ssize_t len;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	len = read(fd, buf, size - 1);
	close(fd);
	if (len <= 0)
		return false;
	buf[len] = '\0';
	return true;
}

void tt_proc_comm(pid_t tid, char *out, size_t size)
{
	if (!tt_proc_read(tid, "comm", out, size))
		snprintf(out, size, "?");
	out[strcspn(out, "\n")] = '\0';
}

/* /proc/TID/fd/FD into path (64 bytes). */
static const char *fd_path(char path[64], pid_t tid, int32_t fd)
{
	snprintf(path, 64, "/proc/%d/fd/%d", (int)tid, (int)fd);
	return path;
}

ssize_t tt_proc_fd_link(pid_t tid, int32_t fd, char *buf, size_t size)
{
	char path[64];

	return readlink(fd_path(path, tid, fd), buf, size);
}

bool tt_proc_is_timerfd(pid_t pid, int32_t fd)
{
	static const char want[] = "anon_inode:[timerfd]";
	char link[sizeof(want) + 1];
	ssize_t len = tt_proc_fd_link(pid, fd, link, sizeof(link));

	return len == (ssize_t)sizeof(want) - 1 &&
	       memcmp(link, want, sizeof(want) - 1) == 0;
}

ssize_t tt_proc_fd_sockproto(pid_t tid, int32_t fd, char *buf, size_t size)
{
	char path[64];
	ssize_t n = getxattr(fd_path(path, tid, fd), "system.sockprotoname",
			     buf, size - 1);

	if (n > 0)
		buf[n] = '\0';
	return n;
}

char tt_proc_fd_dev(pid_t tid, int32_t fd, unsigned *major, unsigned *minor)
{
	char path[64];
	struct stat st;

	if (stat(fd_path(path, tid, fd), &st) != 0 ||
	    (!S_ISCHR(st.st_mode) && !S_ISBLK(st.st_mode)))
		return 0;
	*major = major(st.st_rdev);
	*minor = minor(st.st_rdev);
	return S_ISCHR(st.st_mode) ? 'c' : 'b';
}

#define FDINFO_SLOTS 8

static struct {
	pid_t tid;
	int fd;
	int handle;		/* -1: empty */
} fdinfo_cache[FDINFO_SLOTS] = { [0 ... FDINFO_SLOTS - 1] = { 0, 0, -1 } };

ssize_t tt_proc_fdinfo(pid_t tid, int fd, char *buf, size_t size)
{
	unsigned slot = ((unsigned)tid * 31u + (unsigned)fd) % FDINFO_SLOTS;
	char path[64];
	ssize_t len;
	int h;

	if (fdinfo_cache[slot].handle >= 0 && fdinfo_cache[slot].tid == tid &&
	    fdinfo_cache[slot].fd == fd) {
		len = pread(fdinfo_cache[slot].handle, buf, size, 0);
		if (len > 0)
			return len;
	}
	if (fdinfo_cache[slot].handle >= 0)
		close(fdinfo_cache[slot].handle);
	fdinfo_cache[slot].handle = -1;
	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", (int)tid, fd);
	h = open(path, O_RDONLY | O_CLOEXEC);
	if (h < 0)
		return -1;
	fdinfo_cache[slot].tid = tid;
	fdinfo_cache[slot].fd = fd;
	fdinfo_cache[slot].handle = h;
	return pread(h, buf, size, 0);
}
