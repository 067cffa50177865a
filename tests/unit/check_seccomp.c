/* ttrace unit tests: the seccomp prefilter's program (src/tracer/seccomp.c).
 *
 * The program is built from a rule of the test's own (rows with wait
 * shapes that may not be in the tables yet: futex, select, epoll_wait) or
 * from the selection, then run here on seccomp_data by a small classic
 * BPF interpreter of the instructions the builder emits, which also checks
 * what the kernel's checker would refuse.  Its verdict must be
 * tt_wait_timed()'s on the registers cut to the ABI's width.  A last case
 * installs the program in a child and sees the kernel fail the trapped
 * calls with ENOSYS, as it does when no tracer asks for them. */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/futex.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "abi.h"
#include "nr-defs.h"
#include "seccomp.h"
#include "select.h"
#include "syscall.h"
#include "unit.h"

#define TRACE (SECCOMP_RET_TRACE | TT_SECCOMP_DATA)
#define ALLOW SECCOMP_RET_ALLOW

/* The shapes other rows will have: futex (an op takes the timeout or
 * not), select (a timeval), epoll_wait (ms in another argument). */
static const struct tt_wait_shape futex_shape = {
	.timeout_arg = 3, .timeout = TT_TMO_TIMESPEC,
	.timed_out = TT_TO_ETIMEDOUT, .clock = CLOCK_MONOTONIC,
	.op_arg = 1, .op_mask = 0x7f,
	.timed_ops = 1u << 0 | 1u << 6 | 1u << 9 | 1u << 11 | 1u << 13,
};
static const struct tt_signature futex_sig = {
	.family = "futex", .classes = TT_CLASS_WAIT, .wait = &futex_shape,
};
static const struct tt_signature select_sig = {
	.family = "select", .classes = TT_CLASS_WAIT,
	.wait = &(const struct tt_wait_shape){
		.timeout_arg = 4, .timeout = TT_TMO_TIMEVAL, .op_arg = -1,
	},
};
static const struct tt_signature epoll_sig = {
	.family = "epoll_wait", .classes = TT_CLASS_WAIT,
	.wait = &(const struct tt_wait_shape){
		.timeout_arg = 3, .timeout = TT_TMO_MS, .op_arg = -1,
	},
};

/* The test's rule: a sig is taken when timed, no sig always. */
static const struct rule_row {
	uint32_t arch;
	long nr;
	const struct tt_signature *sig;
} rule_rows[] = {
	{ AUDIT_ARCH_X86_64, NR64_poll, &tt_sig_poll },
	{ AUDIT_ARCH_X86_64, NR64_ppoll, &tt_sig_ppoll },
	{ AUDIT_ARCH_X86_64, NR64_futex, &futex_sig },
	{ AUDIT_ARCH_X86_64, NR64_select, &select_sig },
	{ AUDIT_ARCH_X86_64, NR64_epoll_wait, &epoll_sig },
	{ AUDIT_ARCH_X86_64, NR64_clock_nanosleep, NULL },
	{ AUDIT_ARCH_X86_64, NR64_execve, NULL },
	{ AUDIT_ARCH_I386, NR32_poll, &tt_sig_poll },
	{ AUDIT_ARCH_I386, NR32_ppoll, &tt_sig_ppoll },
	{ AUDIT_ARCH_I386, NR32_ppoll_time64, &tt_sig_ppoll },
	{ AUDIT_ARCH_I386, NR32_futex, &futex_sig },
	{ AUDIT_ARCH_I386, NR32_clock_nanosleep, NULL },
};

static const struct rule_row *rule_row(uint32_t arch, long nr)
{
	for (int i = 0; i < NCASES(rule_rows); i++)
		if (rule_rows[i].arch == arch && rule_rows[i].nr == nr)
			return &rule_rows[i];
	return NULL;
}

static enum tt_seccomp_take test_rule(const struct tt_abi *abi, long nr,
				      const struct tt_wait_shape **w)
{
	const struct rule_row *r = rule_row(abi->audit_arch, nr);

	if (!r)
		return TT_TAKE_NONE;
	if (!r->sig)
		return TT_TAKE_ALWAYS;
	*w = r->sig->wait;
	return TT_TAKE_IF_TIMED;
}

/* What the kernel's checker (bpf_check_classic, seccomp_check_filter)
 * asks of a program, for what the builder emits. */
static void check_prog(const struct sock_fprog *fp)
{
	ck_assert_uint_gt(fp->len, 0);
	ck_assert_uint_le(fp->len, BPF_MAXINSNS);
	ck_assert_uint_eq(BPF_CLASS(fp->filter[fp->len - 1].code), BPF_RET);
	for (unsigned pc = 0; pc < fp->len; pc++) {
		const struct sock_filter *f = &fp->filter[pc];

		if (f->code == (BPF_JMP | BPF_JA))
			ck_assert_uint_lt(pc + 1 + f->k, fp->len);
		else if (BPF_CLASS(f->code) == BPF_JMP)
			ck_assert_msg(pc + 1 + f->jt < fp->len &&
				      pc + 1 + f->jf < fp->len,
				      "jump out of the program at %u", pc);
		else if (f->code == (BPF_LD | BPF_W | BPF_ABS))
			ck_assert_msg(f->k % 4 == 0 &&
				      f->k < sizeof(struct seccomp_data),
				      "load at %u of offset %u", pc, f->k);
	}
}

/* Set by run_bpf when the program read seccomp_data beyond nr and arch
 * (the arguments, the instruction pointer). */
static bool read_beyond_nr;

/* Runs fp on d: the return value.  Fails the test at an instruction the
 * builder should not emit, or a shift of 32 bits or more. */
static uint32_t run_bpf(const struct sock_fprog *fp,
			const struct seccomp_data *d)
{
	const unsigned char *bytes = (const unsigned char *)d;
	uint32_t a = 0, x = 0;
	unsigned pc = 0;

	for (;;) {
		const struct sock_filter *f;

		ck_assert_uint_lt(pc, fp->len);
		f = &fp->filter[pc++];
		switch (f->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			memcpy(&a, bytes + f->k, sizeof(a));
			if (f->k != offsetof(struct seccomp_data, nr) &&
			    f->k != offsetof(struct seccomp_data, arch))
				read_beyond_nr = true;
			break;
		case BPF_LD | BPF_IMM:
			a = f->k;
			break;
		case BPF_ALU | BPF_AND | BPF_K:
			a &= f->k;
			break;
		case BPF_ALU | BPF_LSH | BPF_X:
			ck_assert_uint_lt(x, 32);
			a <<= x;
			break;
		case BPF_MISC | BPF_TAX:
			x = a;
			break;
		case BPF_JMP | BPF_JA:
			pc += f->k;
			break;
		case BPF_JMP | BPF_JEQ | BPF_K:
			pc += a == f->k ? f->jt : f->jf;
			break;
		case BPF_JMP | BPF_JGT | BPF_K:
			pc += a > f->k ? f->jt : f->jf;
			break;
		case BPF_JMP | BPF_JSET | BPF_K:
			pc += (a & f->k) ? f->jt : f->jf;
			break;
		case BPF_RET | BPF_K:
			return f->k;
		default:
			ck_abort_msg("opcode %#x at %u", f->code, pc - 1);
		}
	}
}

static uint32_t verdict(const struct sock_fprog *fp, uint32_t arch, long nr,
			const uint64_t args[6])
{
	struct seccomp_data d = { .nr = (int)nr, .arch = arch };

	memcpy(d.args, args, sizeof(d.args));
	return run_bpf(fp, &d);
}

static void build(tt_seccomp_rule rule, struct sock_fprog *fp)
{
	ck_assert_int_eq(tt_seccomp_build(rule, fp), 0);
	check_prog(fp);
}

#define NONE_MS 0xffffffffu			/* -1 */
#define HI_ONLY 0x100000000ull			/* NULL in its low half */
#define SEXT(v) ((uint64_t)(int64_t)(int32_t)(v))	/* sign-extended */

static const struct seccomp_case {
	const char *what;
	uint32_t arch;
	long nr;
	uint64_t args[6];
	uint32_t want;
} seccomp_cases[] = {
	{ "poll -1", AUDIT_ARCH_X86_64, NR64_poll, { 1, 1, SEXT(-1) }, ALLOW },
	{ "poll -1, high half clear", AUDIT_ARCH_X86_64, NR64_poll,
	  { 1, 1, NONE_MS }, ALLOW },
	{ "poll -100", AUDIT_ARCH_X86_64, NR64_poll, { 1, 1, SEXT(-100) }, ALLOW },
	{ "poll 0", AUDIT_ARCH_X86_64, NR64_poll, { 1, 1, 0 }, TRACE },
	{ "poll 100", AUDIT_ARCH_X86_64, NR64_poll, { 1, 1, 100 }, TRACE },
	{ "poll 100, high half set", AUDIT_ARCH_X86_64, NR64_poll,
	  { 1, 1, HI_ONLY | 100 }, TRACE },
	{ "poll INT_MAX", AUDIT_ARCH_X86_64, NR64_poll, { 1, 1, 0x7fffffff }, TRACE },
	{ "ppoll NULL", AUDIT_ARCH_X86_64, NR64_ppoll, { 1, 1, 0, 0, 8 }, ALLOW },
	{ "ppoll &ts", AUDIT_ARCH_X86_64, NR64_ppoll,
	  { 1, 1, 0x7ffd1000, 0, 8 }, TRACE },
	{ "ppoll, high half only", AUDIT_ARCH_X86_64, NR64_ppoll,
	  { 1, 1, HI_ONLY, 0, 8 }, TRACE },
	{ "select NULL", AUDIT_ARCH_X86_64, NR64_select, { 4, 1, 0, 0, 0 }, ALLOW },
	{ "select &tv", AUDIT_ARCH_X86_64, NR64_select,
	  { 4, 1, 0, 0, 0x7ffd1000 }, TRACE },
	{ "epoll_wait -1", AUDIT_ARCH_X86_64, NR64_epoll_wait,
	  { 3, 1, 8, SEXT(-1) }, ALLOW },
	{ "epoll_wait 10", AUDIT_ARCH_X86_64, NR64_epoll_wait,
	  { 3, 1, 8, 10 }, TRACE },
	{ "futex WAIT &ts", AUDIT_ARCH_X86_64, NR64_futex,
	  { 1, FUTEX_WAIT, 0, 0x1000 }, TRACE },
	{ "futex WAIT NULL", AUDIT_ARCH_X86_64, NR64_futex,
	  { 1, FUTEX_WAIT, 0, 0 }, ALLOW },
	{ "futex WAIT_PRIVATE &ts", AUDIT_ARCH_X86_64, NR64_futex,
	  { 1, FUTEX_WAIT_PRIVATE, 0, 0x1000 }, TRACE },
	{ "futex WAIT|CLOCK_REALTIME &ts", AUDIT_ARCH_X86_64, NR64_futex,
	  { 1, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 0, 0x1000 }, TRACE },
	{ "futex WAKE", AUDIT_ARCH_X86_64, NR64_futex,
	  { 1, FUTEX_WAKE, 1, 0x1000 }, ALLOW },
	{ "futex LOCK_PI &ts", AUDIT_ARCH_X86_64, NR64_futex,
	  { 1, FUTEX_LOCK_PI, 0, 0x1000 }, TRACE },
	{ "futex UNLOCK_PI", AUDIT_ARCH_X86_64, NR64_futex,
	  { 1, FUTEX_UNLOCK_PI, 0, 0x1000 }, ALLOW },
	{ "futex WAIT_BITSET &ts", AUDIT_ARCH_X86_64, NR64_futex,
	  { 1, FUTEX_WAIT_BITSET, 0, 0x1000, 0, ~0u }, TRACE },
	{ "futex WAKE_BITSET", AUDIT_ARCH_X86_64, NR64_futex,
	  { 1, FUTEX_WAKE_BITSET, 1, 0x1000, 0, ~0u }, ALLOW },
	{ "futex WAIT_REQUEUE_PI &ts", AUDIT_ARCH_X86_64, NR64_futex,
	  { 1, FUTEX_WAIT_REQUEUE_PI, 0, 0x1000, 2 }, TRACE },
	{ "futex LOCK_PI2 &ts", AUDIT_ARCH_X86_64, NR64_futex,
	  { 1, 13, 0, 0x1000 }, TRACE },
	{ "futex op 31", AUDIT_ARCH_X86_64, NR64_futex, { 1, 31, 0, 0x1000 }, ALLOW },
	{ "futex op 32", AUDIT_ARCH_X86_64, NR64_futex, { 1, 32, 0, 0x1000 }, ALLOW },
	{ "futex op 0x40 (masked: 64)", AUDIT_ARCH_X86_64, NR64_futex,
	  { 1, 0x40, 0, 0x1000 }, ALLOW },
	{ "futex op, high half set", AUDIT_ARCH_X86_64, NR64_futex,
	  { 1, HI_ONLY | FUTEX_WAKE, 0, 0x1000 }, ALLOW },
	{ "futex WAIT, timeout's high half only", AUDIT_ARCH_X86_64, NR64_futex,
	  { 1, FUTEX_WAIT, 0, HI_ONLY }, TRACE },
	{ "x32 poll -1", AUDIT_ARCH_X86_64, 0x40000000 | NR64_poll,
	  { 1, 1, NONE_MS }, ALLOW },
	{ "x32 poll 5 (x32 is not traced)", AUDIT_ARCH_X86_64,
	  0x40000000 | NR64_poll, { 1, 1, 5 }, ALLOW },
	{ "unselected", AUDIT_ARCH_X86_64, NR64_getpid, { 0 }, ALLOW },
	{ "selected always", AUDIT_ARCH_X86_64, NR64_clock_nanosleep,
	  { 1, 0, 0, 0 }, TRACE },
	{ "always (execve)", AUDIT_ARCH_X86_64, NR64_execve, { 0 }, TRACE },
	{ "i386 poll -1", AUDIT_ARCH_I386, NR32_poll, { 1, 1, NONE_MS }, ALLOW },
	{ "i386 poll 0", AUDIT_ARCH_I386, NR32_poll, { 1, 1, 0 }, TRACE },
	{ "i386 poll 100", AUDIT_ARCH_I386, NR32_poll, { 1, 1, 100 }, TRACE },
	{ "i386 ppoll NULL", AUDIT_ARCH_I386, NR32_ppoll, { 1, 1, 0, 0, 8 }, ALLOW },
	{ "i386 ppoll &ts", AUDIT_ARCH_I386, NR32_ppoll,
	  { 1, 1, 0xffd01000, 0, 8 }, TRACE },
	{ "i386 ppoll, high half only", AUDIT_ARCH_I386, NR32_ppoll,
	  { 1, 1, HI_ONLY, 0, 8 }, ALLOW },
	{ "i386 ppoll_time64, high half only", AUDIT_ARCH_I386,
	  NR32_ppoll_time64, { 1, 1, HI_ONLY, 0, 8 }, ALLOW },
	{ "i386 ppoll_time64 &ts", AUDIT_ARCH_I386, NR32_ppoll_time64,
	  { 1, 1, HI_ONLY | 0xffd01000, 0, 8 }, TRACE },
	{ "i386 futex WAIT &ts", AUDIT_ARCH_I386, NR32_futex,
	  { 1, FUTEX_WAIT, 0, 0x1000 }, TRACE },
	{ "i386 futex WAIT, high half only", AUDIT_ARCH_I386, NR32_futex,
	  { 1, FUTEX_WAIT, 0, HI_ONLY }, ALLOW },
	{ "i386 futex WAKE", AUDIT_ARCH_I386, NR32_futex,
	  { 1, FUTEX_WAKE, 1, 0x1000 }, ALLOW },
	{ "i386 futex LOCK_PI2 &ts", AUDIT_ARCH_I386, NR32_futex,
	  { 1, 13 | FUTEX_PRIVATE_FLAG, 0, 0x1000 }, TRACE },
	{ "i386 selected always", AUDIT_ARCH_I386, NR32_clock_nanosleep,
	  { 1, 0, 0, 0 }, TRACE },
	/* x86_64's poll number is i386's waitpid */
	{ "i386 unselected", AUDIT_ARCH_I386, NR64_poll, { 1, 1, 0 }, ALLOW },
	{ "another arch", AUDIT_ARCH_AARCH64, NR64_poll, { 1, 1, 0 }, ALLOW },
};

START_TEST(test_seccomp_case)
{
	const struct seccomp_case *c = &seccomp_cases[_i];
	struct sock_fprog fp;
	uint32_t got;

	build(test_rule, &fp);
	got = verdict(&fp, c->arch, c->nr, c->args);
	ck_assert_msg(got == c->want, "%s: %#x, not %#x", c->what, got, c->want);
}
END_TEST

/* Every wait row of the rule on many registers: the program says what
 * tt_wait_timed() says of the registers cut to the ABI's width. */
START_TEST(test_seccomp_as_wait_timed)
{
	static const uint64_t ops[] = {
		0, 1, 5, 6, 9, 11, 12, 13, 31, 32, 33, 0x7f, 0x80, 0x89,
		0x100 | 9, 0x180 | 6, 0xffffffff, HI_ONLY, HI_ONLY | 10,
	};
	static const uint64_t tmos[] = {
		0, 1, 100, 0x7fffffff, 0x80000000, NONE_MS, SEXT(-1),
		HI_ONLY, HI_ONLY | 5, 0xffffffff00000000ull, 0x7ffd1000,
	};
	struct sock_fprog fp;
	unsigned checked = 0;

	build(test_rule, &fp);
	for (int r = 0; r < NCASES(rule_rows); r++) {
		const struct rule_row *row = &rule_rows[r];
		const struct tt_abi *abi = tt_abi_by_audit_arch(row->arch);

		if (!row->sig)
			continue;
		ck_assert_ptr_nonnull(abi);
		for (int o = 0; o < NCASES(ops); o++)
			for (int t = 0; t < NCASES(tmos); t++) {
				uint64_t raw[6], cut[6];
				bool timed;

				for (int i = 0; i < 6; i++)
					raw[i] = i == 1 ? ops[o] : tmos[t];
				tt_abi_args(abi, raw, cut);
				timed = tt_wait_timed(row->sig, cut);
				ck_assert_msg(verdict(&fp, row->arch, row->nr, raw) ==
					      (timed ? TRACE : ALLOW),
					      "%s %ld op %#llx timeout %#llx: "
					      "tt_wait_timed says %d", abi->name,
					      row->nr, (unsigned long long)ops[o],
					      (unsigned long long)tmos[t], timed);
				checked++;
			}
	}
	ck_assert_uint_gt(checked, 1000);
}
END_TEST

/* Rules that take the first ones calls of x86_64 always. */
static long ones;

static enum tt_seccomp_take first_ones(const struct tt_abi *abi, long nr,
				       const struct tt_wait_shape **w)
{
	(void)w;
	return abi == &tt_abi_x86_64 && nr < ones ? TT_TAKE_ALWAYS :
		TT_TAKE_NONE;
}

/* The same, but the first is a futex taken when timed: its block lies
 * between the numbers and the return of the others. */
static enum tt_seccomp_take first_ones_futex(const struct tt_abi *abi,
					     long nr,
					     const struct tt_wait_shape **w)
{
	if (abi != &tt_abi_x86_64 || nr >= ones)
		return TT_TAKE_NONE;
	if (nr)
		return TT_TAKE_ALWAYS;
	*w = &futex_shape;
	return TT_TAKE_IF_TIMED;
}

/* A program past BPF's 8-bit jumps is refused, never built wrong. */
START_TEST(test_seccomp_overflow)
{
	struct sock_fprog fp;
	uint64_t args[6] = { 0 };

	ones = 200;
	build(first_ones, &fp);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, 0, args), TRACE);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, 199, args), TRACE);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, 200, args), ALLOW);
	ones = 300;
	errno = 0;
	ck_assert_int_eq(tt_seccomp_build(first_ones, &fp), -1);
	ck_assert_int_eq(errno, E2BIG);
	ones = 230;
	build(first_ones_futex, &fp);
	args[1] = FUTEX_WAIT;
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, 0, args), ALLOW);
	args[3] = 0x1000;
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, 0, args), TRACE);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, 1, args), TRACE);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, 229, args), TRACE);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, 230, args), ALLOW);
	/* 250 numbers, then the futex's block: the first jumps too far */
	ones = 250;
	errno = 0;
	ck_assert_int_eq(tt_seccomp_build(first_ones_futex, &fp), -1);
	ck_assert_int_eq(errno, E2BIG);
}
END_TEST

/* The program of the selection spec (NULL: no -e) and what
 * tt_seccomp_own_stop says of ttrace's data at x86_64's poll and getpid,
 * made in a child (the selection cannot be cleared): its instructions
 * into prog (at most max), their number returned. */
static unsigned selection_prog(const char *spec, struct sock_filter *prog,
			       unsigned max, bool own[2])
{
	int fds[2], status;
	uint16_t len = 0;
	pid_t pid;

	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ne(pid, -1);
	if (pid == 0) {
		struct sock_fprog fp;
		bool o[2];

		close(fds[0]);
		if (spec ? tt_select_parse(spec) : (tt_select_default(), 0))
			_exit(2);
		if (tt_seccomp_build(tt_seccomp_take, &fp) < 0)
			_exit(3);
		o[0] = tt_seccomp_own_stop(&tt_abi_x86_64, NR64_poll,
					   TT_SECCOMP_DATA);
		o[1] = tt_seccomp_own_stop(&tt_abi_x86_64, NR64_getpid,
					   TT_SECCOMP_DATA);
		if (write(fds[1], o, sizeof(o)) != sizeof(o) ||
		    write(fds[1], &fp.len, sizeof(fp.len)) != sizeof(fp.len) ||
		    write(fds[1], fp.filter, fp.len * sizeof(*fp.filter)) !=
		    (ssize_t)(fp.len * sizeof(*fp.filter)))
			_exit(4);
		_exit(0);
	}
	close(fds[1]);
	ck_assert_int_eq(read(fds[0], own, 2 * sizeof(*own)), 2 * sizeof(*own));
	ck_assert_int_eq(read(fds[0], &len, sizeof(len)), sizeof(len));
	ck_assert_uint_le(len, max);
	for (size_t got = 0, want = len * sizeof(*prog); got < want;) {
		ssize_t n = read(fds[0], (char *)prog + got, want - got);

		ck_assert_int_gt(n, 0);
		got += (size_t)n;
	}
	close(fds[0]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		      "child: status %#x", status);
	return len;
}

/* The real rows and selection: without -e a poll is trapped when timed;
 * named, always. */
START_TEST(test_seccomp_selection)
{
	static struct sock_filter prog[BPF_MAXINSNS];
	const uint64_t untimed[6] = { 1, 1, NONE_MS }, timed[6] = { 1, 1, 5 };
	const uint64_t none[6] = { 0 };
	struct sock_fprog fp = { 0, prog };
	bool own[2];

	fp.len = (unsigned short)selection_prog(NULL, prog, BPF_MAXINSNS, own);
	check_prog(&fp);
	ck_assert(own[0] && !own[1]);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, NR64_poll, untimed), ALLOW);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, NR64_poll, timed), TRACE);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_I386, NR32_poll, untimed), ALLOW);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_I386, NR32_poll, timed), TRACE);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, NR64_ppoll, none), ALLOW);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_I386, NR32_ppoll_time64, none),
			  ALLOW);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, NR64_clock_nanosleep,
				  none), TRACE);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, 219, none), TRACE);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, NR64_execve, none), TRACE);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, NR64_getpid, none), ALLOW);

	fp.len = (unsigned short)selection_prog("poll", prog, BPF_MAXINSNS, own);
	check_prog(&fp);
	ck_assert(own[0] && !own[1]);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, NR64_poll, untimed), TRACE);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_I386, NR32_poll, untimed), TRACE);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, NR64_ppoll, none), ALLOW);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, NR64_clock_nanosleep,
				  none), ALLOW);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, NR64_execve, none), TRACE);
}
END_TEST

/* i386 ipc(call, first, second, third, ptr, fifth): -e trace=semtimedop
 * traps its SEMTIMEDOP (4; the upper 16 bits are a version), with a
 * timeout or not, and no other ipc call; without -e, SEMTIMEDOP with a
 * timeout only.  Every call number the program tests as tt_wait_op() and
 * tt_wait_timed() say. */
START_TEST(test_seccomp_ipc)
{
	static struct sock_filter prog[BPF_MAXINSNS];
	static const uint64_t calls[] = {
		0, 1, 2, 3, 4, 5, 11, 21, 31, 32, 36, 0x10004, 0x10001,
		0xffff0004, 0x80000004, HI_ONLY | 4, HI_ONLY | 1,
	};
	struct sock_fprog fp = { 0, prog };
	uint64_t args[6] = { 4, 3, 1, 0, 0x1000, 0 };
	bool own[2];

	fp.len = (unsigned short)selection_prog("semtimedop", prog,
						BPF_MAXINSNS, own);
	check_prog(&fp);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_I386, NR32_ipc, args), TRACE);
	args[5] = 0x2000;
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_I386, NR32_ipc, args), TRACE);
	args[0] = 1;	/* SEMOP: no timeout, no timed wait */
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_I386, NR32_ipc, args), ALLOW);
	args[0] = 2;	/* SEMGET */
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_I386, NR32_ipc, args), ALLOW);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_I386, NR32_semtimedop_time64,
				  args), TRACE);
	ck_assert_uint_eq(verdict(&fp, AUDIT_ARCH_X86_64, NR64_semtimedop, args),
			  TRACE);
	for (int i = 0; i < NCASES(calls); i++) {
		uint64_t cut[6];

		args[0] = calls[i];
		args[5] = 0;
		tt_abi_args(&tt_abi_i386, args, cut);
		ck_assert_msg(verdict(&fp, AUDIT_ARCH_I386, NR32_ipc, args) ==
			      (tt_wait_op(&tt_sig_ipc, cut) ? TRACE : ALLOW),
			      "semtimedop: ipc call %#llx",
			      (unsigned long long)calls[i]);
		ck_assert_int_eq(tt_wait_op(&tt_sig_ipc, cut),
				 (calls[i] & 0xffff) == 4);
	}

	fp.len = (unsigned short)selection_prog(NULL, prog, BPF_MAXINSNS, own);
	check_prog(&fp);
	for (int i = 0; i < NCASES(calls); i++)
		for (uint64_t tmo = 0; tmo <= 0x2000; tmo += 0x2000) {
			uint64_t cut[6];

			args[0] = calls[i];
			args[5] = tmo;
			tt_abi_args(&tt_abi_i386, args, cut);
			ck_assert_msg(verdict(&fp, AUDIT_ARCH_I386, NR32_ipc, args) ==
				      (tt_wait_timed(&tt_sig_ipc, cut) ? TRACE : ALLOW),
				      "default: ipc call %#llx, timeout %#llx",
				      (unsigned long long)calls[i],
				      (unsigned long long)tmo);
			ck_assert_int_eq(tt_wait_timed(&tt_sig_ipc, cut),
					 (calls[i] & 0xffff) == 4 && tmo);
		}
}
END_TEST

/* In a child under the test rule's program, with no tracer: the calls it
 * traps fail with ENOSYS, the others run.  One letter per call: 'r' ran,
 * 'N' ENOSYS. */
static void kernel_calls(int fd)
{
	struct timespec ts = { 1, 0 };
	struct sock_fprog fp;
	char out[16];
	unsigned n = 0;
	int p[2], word = 0;
	struct pollfd pfd;

	if (pipe(p) < 0 || write(p[1], "x", 1) != 1)
		_exit(2);
	pfd.fd = p[0];
	pfd.events = POLLIN;
	if (tt_seccomp_build(test_rule, &fp) < 0 ||
	    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp) < 0)
		_exit(3);
#define CALL(...) (out[n++] = syscall(__VA_ARGS__) < 0 && errno == ENOSYS ? 'N' : 'r')
	CALL(SYS_poll, &pfd, 1, -1);
	CALL(SYS_poll, &pfd, 1, 0);
	CALL(SYS_ppoll, &pfd, 1, NULL, NULL, 8);
	CALL(SYS_ppoll, &pfd, 1, &ts, NULL, 8);
	/* word is 0: a wait for 1 returns EAGAIN at once */
	CALL(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 1, NULL);
	CALL(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 1, &ts);
	CALL(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL);
	CALL(SYS_futex, &word, FUTEX_WAIT_BITSET_PRIVATE, 1, &ts, NULL, ~0u);
	CALL(SYS_getpid);
#undef CALL
	if (write(fd, out, n) != (ssize_t)n)
		_exit(4);
	_exit(0);
}

/* The kernel caches, per arch and number, the calls a filter allows
 * whatever their arguments (the seccomp action cache, Linux 5.11): it
 * finds them by running the filter on the number alone, and a number
 * whose path reads an argument is never cached.  Every call that reaches
 * RET_ALLOW must do so on nr and arch alone; only the waits ttrace tests
 * by argument may read further.  Checked for the default selection, -k's
 * map calls and %wait, over every number of both ABIs and x32's. */
static bool is_wait_row(const struct tt_abi *abi, long nr)
{
	return nr >= 0 && (unsigned long)nr < abi->nsyscalls &&
	       abi->table[nr].name &&
	       (abi->table[nr].sig->classes & TT_CLASS_WAIT);
}

START_TEST(test_seccomp_cacheable)
{
	static struct sock_filter prog[BPF_MAXINSNS];
	static const char *const specs[] = { NULL, "%wait", "%timer" };
	const uint64_t args[6] = { 1, 0x80, 0, 0, 0, 0 };
	const struct tt_abi *abis[] = { &tt_abi_x86_64, &tt_abi_i386 };
	struct sock_fprog fp = { 0, prog };
	bool own[2];

	for (unsigned s = 0; s < NCASES(specs); s++) {
		unsigned by_args = 0;

		fp.len = (unsigned short)selection_prog(specs[s], prog,
							BPF_MAXINSNS, own);
		check_prog(&fp);
		for (unsigned a = 0; a < NCASES(abis); a++)
			for (long nr = 0; nr < 1024; nr++)
				for (long bit = 0; bit <= 0x40000000; bit += 0x40000000) {
					read_beyond_nr = false;
					verdict(&fp, abis[a]->audit_arch, nr | bit, args);
					if (!read_beyond_nr)
						continue;
					ck_assert_msg(!bit && is_wait_row(abis[a], nr),
						      "%s: %s call %#lx reads its arguments",
						      specs[s] ? specs[s] : "default",
						      abis[a]->name, nr | bit);
					by_args++;
				}
		/* the default tests the waits by argument; %wait and %timer
		 * take every call whole */
		if (specs[s])
			ck_assert_uint_eq(by_args, 0);
		else
			ck_assert_uint_gt(by_args, 0);
	}
}
END_TEST

START_TEST(test_seccomp_kernel)
{
	char got[16] = "";
	int fds[2], status;
	pid_t pid;

	if (getenv("TT_UNDER_VALGRIND"))
		return;		/* valgrind makes calls of its own */
	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ne(pid, -1);
	if (pid == 0) {
		close(fds[0]);
		kernel_calls(fds[1]);
	}
	close(fds[1]);
	ck_assert_int_ge(read(fds[0], got, sizeof(got) - 1), 0);
	close(fds[0]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		      "child: status %#x", status);
	ck_assert_str_eq(got, "rNrNrNrNr");
}
END_TEST

Suite *make_seccomp_suite(void)
{
	Suite *s = suite_create("seccomp");
	TCase *tc = ut_tcase(s, "program", NULL, NULL);

	tcase_add_loop_test(tc, test_seccomp_case, 0, NCASES(seccomp_cases));
	tcase_add_test(tc, test_seccomp_as_wait_timed);
	tcase_add_test(tc, test_seccomp_overflow);
	tcase_add_test(tc, test_seccomp_selection);
	tcase_add_test(tc, test_seccomp_ipc);
	tcase_add_test(tc, test_seccomp_cacheable);
	tcase_add_test(tc, test_seccomp_kernel);
	return s;
}
