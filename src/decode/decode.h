/* ttrace - the decoder contract.
 *
 * Decoders are pure: they read ev->raw (argument registers), ev->mem (the
 * bytes the core fetched for pointer arguments: inputs at entry, outputs
 * at exit when the signature says the kernel wrote them) and the return
 * value, and build ev->v.  They never touch the tracee or any output, so
 * they are unit-tested and fuzzed on plain buffers.
 */
#ifndef TTRACE_DECODE_H
#define TTRACE_DECODE_H

#include <stdbool.h>

#include "event.h"

/* At entry: decode every by-value and input argument; outputs become
 * TV_PENDING. */
void tt_decode_entry(struct tt_event *ev);

/* At exit (ev->ret set): decode the outputs. */
void tt_decode_exit(struct tt_event *ev);

/* Should the core fetch output argument i of this completed call (into
 * ev->mem; an AD_INWB input into ev->back)?  True when the kernel wrote it
 * and it is not NULL. */
bool tt_output_wanted(const struct tt_event *ev, unsigned i);

/* Pointer argument i is shown as its address, not decoded (TA_NOT_SHOWN);
 * NULL stays NULL. */
void tt_arg_not_shown(struct tt_event *ev, unsigned i);

/* How a call lays out its time structures: the row's width, and whether
 * the kernel keeps only the low half of a 64-bit tv_nsec (a compat task
 * through a time64 entry point). */
struct tt_time_layout {
	uint8_t width;		/* enum tt_time_width */
	bool compat_nsec;
	uint8_t ptr_size;	/* the ABI's pointers (sigevent): 4 or 8 */
	/* An array's reader: the elements (a bit set's bits) it was given,
	 * and how many the call had (more are shown as "..."). */
	uint32_t count, total;
	/* A struct whose first field points to more (tt_type.sub): those
	 * bytes, when the pointer was not NULL and they could be read. */
	const uint8_t *sub;
	bool sub_ok;
};

struct tt_time_layout tt_layout_of(const struct tt_event *ev);

/* Builds the value of a pointed-to struct of the given type into node
 * (which becomes a TV_STRUCT), from bytes as the kernel lays them out:
 * the type's reader. */
void tt_decode_struct(struct tt_event *ev, int node, enum tt_argtype type,
		      const uint8_t *bytes, struct tt_time_layout lay);

/* A reader of a pointed-to struct: builds node from bytes. */
typedef void tt_struct_reader(struct tt_event *ev, int node,
			      const uint8_t *bytes, struct tt_time_layout lay);

/* How a by-value argument's register becomes its value. */
enum tt_scalar {
	TT_SCALAR_S32,		/* .s: the low half, an int */
	TT_SCALAR_U32,		/* .u: the low half, unsigned */
	TT_SCALAR_REG,		/* .u: the register (cut to the ABI's width) */
	TT_SCALAR_SLONG,	/* .s: the register as a signed long of the ABI */
};

/* How big a pointed-to argument is in tracee memory. */
enum tt_size_by {
	TT_SIZE_NONE,		/* passed by value */
	TT_SIZE_FIXED,		/* size64 always */
	TT_SIZE_BY_WIDTH,	/* the row's width: TW_32 size32, else size64 */
	TT_SIZE_BY_PTR,		/* the ABI's pointers: 4 size32, 8 size64 */
	/* arrays (the argument's count says how long): */
	TT_SIZE_ELEMS,		/* elements of size32 (4-byte pointers) or
				 * size64 (8-byte) */
	TT_SIZE_BITS,		/* a bit set in longs of the ABI (fd_set) */
};

/* One argument type (src/decode/types.c: tt_types, indexed by enum
 * tt_argtype). */
struct tt_type {
	const char *name;		/* the kernel's C type */
	/* by value (AD_VAL) */
	uint8_t vkind;			/* enum tt_vkind */
	uint8_t scalar;			/* enum tt_scalar */
	const struct tt_xlat *xlat;	/* names of flags or values */
	/* pointed to (AD_IN, AD_OUT, AD_INOUT) */
	uint8_t size_by;		/* enum tt_size_by */
	uint16_t size32, size64;	/* each at most TT_MAX_STRUCT */
	tt_struct_reader *read;
	/* Padding the kernel ignores for a compat task through a time64
	 * entry point (the upper half of a tv_nsec): the 4 bytes at pad_at
	 * of every pad_every bytes; pad_every 0: none.  The TOCTOU check
	 * reports a change there apart. */
	uint8_t pad_every, pad_at;
	/* As an AD_INWB argument: the bytes the kernel writes back, wb_len
	 * at wb_at of every wb_every (a pollfd's revents); wb_every 0: all
	 * of them.  The TOCTOU check does not compare them. */
	uint8_t wb_every, wb_at, wb_len;
	/* A struct whose first field is a pointer to an argument of type
	 * sub_type the kernel reads too (pselect6's and io_pgetevents'
	 * {const sigset_t *, size_t}): the core reads it at entry into
	 * ev->sub, for the reader (tt_time_layout.sub).  has_sub false:
	 * none. */
	bool has_sub;
	uint8_t sub_type;		/* enum tt_argtype */
};

extern const struct tt_type tt_types[];

/* The bytes to read of what a struct argument of this type points to
 * (tt_type.sub), 0 for none. */
unsigned tt_sub_size(enum tt_argtype type, const struct tt_time_layout *lay);

/* Is byte k of an AD_INWB argument of this type one the kernel writes? */
bool tt_type_written_back(enum tt_argtype type, unsigned k);

/* The layout for argument i's reader: the call's, with the count of an
 * array's elements in the len bytes read. */
struct tt_time_layout tt_layout_of_arg(const struct tt_event *ev, unsigned i,
				       unsigned len);

/* Is byte k of a pointed-to argument of this type padding? */
bool tt_type_padding(enum tt_argtype type, struct tt_time_layout lay,
		     unsigned k);

/* Little-endian integers of 4 or 8 bytes, sign- or zero-extended. */
int64_t tt_get_s(const uint8_t *b, unsigned size);
uint64_t tt_get_u(const uint8_t *b, unsigned size);

/* The struct readers of tt_types: timespec.c, timex.c, sigevent.c. */
tt_struct_reader tt_read_timespec, tt_read_itimerspec, tt_read_itimerval,
	tt_read_int_array, tt_read_u64_array, tt_decode_timex,
	tt_decode_sigevent;

/* Arrays and sets (src/decode/arrays.c). */
typedef void tt_elem_reader(struct tt_event *ev, int node, const uint8_t *b,
			    struct tt_time_layout lay);
/* node becomes an array of lay.count elements of elem_size at b, each
 * built by read_elem, the first TT_MAX_SHOWN shown then "...". */
void tt_read_elems(struct tt_event *ev, int node, const uint8_t *b,
		   struct tt_time_layout lay, unsigned elem_size,
		   tt_elem_reader *read_elem);
/* For a reader that picks its elements: node becomes an empty array at
 * addr; tt_array_room says whether a shown-th element may follow, or
 * adds the "..." of the left not shown and says no. */
int tt_array_begin(struct tt_event *ev, int node, uint64_t addr);
bool tt_array_room(struct tt_event *ev, int node, unsigned shown,
		   uint64_t left);
bool tt_bit_set(const uint8_t *b, unsigned n);
/* An fd_set of lay.count bits: "[3 4]". */
tt_struct_reader tt_read_fdset;
/* A sigset_t of 64 signals: "[USR1]", "~[]". */
tt_struct_reader tt_read_sigset;
/* pselect6's {const sigset_t *ss; size_t ss_len}: "{sigmask=[USR1],
 * sigsetsize=8}". */
tt_struct_reader tt_read_sigmask_arg;
/* strace reads a sigset argument only when its size argument is from a
 * long to 8 bytes, and then that many: a decode_entry hook's rule for
 * sigset argument set_arg sized by argument size_arg. */
void tt_sigset_sized(struct tt_event *ev, unsigned set_arg, unsigned size_arg);
/* A timeval of the row's width. */
tt_struct_reader tt_read_timeval;
/* An array of pollfds (src/decode/poll.c). */
tt_struct_reader tt_read_pollfds;
/* An array of epoll_events (src/decode/epoll.c). */
tt_struct_reader tt_read_epoll_events;
/* A siginfo_t of the ABI's layout (src/decode/sigtimedwait.c). */
tt_struct_reader tt_read_siginfo;
/* An array of struct futex_waitv (src/decode/futex.c). */
tt_struct_reader tt_read_futex_waitv;
/* output_written of the waits: the kernel writes back what it returns
 * (revents, fd sets, the time left) on success and when a signal
 * interrupts the wait. */
bool tt_wait_written_back(const struct tt_event *ev, unsigned i);

/* The result list printed after a return value (ev->result): a new item
 * (label: the text shows its name first, "left {...}"). */
int tt_result_item(struct tt_event *ev, const char *name, enum tt_vkind kind,
		   bool label);
/* The "left {...}" item: the time argument i the kernel wrote back
 * (ev->back[i]), when it is not NULL. */
void tt_result_left(struct tt_event *ev, unsigned i);

/* semtimedop's sembufs (src/decode/sem.c), io_getevents' io_events
 * (src/decode/aio.c). */
tt_struct_reader tt_read_sembufs, tt_read_io_events;

/* For a call whose argument 0 points to the arguments of another (its
 * signature's indirect: i386's old select), once the core read them:
 * ev becomes a call of that row (not in any table), whose raw arguments
 * are the longs read, nothing of them read yet; the core then reads its
 * pointer arguments before tt_decode_entry.  False, and ev unchanged,
 * when the call has none or they could not be read (strace then shows
 * the address). */
bool tt_decode_indirect(struct tt_event *ev);
/* The struct that holds them, should a reader be asked for it: strace
 * never shows it but as the select it holds, or as its address. */
tt_struct_reader tt_read_sel_args;

/* For a multiplexer (i386 ipc) whose decode_entry finds which call it
 * makes: ev becomes a call of row sc (not in any table: its name is the
 * subcall's, as strace shows it), whose argument i is the multiplexer's
 * argument from[i] (from[i] >= i), with the bytes read for it; the
 * arguments are decoded again by sc's signature. */
void tt_decode_subcall(struct tt_event *ev, const struct tt_syscall *sc,
		       const uint8_t *from);

/* The fields of a sigevent the kernel uses, from bytes in the layout of
 * an ABI with pointers of ptr_size. */
struct tt_sigevent_head {
	uint64_t sival;
	int32_t signo, notify;
};
struct tt_sigevent_head tt_sigevent_head(const uint8_t *b, unsigned ptr_size);

/* The call's meaning for time (ev->timing): at entry, from the registers
 * and the inputs read (also for a call ttrace only remembers for
 * restart_syscall: its inputs unread, it has no value); at exit, the id
 * of a timer it created. */
void tt_timing_entry(struct tt_event *ev);
void tt_timing_exit(struct tt_event *ev);
/* At a restart_syscall's entry (ev->resumes set): ev's timing becomes
 * that of orig, the call it resumes, when that is a wait (the kernel
 * keeps the wait's deadline in the restart block: poll, futex), so that
 * its exit says how the wait ended and how late; orig_entry: when orig
 * entered, NULL if unknown (not traced, or blocked before -p). */
void tt_timing_resume(struct tt_event *ev, const struct tt_event *orig,
		      const struct tt_timestamps *orig_entry);

/* The values the kernel takes from a timespec's bytes. */
void tt_timespec_values(const uint8_t *bytes, struct tt_time_layout lay,
			int64_t *sec, uint64_t *nsec, uint32_t *padding);

#endif
