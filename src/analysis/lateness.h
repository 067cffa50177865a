/* ttrace - how late a sleep woke, measured at its exit stop. */
#ifndef TTRACE_LATENESS_H
#define TTRACE_LATENESS_H

struct tcb;
struct tt_event;
struct tt_timestamps;

/* For a sleep (its signature has a sleep shape) that returned 0: sets
 * ev->requested_ns, ev->absolute, ev->sleep_clock and ev->lateness_ns.
 * A relative sleep's lateness is exit minus entry minus the request; an
 * absolute sleep's is its clock, read now, minus the deadline. */
void tt_lateness_measure(const struct tcb *tcp, struct tt_event *ev,
			 const struct tt_timestamps *now);

/* At the entry of an absolute request (a deadline, a timer's absolute
 * expiry; not a disarm): sets ev->left_ns, the deadline minus its clock
 * read now (for CLOCK_MONOTONIC and CLOCK_REALTIME, the entry stop's
 * timestamps, ev->t_entry). */
void tt_lateness_left(const struct tcb *tcp, struct tt_event *ev);

#endif
