/* ttrace - what happens at a syscall entry and exit stop, once the tracer
 * knows the ABI, number and arguments (or return value). */
#ifndef TTRACE_SYSCALL_TRACE_H
#define TTRACE_SYSCALL_TRACE_H

#include <stdint.h>

#include "event.h"

struct tcb;
struct tt_abi;

void tt_syscall_enter(struct tcb *tcp, const struct tt_abi *abi, long nr,
		      const uint64_t args[TT_MAX_ARGS],
		      const struct tt_timestamps *ts);
void tt_syscall_exit(struct tcb *tcp, int64_t rval,
		     const struct tt_timestamps *ts);

/* -p found the thread blocked in call nr with these arguments: remember it,
 * so that the restart_syscall that follows names it. */
void tt_syscall_remember_blocked(struct tcb *tcp, const struct tt_abi *abi,
				 long nr, const uint64_t args[TT_MAX_ARGS]);

#endif
