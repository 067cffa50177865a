/* ttrace unit tests: the per-ABI syscall tables and ABI look-ups. */
#include <string.h>
#include <sys/user.h>

#include "abi.h"
#include "syscall.h"
#include "unit.h"
#include "nr-tables.h"

#define X64 (&tt_abi_x86_64)
#define I386 (&tt_abi_i386)

static bool is_pointer(const struct tt_arg *a)
{
	return a->dir != AD_VAL;
}

/* A struct whose layout follows the row's time width. */
static bool is_timed(const struct tt_arg *a)
{
	return a->type == AT_TIMESPEC || a->type == AT_ITIMERSPEC ||
	       a->type == AT_ITIMERVAL || a->type == AT_TIMEX ||
	       a->type == AT_TIMEVAL;
}

/* Has the family a row of another width in this ABI (a time32 and time64
 * pair)? */
static bool has_twin(const struct tt_abi *abi, const struct tt_syscall *sc)
{
	for (unsigned nr = 0; nr < abi->nsyscalls; nr++) {
		const struct tt_syscall *o = &abi->table[nr];

		if (o->name && o != sc && o->sig == sc->sig && o->width != sc->width)
			return true;
	}
	return false;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);

	return n >= t && strcmp(s + n - t, tail) == 0;
}

/* One row: complete, pointers of a size the event holds.  (An input
 * after an output, rt_sigtimedwait's uts, is read and decoded at entry
 * and printed at exit with the rest of the line, as strace does.) */
static void check_row(const struct tt_abi *abi, long nr, const struct tt_syscall *sc)
{
	const struct tt_signature *sig = sc->sig;
	bool any_timed = false;

	ck_assert_msg(sig != NULL, "%s %ld %s: no signature", abi->name, nr, sc->name);
	ck_assert_msg(sig->family != NULL, "%s %s: no family", abi->name, sc->name);
	ck_assert_msg(sig->nargs <= TT_MAX_ARGS, "%s %s: nargs", abi->name, sc->name);
	for (unsigned i = 0; i < sig->nargs; i++) {
		const struct tt_arg *a = &sig->args[i];
		unsigned size = tt_arg_size(a->type, sc->width, abi->ptr_size);

		ck_assert_msg(a->name != NULL, "%s %s: arg %u has no name",
			      abi->name, sc->name, i);
		any_timed |= is_timed(a);
		if (is_pointer(a))
			ck_assert_msg(size > 0 && size <= TT_MAX_STRUCT,
				      "%s %s: %s has size %u", abi->name, sc->name, a->name, size);
		else
			ck_assert_msg(size == 0, "%s %s: value %s has a size",
				      abi->name, sc->name, a->name);
	}
	/* The width is that of the time structures: they need one, the
	 * others have none. */
	ck_assert_msg(any_timed ? sc->width == TW_32 || sc->width == TW_64
				: sc->width == TW_NONE,
		      "%s %s: width %u", abi->name, sc->name, sc->width);
	/* x86_64 has only 64-bit time; i386 names of a time32/time64 pair
	 * say the width (setitimer, alone, is TW_32 without saying so). */
	if (abi->bits == 64 && any_timed)
		ck_assert_uint_eq(sc->width, TW_64);
	if (abi->bits == 32 && has_twin(abi, sc))
		ck_assert_msg(ends_with(sc->name, sc->width == TW_32 ? "32" : "64"),
			      "i386 %s: the name does not say width %u", sc->name, sc->width);
	/* Every call is in %timer or, a wait, in %wait (and then has a
	 * wait shape), but read (on timerfds only). */
	ck_assert_msg(!(sig->classes & (TT_CLASS_TIMER | TT_CLASS_WAIT)) ==
		      sig->only_on_timerfd, "%s %s: %%timer or %%wait",
		      abi->name, sc->name);
	ck_assert_msg(!(sig->classes & TT_CLASS_TIMER) ||
		      !(sig->classes & TT_CLASS_WAIT), "%s %s: %%timer and %%wait",
		      abi->name, sc->name);
	ck_assert_msg(!(sig->classes & TT_CLASS_WAIT) == !sig->wait,
		      "%s %s: a wait shape exactly in %%wait", abi->name, sc->name);
	ck_assert_msg(!(sc->flags & SF_RESTART) == (nr != abi->restart_nr),
		      "%s %s: SF_RESTART on %ld, restart_nr %ld", abi->name, sc->name,
		      nr, abi->restart_nr);
	ck_assert_ptr_eq(tt_abi_syscall(abi, nr), sc);
}

/* _i: the index in tt_abis. */
START_TEST(test_rows)
{
	const struct tt_abi *abi = tt_abis[_i];
	unsigned named = 0;

	ck_assert_ptr_nonnull(abi);
	ck_assert_ptr_nonnull(abi->table);
	for (unsigned nr = 0; nr < abi->nsyscalls; nr++) {
		const struct tt_syscall *sc = &abi->table[nr];

		if (!sc->name) {
			ck_assert_msg(sc->sig == NULL, "%s %u: a signature, no name",
				      abi->name, nr);
			continue;
		}
		named++;
		check_row(abi, nr, sc);
		for (unsigned other = nr + 1; other < abi->nsyscalls; other++)
			ck_assert_msg(!abi->table[other].name ||
				      strcmp(abi->table[other].name, sc->name) != 0,
				      "%s: %s at %u and %u", abi->name, sc->name, nr, other);
	}
	ck_assert_msg(abi->table[abi->nsyscalls - 1].name != NULL,
		      "%s: the table ends in an empty row", abi->name);
	ck_assert_uint_gt(named, 0);
}
END_TEST

/* Every row against the kernel's own list, <asm/unistd_64.h> and
 * <asm/unistd_32.h> as this system has them (tests/unit/nr-tables.c is
 * made from them at build time): the header names the number after the
 * call; a row is named after the kernel's entry point, which for an i386
 * time32 call adds "32" or "_time32" to the header's name. */
static const char *header_name(const struct tt_abi *abi, long nr)
{
	const struct ut_nr *t = abi == X64 ? ut_nr_x86_64 : ut_nr_i386;

	for (; t->name; t++)
		if (t->nr == nr)
			return t->name;
	return NULL;
}

START_TEST(test_numbers)
{
	const struct tt_abi *abi = tt_abis[_i];

	for (unsigned nr = 0; nr < abi->nsyscalls; nr++) {
		const struct tt_syscall *sc = &abi->table[nr];
		const char *h = header_name(abi, nr);
		char time32[64], short32[64], newname[64];

		if (!sc->name)
			continue;
		ck_assert_msg(h != NULL, "%s %u (%s): no such number in the "
			      "kernel's headers", abi->name, nr, sc->name);
		snprintf(time32, sizeof(time32), "%s_time32", h);
		snprintf(short32, sizeof(short32), "%s32", h);
		ck_assert_msg(strcmp(sc->name, h) == 0 ||
			      (sc->width == TW_32 && abi->bits == 32 &&
			       (strcmp(sc->name, time32) == 0 ||
				strcmp(sc->name, short32) == 0)),
			      "%s %u: row %s, the kernel's header says %s",
			      abi->name, nr, sc->name, h);
		/* the family is the call's plain name (i386's _newselect
		 * is select's, its header's name) */
		snprintf(newname, sizeof(newname), "_new%s", sc->sig->family);
		ck_assert_msg(strncmp(sc->name, sc->sig->family,
				      strlen(sc->sig->family)) == 0 ||
			      (abi->bits == 32 && strcmp(sc->name, newname) == 0),
			      "%s %s: family %s", abi->name, sc->name,
			      sc->sig->family);
	}
}
END_TEST

/* tt_abi_syscall: bounds, empty rows, the x32 bit (x86_64 only). */
#define X32 0x40000000L

static const struct lookup_case {
	const struct tt_abi *abi;
	long nr;
	const char *name;	/* NULL: no row */
} lookup_cases[] = {
	{ X64, X32 | 230, NULL },	/* x32 is not traced */
	{ X64, X32 | 219, NULL },
	{ X64, X32 | 286, NULL },
	{ X64, X32 | 1, NULL },
	{ X64, X32 | 0, NULL },
	{ X64, X32 | 512, NULL },
	{ X64, 0x80000000L | 230, NULL },
	{ I386, X32 | 267, NULL },
	{ I386, X32 | 0, NULL },
	{ X64, -1, NULL },
	{ X64, -1L & ~X32, NULL },
	{ I386, -1, NULL },
	{ X64, 2, NULL },
	{ X64, 1, NULL },
	{ X64, 288, NULL },
	{ X64, 34, NULL },
	{ I386, 1, NULL },
	{ I386, 412, NULL },
	{ I386, 230, NULL },
	{ X64, 267, NULL },
};

START_TEST(test_lookup)
{
	const struct lookup_case *c = &lookup_cases[_i];
	const struct tt_syscall *sc = tt_abi_syscall(c->abi, c->nr);

	if (!c->name)
		ck_assert_msg(sc == NULL, "%s %#lx: found %s", c->abi->name,
			      (unsigned long)c->nr, sc ? sc->name : "");
	else
		ck_assert_msg(sc && strcmp(sc->name, c->name) == 0, "%s %#lx: want %s",
			      c->abi->name, (unsigned long)c->nr, c->name);
}
END_TEST

START_TEST(test_abis)
{
	ck_assert_ptr_eq(tt_abis[0], X64);
	ck_assert_ptr_eq(tt_abis[1], I386);
	ck_assert_ptr_null(tt_abis[2]);
	ck_assert_ptr_eq(TT_ABI_NATIVE, X64);
	ck_assert_str_eq(X64->name, "x86_64");
	ck_assert_str_eq(I386->name, "i386");
	ck_assert_uint_eq(X64->bits, 64);
	ck_assert_uint_eq(X64->ptr_size, 8);
	ck_assert_uint_eq(I386->bits, 32);
	ck_assert_uint_eq(I386->ptr_size, 4);
	ck_assert_int_eq(X64->restart_nr, 219);
	ck_assert_int_eq(I386->restart_nr, 0);

	ck_assert_ptr_eq(tt_abi_by_audit_arch(0xC000003E), X64);
	ck_assert_ptr_eq(tt_abi_by_audit_arch(0x40000003), I386);
	ck_assert_ptr_null(tt_abi_by_audit_arch(0x4000003E));
	ck_assert_ptr_null(tt_abi_by_audit_arch(0));

	ck_assert_ptr_eq(tt_abi_by_regset_size(216), X64);
	ck_assert_ptr_eq(tt_abi_by_regset_size(68), I386);
	ck_assert_ptr_null(tt_abi_by_regset_size(0));
	ck_assert_ptr_null(tt_abi_by_regset_size(72));
}
END_TEST

/* The register views, on NT_PRSTATUS buffers. */
static const uint64_t regs_args64[6] = {
	1, 0xffffffff00000001, 0x7ffc00001000, 0x7ffc00002000, 5, 6
};
static const uint64_t regs_args32[6] = { 1, 0xfffffffe, 0xffff1000, 0xffff2000, 5, 6 };

/* Entry, then exit once nr_minus_1 has set orig_ax to -1. */
static void check_view(const struct tt_abi *abi, void *regs, long nr,
		       const uint64_t args[6], void (*nr_minus_1)(void *regs),
		       int64_t rval)
{
	struct tt_regs_view v;

	memset(&v, 0, sizeof(v));
	abi->regs_entry(regs, &v);
	ck_assert_int_eq(v.nr, nr);
	for (unsigned i = 0; i < 6; i++)
		ck_assert_msg(v.args[i] == args[i], "%s arg %u: %#llx", abi->name, i,
			      (unsigned long long)v.args[i]);
	nr_minus_1(regs);
	abi->regs_exit(regs, &v);
	ck_assert_int_eq(v.nr, -1);
	/* the register as it is; the ABI's rule makes it the call's value */
	ck_assert_int_eq(tt_abi_rval(abi, v.rval), rval);
}

static void x86_64_nr_minus_1(void *regs)
{
	((struct user_regs_struct *)regs)->orig_rax = (unsigned long long)-1;
}

/* i386: ebx, ecx, edx, esi, edi, ebp, eax, ds, es, fs, gs, orig_eax, ... */
static void i386_nr_minus_1(void *regs)
{
	((uint32_t *)regs)[11] = (uint32_t)-1;
}

START_TEST(test_regs)
{
	struct user_regs_struct r;
	uint32_t r32[17] = { 1, 0xfffffffe, 0xffff1000, 0xffff2000, 5, 6,
			     (uint32_t)-4, 0, 0, 0, 0, 267 };

	memset(&r, 0, sizeof(r));
	r.orig_rax = 230;
	r.rdi = regs_args64[0];
	r.rsi = regs_args64[1];
	r.rdx = regs_args64[2];
	r.r10 = regs_args64[3];
	r.r8 = regs_args64[4];
	r.r9 = regs_args64[5];
	r.rax = (unsigned long long)-516;
	check_view(X64, &r, 230, regs_args64, x86_64_nr_minus_1, -516);
	ck_assert_uint_eq(I386->regset_size, sizeof(r32));
	check_view(I386, r32, 267, regs_args32, i386_nr_minus_1, -4);
}
END_TEST

/* The per-ABI rules: x32's numbers are x86_64's with __X32_SYSCALL_BIT
 * set (not traced), i386 returns 32-bit values. */
START_TEST(test_abi_rules)
{
	ck_assert_str_eq(tt_abi_other(X64, 0x40000000L | NR64_timer_settime),
			 "x32");
	ck_assert_ptr_null(tt_abi_other(X64, NR64_timer_settime));
	ck_assert_ptr_null(tt_abi_other(I386, 0x40000000L | 5));
	ck_assert_ptr_null(tt_abi_other(X64, -1));
	ck_assert_int_eq(tt_abi_rval(I386, 0xfffffffcLL), -4);
	ck_assert_int_eq(tt_abi_rval(I386, 0x1fffffffcLL), -4);
	ck_assert_int_eq(tt_abi_rval(X64, 0xfffffffcLL), 0xfffffffcLL);
	ck_assert_int_eq(tt_abi_rval(X64, -4), -4);
}
END_TEST

Suite *make_tables_suite(void)
{
	Suite *s = suite_create("tables");
	TCase *tc = ut_tcase(s, "tables", NULL, NULL);

	tcase_add_loop_test(tc, test_rows, 0, 2);
	tcase_add_loop_test(tc, test_numbers, 0, 2);
	tcase_add_test(tc, test_abi_rules);
	tcase_add_loop_test(tc, test_lookup, 0, NCASES(lookup_cases));
	tcase_add_test(tc, test_abis);
	tcase_add_test(tc, test_regs);
	return s;
}
