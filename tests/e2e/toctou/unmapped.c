/* Another thread unmaps the page holding the request during the sleep:
 * reported as not readable again, not as a change. */
#include <sys/mman.h>
#include "toctou.h"

static struct k_timespec *req;

static void *unmapper(void *arg)
{
	(void)arg;
	spin(50000000);
	munmap(req, 4096);
	return NULL;
}

int main(void)
{
	pthread_t t;

	req = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (req == MAP_FAILED)
		return 99;
	*req = (struct k_timespec){ 0, 200000000 };
	start(unmapper, NULL, &t);
	syscall(NR_CLOCK_NANOSLEEP, CLOCK_MONOTONIC, 0, req, NULL);
	pthread_join(t, NULL);
	expect("TOCTOU: rqtp could not be read again when %s returned "
	       "(unmapped meanwhile)", NAME_CLOCK_NANOSLEEP);
	return 0;
}
