/* ttrace - the seccomp prefilter.
 *
 * Without it, ptrace stops a tracee at every system call, twice; a program
 * that makes a hundred untraced calls for each timer call pays two hundred
 * useless stops.  One BPF program covers both ABIs: it dispatches on
 * seccomp_data.arch (an x86_64 task entering through int $0x80 reports
 * AUDIT_ARCH_I386, with i386 numbers), compares the number with the
 * selected rows of that ABI's table, and returns SECCOMP_RET_TRACE for
 * them (with TT_SECCOMP_DATA, which tells its stops from those of a filter
 * the tracee installs itself), SECCOMP_RET_ALLOW for everything else.  With -k it traps the
 * ABI's calls that change the memory map as well (abi->maps_calls): the
 * stack unwinder reads the maps again after one.
 *
 * A wait selected only when it carries a finite timeout (the default for
 * %wait: tt_selected_if_timed) is trapped only then: its number jumps to
 * a block that tests the argument registers its wait shape names, as
 * tt_wait_timed() does at the entry (the op of a futex, a timeout of ms
 * that is not negative, a timeout pointer that is not NULL).  A poll(-1)
 * or a futex wait without a timeout runs without a stop.  A multiplexer
 * selected for an op (i386 ipc under -e trace=semtimedop:
 * tt_selected_if_op) is trapped for that op only, by the same test
 * stopped after the op.  The entry test stays: it is the one that applies
 * without the filter (-p, --seccomp=off).
 *
 * Every other number is decided on arch and nr alone, so that the kernel's
 * seccomp action cache (Linux 5.11+) lets the calls the filter allows run
 * without running it at all: a number whose path reads an argument is
 * never cached.  tests/unit/check_seccomp.c (test_seccomp_cacheable) runs
 * the program over every number of both ABIs and x32 and checks that only
 * the waits tested by argument read further.
 *
 * The kernel reports the syscall-entry stop before it runs the filter, so
 * a tracee resumed with PTRACE_CONT stops only at the filter
 * (PTRACE_EVENT_SECCOMP, which ttrace treats as the entry); PTRACE_SYSCALL
 * from there gives the exit stop.  RET_TRACE without a tracer makes the
 * call fail with ENOSYS: a filtered tracee must never be detached.
 *
 * Classic BPF jumps only forward, a conditional jump at most 255
 * instructions: every jump is made to a label and placed when the ABI's
 * block is done, and one that does not fit fails the whole program
 * (E2BIG), which spawn.c reports before running the command without the
 * filter.  The ABIs are chained with BPF_JA, whose offset is 32-bit.
 */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "abi.h"
#include "options.h"
#include "seccomp.h"
#include "select.h"
#include "syscall.h"

#define MAX_INSNS BPF_MAXINSNS
/* The distinct tests of wait shapes of one ABI's block. */
#define MAX_SHAPES 32

/* seccomp_data.args[k] is a __u64 in the task's byte order. */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ARG_LO(k) (offsetof(struct seccomp_data, args) + 8 * (unsigned)(k))
#define ARG_HI(k) (ARG_LO(k) + 4)
#else
#define ARG_HI(k) (offsetof(struct seccomp_data, args) + 8 * (unsigned)(k))
#define ARG_LO(k) (ARG_HI(k) + 4)
#endif

/* Jump targets, placed when their block ends. */
enum {
	L_NEXT = -1,		/* the next instruction: offset 0 */
	L_ALLOW = 0,		/* the block's SECCOMP_RET_ALLOW */
	L_TRACE,		/* the block's SECCOMP_RET_TRACE */
	L_ABI_END,		/* the next ABI's test */
	L_SHAPE,		/* L_SHAPE + i: the test of shape i */
	NLABELS = L_SHAPE + MAX_SHAPES
};

struct fixup {
	unsigned at;		/* the jump */
	uint8_t field;		/* 0: jt, 1: jf, 2: k (BPF_JA) */
	uint8_t label;
};

struct prog {
	struct sock_filter insn[MAX_INSNS];
	unsigned n;
	int overflow;
	unsigned label[NLABELS];
	struct fixup fix[2 * MAX_INSNS];
	unsigned nfix;
};

static void emit(struct prog *p, struct sock_filter f)
{
	if (p->n < MAX_INSNS)
		p->insn[p->n++] = f;
	else
		p->overflow = 1;
}

static void stmt(struct prog *p, uint16_t code, uint32_t k)
{
	emit(p, (struct sock_filter)BPF_STMT(code, k));
}

static void to_label(struct prog *p, uint8_t field, int label)
{
	if (label == L_NEXT)
		return;
	if (p->nfix < sizeof(p->fix) / sizeof(p->fix[0]))
		p->fix[p->nfix++] = (struct fixup){ p->n - 1, field,
						    (uint8_t)label };
	else
		p->overflow = 1;
}

/* A conditional jump: to jt if the test holds, else to jf (labels). */
static void jump(struct prog *p, uint16_t code, uint32_t k, int jt, int jf)
{
	emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | code | BPF_K, k, 0, 0));
	if (p->overflow)
		return;
	to_label(p, 0, jt);
	to_label(p, 1, jf);
}

static void place(struct prog *p, int label)
{
	p->label[label] = p->n;
}

/* Sets every jump made since from to its label: forward, and within 255
 * instructions for a conditional one. */
static void resolve(struct prog *p, unsigned from)
{
	for (unsigned i = from; i < p->nfix && !p->overflow; i++) {
		const struct fixup *f = &p->fix[i];
		unsigned target = p->label[f->label];
		unsigned off = target - f->at - 1;

		if (target <= f->at || (f->field < 2 && off > 255)) {
			p->overflow = 1;
			break;
		}
		if (f->field == 0)
			p->insn[f->at].jt = (uint8_t)off;
		else if (f->field == 1)
			p->insn[f->at].jf = (uint8_t)off;
		else
			p->insn[f->at].k = off;
	}
	p->nfix = from;
}

/* A test of a wait shape's registers: the whole of tt_wait_timed(), or
 * (op_only) its op's part, tt_wait_op(). */
struct shape_test {
	const struct tt_wait_shape *w;
	bool op_only;
};

/* The block of one test: to L_TRACE when tt_wait_timed() would say the
 * call carries a finite timeout (op_only: tt_wait_op() that its op takes
 * one), else to L_ALLOW.  A 32-bit ABI's arguments are the low halves of
 * the registers (tt_abi_args). */
static void emit_shape(struct prog *p, const struct tt_abi *abi,
		       struct shape_test t)
{
	const struct tt_wait_shape *w = t.w;

	if (w->op_arg >= 0) {
		/* (op & op_mask) < 32 and bit (op & op_mask) of timed_ops */
		stmt(p, BPF_LD | BPF_W | BPF_ABS, ARG_LO(w->op_arg));
		stmt(p, BPF_ALU | BPF_AND | BPF_K, w->op_mask);
		jump(p, BPF_JGT, 31, L_ALLOW, L_NEXT);
		stmt(p, BPF_MISC | BPF_TAX, 0);
		stmt(p, BPF_LD | BPF_IMM, 1);
		stmt(p, BPF_ALU | BPF_LSH | BPF_X, 0);
		jump(p, BPF_JSET, w->timed_ops, t.op_only ? L_TRACE : L_NEXT,
		     L_ALLOW);
	}
	if (t.op_only)
		return;
	stmt(p, BPF_LD | BPF_W | BPF_ABS, ARG_LO(w->timeout_arg));
	if (w->timeout == TT_TMO_MS) {
		/* an int: negative is no timeout */
		jump(p, BPF_JSET, 0x80000000u, L_ALLOW, L_TRACE);
	} else if (abi->ptr_size == 4) {
		jump(p, BPF_JEQ, 0, L_ALLOW, L_TRACE);
	} else {
		jump(p, BPF_JEQ, 0, L_NEXT, L_TRACE);
		stmt(p, BPF_LD | BPF_W | BPF_ABS, ARG_HI(w->timeout_arg));
		jump(p, BPF_JEQ, 0, L_ALLOW, L_TRACE);
	}
}

/* Do a and b make the same test? */
static bool same_test(struct shape_test ta, struct shape_test tb)
{
	const struct tt_wait_shape *a = ta.w, *b = tb.w;

	return ta.op_only == tb.op_only &&
		(ta.op_only || (a->timeout_arg == b->timeout_arg &&
				(a->timeout == TT_TMO_MS) ==
				(b->timeout == TT_TMO_MS))) &&
		a->op_arg == b->op_arg &&
		(a->op_arg < 0 ||
		 (a->op_mask == b->op_mask && a->timed_ops == b->timed_ops));
}

/* The index of t among tests[0 .. *n), added if new; -1 if full. */
static int shape_index(struct shape_test *tests, unsigned *n,
		       struct shape_test t)
{
	for (unsigned i = 0; i < *n; i++)
		if (same_test(tests[i], t))
			return (int)i;
	if (*n == MAX_SHAPES)
		return -1;
	tests[*n] = t;
	return (int)(*n)++;
}

/* How rule takes nr; *w set for TT_TAKE_IF_TIMED and TT_TAKE_IF_OP (NULL
 * otherwise). */
static enum tt_seccomp_take take_of(tt_seccomp_rule rule,
				    const struct tt_abi *abi, long nr,
				    const struct tt_wait_shape **w)
{
	enum tt_seccomp_take how;

	*w = NULL;
	how = rule(abi, nr, w);
	/* no shape (or no op) to test: be safe */
	if ((how == TT_TAKE_IF_TIMED && !*w) ||
	    (how == TT_TAKE_IF_OP && (!*w || (*w)->op_arg < 0)))
		how = TT_TAKE_ALWAYS;
	return how;
}

/* One ABI's block:
 *	load nr
 *	jeq n1 -> trace .. jeq nk -> trace	(the calls taken always)
 *	jeq w1 -> shape(w1) ..			(the waits taken when timed,
 *						 or for an op)
 *	allow
 *	shape blocks, each to allow or trace
 *	allow; trace */
static void emit_abi_block(struct prog *p, const struct tt_abi *abi,
			   tt_seccomp_rule rule)
{
	struct shape_test shapes[MAX_SHAPES];
	const struct tt_wait_shape *w;
	unsigned nshapes = 0, fix0 = p->nfix;
	long end = (long)abi->nsyscalls;

	stmt(p, BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
	for (unsigned i = 0; i < abi->nalways; i++)
		if (abi->always[i] >= end)
			end = abi->always[i] + 1;
	for (long nr = 0; nr < end; nr++) {
		enum tt_seccomp_take how = take_of(rule, abi, nr, &w);

		switch (how) {
		case TT_TAKE_NONE:
			break;
		case TT_TAKE_ALWAYS:
			jump(p, BPF_JEQ, (uint32_t)nr, L_TRACE, L_NEXT);
			break;
		case TT_TAKE_IF_TIMED:
		case TT_TAKE_IF_OP: {
			struct shape_test t = { w, how == TT_TAKE_IF_OP };
			int s = shape_index(shapes, &nshapes, t);

			if (s < 0)
				p->overflow = 1;
			else
				jump(p, BPF_JEQ, (uint32_t)nr, L_SHAPE + s,
				     L_NEXT);
			break;
		}
		}
	}
	stmt(p, BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	for (unsigned s = 0; s < nshapes; s++) {
		place(p, L_SHAPE + (int)s);
		emit_shape(p, abi, shapes[s]);
	}
	place(p, L_ALLOW);
	stmt(p, BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	place(p, L_TRACE);
	stmt(p, BPF_RET | BPF_K, SECCOMP_RET_TRACE | TT_SECCOMP_DATA);
	resolve(p, fix0);
}

int tt_seccomp_build(tt_seccomp_rule rule, struct sock_fprog *out)
{
	static struct prog p;

	memset(&p, 0, sizeof(p));
	stmt(&p, BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
	for (unsigned a = 0; tt_abis[a]; a++) {
		unsigned fix0 = p.nfix;

		/* the arch is in A: this ABI's skips the jump to the next */
		emit(&p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
						      tt_abis[a]->audit_arch,
						      1, 0));
		stmt(&p, BPF_JMP | BPF_JA, 0);
		to_label(&p, 2, L_ABI_END);
		emit_abi_block(&p, tt_abis[a], rule);
		place(&p, L_ABI_END);
		resolve(&p, fix0);
	}
	stmt(&p, BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	if (p.overflow) {
		errno = E2BIG;
		return -1;
	}
	out->len = (unsigned short)p.n;
	out->filter = p.insn;
	return 0;
}

/* Calls the tracer needs whatever is selected. */
static bool needed(const struct tt_abi *abi, long nr)
{
	if (nr == abi->restart_nr)
		return true;
	for (unsigned i = 0; i < abi->nalways; i++)
		if (abi->always[i] == nr)
			return true;
	/* -k reads the maps again after a call that changed them. */
	return tt_opt.stack && tt_abi_changes_maps(abi, nr);
}

enum tt_seccomp_take tt_seccomp_take(const struct tt_abi *abi, long nr,
				     const struct tt_wait_shape **w)
{
	const struct tt_syscall *sc;

	if (needed(abi, nr))
		return TT_TAKE_ALWAYS;
	if (!tt_selected(abi, nr))
		return TT_TAKE_NONE;
	sc = tt_abi_syscall(abi, nr);
	if (sc && sc->sig->wait) {
		*w = sc->sig->wait;
		if (tt_selected_if_timed(abi, nr))
			return TT_TAKE_IF_TIMED;
		if (tt_selected_if_op(abi, nr))
			return TT_TAKE_IF_OP;
	}
	*w = NULL;
	return TT_TAKE_ALWAYS;
}

bool tt_seccomp_own_stop(const struct tt_abi *abi, long nr, unsigned long data)
{
	const struct tt_wait_shape *w;

	/* A wait taken when timed counts whatever its arguments: the stop
	 * carries no registers here, and ttrace's filter may have asked. */
	return abi && data == TT_SECCOMP_DATA &&
		tt_seccomp_take(abi, nr, &w) != TT_TAKE_NONE;
}

int tt_seccomp_install(void)
{
	struct sock_fprog fprog;

	if (tt_seccomp_build(tt_seccomp_take, &fprog) < 0)
		return -1;
	/* Root may install a filter as it is; others need no_new_privs. */
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog) == 0)
		return 0;
	if (errno != EACCES)
		return -1;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -1;
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog);
}
