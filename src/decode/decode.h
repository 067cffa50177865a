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

/* Should the core fetch output argument i of this completed call?  True
 * when the kernel wrote it and it is not NULL. */
bool tt_output_wanted(const struct tt_event *ev, unsigned i);

/* How a call lays out its time structures: the row's width, and whether
 * the kernel keeps only the low half of a 64-bit tv_nsec (a compat task
 * through a time64 entry point). */
struct tt_time_layout {
	uint8_t width;		/* enum tt_time_width */
	bool compat_nsec;
	uint8_t ptr_size;	/* the ABI's pointers (sigevent): 4 or 8 */
};

struct tt_time_layout tt_layout_of(const struct tt_event *ev);

/* Builds the value of a pointed-to struct of the given type into node
 * (which becomes a TV_STRUCT), from bytes as the kernel lays them out. */
void tt_decode_struct(struct tt_event *ev, int node, enum tt_argtype type,
		      const uint8_t *bytes, struct tt_time_layout lay);

/* Little-endian integers of 4 or 8 bytes, sign- or zero-extended. */
int64_t tt_get_s(const uint8_t *b, unsigned size);
uint64_t tt_get_u(const uint8_t *b, unsigned size);

/* The struct readers beside tt_decode_struct's own (timespec.c). */
void tt_decode_timex(struct tt_event *ev, int node, const uint8_t *b,
		     struct tt_time_layout lay);
void tt_decode_sigevent(struct tt_event *ev, int node, const uint8_t *b,
			struct tt_time_layout lay);
unsigned tt_timex_size(enum tt_time_width w);

/* The bytes of a sigevent ttrace reads for an ABI with pointers of
 * ptr_size (up to SIGEV_THREAD's attributes: 32 native, 20 compat), and
 * the fields the kernel uses, from bytes in that ABI's layout. */
unsigned tt_sigevent_size(unsigned ptr_size);
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

/* The values the kernel takes from a timespec's bytes. */
void tt_timespec_values(const uint8_t *bytes, struct tt_time_layout lay,
			int64_t *sec, uint64_t *nsec, uint32_t *padding);

#endif
