/* bench/mutex THREADS ROUNDS: THREADS threads take one pthread mutex
 * ROUNDS times each and yield the CPU while they hold it, so that the
 * others block on it whatever the machine's load: about two futex calls a
 * round, FUTEX_WAIT (no timeout) and FUTEX_WAKE, the calls of a program
 * that blocks but asks for no timing, beside the sched_yield.  ttrace must let them
 * run without a stop: the prefilter stops at a futex only when its op
 * takes a timeout and it has one.  Prints the counter (THREADS x ROUNDS)
 * so the work cannot be optimised away. */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long counter;
static long rounds;

static void *contend(void *arg)
{
	volatile unsigned spin = 0;

	(void)arg;
	for (long r = 0; r < rounds; r++) {
		pthread_mutex_lock(&lock);
		counter++;
		for (unsigned i = 0; i < 50; i++)
			spin += i;
		sched_yield();
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	long threads = argc > 1 ? atol(argv[1]) : 4;
	pthread_t *tids;

	rounds = argc > 2 ? atol(argv[2]) : 100000;
	if (threads < 1 || !(tids = calloc((size_t)threads, sizeof(*tids))))
		return 1;
	for (long t = 0; t < threads; t++)
		if (pthread_create(&tids[t], NULL, contend, NULL))
			return 1;
	for (long t = 0; t < threads; t++)
		pthread_join(tids[t], NULL);
	printf("%lu\n", counter);
	return 0;
}
