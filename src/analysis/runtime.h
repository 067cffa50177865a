/* ttrace - which threads are a language runtime's own.
 *
 * A runtime's housekeeping sleeps and waits follow the program's timers,
 * or its own clock, differently from one run to the next: they are not
 * what the program asked for, and a profile counts them apart
 * (tt_record.runtime, src/profile/).  Two runtimes are known:
 * - Go: sysmon, the first thread a Go program starts (src/tracer/loop.c
 *   marks it, knowing a Go program by its ELF note at the execve);
 * - HotSpot, the JVM: its own threads name themselves (comm), below. */
#ifndef TTRACE_RUNTIME_H
#define TTRACE_RUNTIME_H

#include <stdbool.h>

/* Is comm (a thread's name, at most 15 bytes) one of the JVM's own
 * threads: its compilers, garbage collectors, VM thread, periodic task
 * thread, reference handlers and service threads? */
bool tt_runtime_jvm_thread(const char *comm);

#endif
