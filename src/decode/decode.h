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

/* Does the kernel keep only the low half of a 64-bit tv_nsec for this
 * call?  (Compat tasks through the time64 entry points.) */
bool tt_nsec_is_compat(const struct tt_event *ev);

/* Width-specific readers: build a struct value under node from bytes laid
 * out as the kernel's struct of that width.  path names the node for notes. */
void tt_decode_timespec(struct tt_event *ev, int node, const uint8_t *bytes);
void tt_decode_itimerspec(struct tt_event *ev, int node, const uint8_t *bytes);

#endif
