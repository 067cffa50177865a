/* ttrace - the argument types as one table: everything the core, the
 * decoders and the TOCTOU check know of a type is its row.  A by-value
 * type says how its register becomes a value; a pointed-to one its size
 * in tracee memory, its reader, and the padding the kernel ignores.
 * Adding a type is adding its enum value and a row (and, for a new
 * struct, its reader beside the others).
 */
#include "abi.h"
#include "decode/decode.h"
#include "xlat/xlat.h"

/* A size of a pointed-to struct, refused at compile time when it does
 * not fit the event's buffers. */
#define FITS(n) ((n) + 0 * sizeof(char[(n) <= TT_MAX_STRUCT ? 1 : -1]))

#define VALUE(cname, vk, how, table)					\
	{ .name = cname, .vkind = vk, .scalar = how, .xlat = table }

/* A pointer passed by value would show as a number (none is). */
#define STRUCT(cname, by, s32, s64, reader, ...)			\
	{ .name = cname, .vkind = TV_UINT, .scalar = TT_SCALAR_REG,	\
	  .size_by = by, .size32 = FITS(s32), .size64 = FITS(s64),	\
	  .read = reader, __VA_ARGS__ }

/* An array of elements of s32 bytes (4-byte pointers) or s64 (8-byte),
 * as long as its count argument says. */
#define ELEMS(cname, s32, s64, reader, ...)				\
	{ .name = cname, .vkind = TV_UINT, .scalar = TT_SCALAR_REG,	\
	  .size_by = TT_SIZE_ELEMS, .size32 = s32, .size64 = s64,	\
	  .read = reader, __VA_ARGS__ }

/* The upper half of each tv_nsec in a __kernel_timespec (s64 tv_sec,
 * s64 tv_nsec): padding to a compat task through a time64 entry point. */
#define NSEC_PADDING .pad_every = 16, .pad_at = 12

const struct tt_type tt_types[] = {
	[AT_INT] = VALUE("int", TV_INT, TT_SCALAR_S32, NULL),
	[AT_FD] = VALUE("int fd", TV_FD, TT_SCALAR_S32, NULL),
	[AT_TIMERFD] = VALUE("int timerfd", TV_FD, TT_SCALAR_S32, NULL),
	/* the register, already cut to the ABI's width */
	[AT_SIZE] = VALUE("size_t", TV_UINT, TT_SCALAR_REG, NULL),
	[AT_TIMERID] = VALUE("timer_t", TV_INT, TT_SCALAR_S32, NULL),
	[AT_CLOCKID] = VALUE("clockid_t", TV_CLOCKID, TT_SCALAR_S32, NULL),
	[AT_TIMER_FLAGS] = VALUE("int flags", TV_FLAGS, TT_SCALAR_U32,
				 &tt_xlat_timer_flags),
	[AT_TFD_SETTIME_FLAGS] = VALUE("int flags", TV_FLAGS, TT_SCALAR_U32,
				       &tt_xlat_tfd_settime_flags),
	[AT_TFD_CREATE_FLAGS] = VALUE("int flags", TV_FLAGS, TT_SCALAR_U32,
				      &tt_xlat_tfd_create_flags),
	[AT_ITIMER_WHICH] = VALUE("int which", TV_XVAL, TT_SCALAR_U32,
				  &tt_xlat_itimer_which),
	[AT_UINT] = VALUE("unsigned int", TV_UINT, TT_SCALAR_U32, NULL),
	/* old_timespec32 8, __kernel_timespec 16 */
	[AT_TIMESPEC] = STRUCT("struct timespec", TT_SIZE_BY_WIDTH, 8, 16,
			       tt_read_timespec, NSEC_PADDING),
	/* it_interval, it_value: two timespecs */
	[AT_ITIMERSPEC] = STRUCT("struct itimerspec", TT_SIZE_BY_WIDTH, 16, 32,
				 tt_read_itimerspec, NSEC_PADDING),
	/* old_itimerval32 16, itimerval 32 (the kernel takes no padding out
	 * of a timeval) */
	[AT_ITIMERVAL] = STRUCT("struct itimerval", TT_SIZE_BY_WIDTH, 16, 32,
				tt_read_itimerval),
	/* old_timex32 128, __kernel_timex 208 */
	[AT_TIMEX] = STRUCT("struct timex", TT_SIZE_BY_WIDTH, 128, 208,
			    tt_decode_timex),
	/* up to the end of SIGEV_THREAD's _attribute, as strace reads:
	 * compat 20, native 32 (sigevent.c has the layouts) */
	[AT_SIGEVENT] = STRUCT("struct sigevent", TT_SIZE_BY_PTR, 20, 32,
			       tt_decode_sigevent),
	[AT_TIMERID_PTR] = STRUCT("timer_t *", TT_SIZE_FIXED, 4, 4,
				  tt_read_int_array),
	[AT_TFD_TICKS] = STRUCT("u64 *", TT_SIZE_FIXED, 8, 8,
				tt_read_u64_array),
	/* int fd; short events; short revents: the kernel writes revents */
	[AT_POLLFDS] = ELEMS("struct pollfd []", 8, 8, tt_read_pollfds,
			     .wb_every = 8, .wb_at = 6, .wb_len = 2),
	/* the kernel's sigset_t: 64 signals in both ABIs */
	[AT_SIGSET] = STRUCT("sigset_t", TT_SIZE_FIXED, 8, 8, tt_read_sigset),
	/* old_timeval32 8, __kernel_old_timeval 16 */
	[AT_TIMEVAL] = STRUCT("struct timeval", TT_SIZE_BY_WIDTH, 8, 16,
			      tt_read_timeval),
	/* two longs: the sigset's address (read too) and its size */
	[AT_SIGMASK_ARG] = STRUCT("struct { sigset_t *; size_t; }",
				  TT_SIZE_BY_PTR, 8, 16, tt_read_sigmask_arg,
				  .has_sub = true, .sub_type = AT_SIGSET),
	/* u32 events; u64 data: packed on x86_64, 12 bytes in both ABIs */
	[AT_EPOLL_EVENTS] = ELEMS("struct epoll_event []", 12, 12,
				  tt_read_epoll_events),
	/* 128 bytes in both ABIs; the union at 16 (native) or 12 (compat) */
	[AT_SIGINFO] = STRUCT("siginfo_t", TT_SIZE_FIXED, 128, 128,
			      tt_read_siginfo),
	/* longs of bits, as many as cover its count (select's n) */
	[AT_FDSET] = { .name = "fd_set", .vkind = TV_UINT,
		       .scalar = TT_SCALAR_REG, .size_by = TT_SIZE_BITS,
		       .size32 = 4, .size64 = 8, .read = tt_read_fdset },
	/* {n, inp, outp, exp, tvp}: five longs */
	[AT_SEL_ARG_STRUCT] = STRUCT("struct sel_arg_struct", TT_SIZE_BY_PTR,
				     20, 40, tt_read_sel_args),
	[AT_UADDR] = VALUE("void *", TV_PTR, TT_SCALAR_REG, NULL),
	[AT_FUTEX_OP] = VALUE("int op", TV_XVAL, TT_SCALAR_U32,
			      &tt_xlat_futex_ops),
	[AT_HEX] = VALUE("unsigned int", TV_HEX, TT_SCALAR_U32, NULL),
	/* u64 val, u64 uaddr, u32 flags, u32 __reserved in both ABIs */
	[AT_FUTEX_WAITV] = ELEMS("struct futex_waitv []", 24, 24,
				 tt_read_futex_waitv),
	/* u16 sem_num; s16 sem_op; s16 sem_flg */
	[AT_SEMBUFS] = ELEMS("struct sembuf []", 6, 6, tt_read_sembufs),
	/* u64 data, obj; s64 res, res2: the same in both ABIs */
	[AT_IO_EVENTS] = ELEMS("struct io_event []", 32, 32, tt_read_io_events),
	/* a kernel_ulong_t the kernel made (an address in the process) */
	[AT_AIO_CTX] = VALUE("aio_context_t", TV_PTR, TT_SCALAR_REG, NULL),
	[AT_LONG] = VALUE("long", TV_INT, TT_SCALAR_SLONG, NULL),
	[AT_IPC_CALL] = VALUE("unsigned int call", TV_XVAL, TT_SCALAR_U32,
			      &tt_xlat_ipc_calls),
	/* "%#lx": 0 is "0" */
	[AT_XLONG] = VALUE("long", TV_HEX, TT_SCALAR_REG, NULL),
};

_Static_assert(sizeof(tt_types) / sizeof(tt_types[0]) == AT_NTYPES,
	       "a row for every enum tt_argtype");

unsigned tt_arg_size(enum tt_argtype type, enum tt_time_width width,
		     unsigned ptr_size)
{
	const struct tt_type *t = &tt_types[type];

	switch (t->size_by) {
	case TT_SIZE_FIXED:
		return t->size64;
	case TT_SIZE_BY_WIDTH:
		return width == TW_32 ? t->size32 : t->size64;
	case TT_SIZE_BY_PTR:
	case TT_SIZE_ELEMS:
		return ptr_size == 4 ? t->size32 : t->size64;
	case TT_SIZE_BITS:
		return ptr_size;	/* a long of bits */
	default:
		return 0;	/* by value */
	}
}

/* An array's length: from an argument (an unsigned int in both ABIs:
 * poll's nfds; an int, select's n, whose negative values the kernel
 * refuses: none) or, at the exit, the return value. */
static uint64_t count_of(const struct tt_event *ev, uint8_t count)
{
	uint32_t n;

	if (count == TT_COUNT_RET)
		return ev->ret == TR_VALUE && ev->rval > 0 ? (uint64_t)ev->rval : 0;
	n = (uint32_t)ev->raw[count - 1];
	if (ev->sc->sig->args[count - 1].type == AT_INT && (int32_t)n < 0)
		return 0;
	return n;
}

unsigned tt_arg_bytes(const struct tt_event *ev, unsigned i)
{
	const struct tt_arg *a = &ev->sc->sig->args[i];
	unsigned elem = tt_arg_size(a->type, ev->sc->width, ev->abi->ptr_size);
	uint64_t n;

	if (!a->count)
		return elem;
	n = count_of(ev, a->count);
	if (tt_types[a->type].size_by == TT_SIZE_BITS)
		n = (n + 8 * elem - 1) / (8 * elem);	/* longs */
	if (n > TT_MAX_MEM / elem)
		n = TT_MAX_MEM / elem;
	return (unsigned)n * elem;
}

struct tt_time_layout tt_layout_of_arg(const struct tt_event *ev, unsigned i,
				       unsigned len)
{
	const struct tt_arg *a = &ev->sc->sig->args[i];
	struct tt_time_layout lay = tt_layout_of(ev);
	unsigned elem;
	uint64_t total;

	lay.sub = ev->sub[i].bytes;
	lay.sub_ok = ev->sub[i].ok;
	if (!a->count)
		return lay;
	elem = tt_arg_size(a->type, ev->sc->width, ev->abi->ptr_size);
	total = count_of(ev, a->count);
	lay.count = tt_types[a->type].size_by == TT_SIZE_BITS ? len * 8 :
		len / elem;
	if (lay.count > total)
		lay.count = (uint32_t)total;
	lay.total = total > UINT32_MAX ? UINT32_MAX : (uint32_t)total;
	return lay;
}

unsigned tt_sub_size(enum tt_argtype type, const struct tt_time_layout *lay)
{
	const struct tt_type *t = &tt_types[type];
	unsigned size;

	if (!t->has_sub)
		return 0;
	size = tt_arg_size(t->sub_type, lay->width, lay->ptr_size);
	return size <= TT_MAX_SUB ? size : 0;
}

bool tt_type_written_back(enum tt_argtype type, unsigned k)
{
	const struct tt_type *t = &tt_types[type];

	return !t->wb_every ||
	       (k % t->wb_every >= t->wb_at &&
		k % t->wb_every < (unsigned)t->wb_at + t->wb_len);
}

bool tt_type_padding(enum tt_argtype type, struct tt_time_layout lay,
		     unsigned k)
{
	const struct tt_type *t = &tt_types[type];

	return lay.compat_nsec && t->pad_every &&
	       k % t->pad_every >= t->pad_at && k % t->pad_every < t->pad_at + 4u;
}
