/* ttrace - table look-ups. */
#include <stdio.h>

#include "xlat/xlat.h"

const char *tt_xlat_name(const struct tt_xlat *x, uint64_t val)
{
	for (size_t i = 0; i < x->n; i++)
		if (x->e[i].val == val)
			return x->e[i].name;
	return NULL;
}

const char *tt_xlat_next_flag(const struct tt_xlat *x, uint64_t *left,
			      size_t *pos)
{
	while (*pos < x->n) {
		const struct tt_xlat_entry *e = &x->e[(*pos)++];

		if (e->val && (*left & e->val) == e->val) {
			*left &= ~e->val;
			return e->name;
		}
	}
	return NULL;
}

struct tt_clockid tt_clockid_split(int32_t id)
{
	struct tt_clockid c = { TC_UNKNOWN, NULL, 0, 0 };

	if (id >= 0) {
		c.name = tt_xlat_name(&tt_xlat_clocks, (uint64_t)id);
		if (c.name)
			c.kind = TC_NAMED;
		return c;
	}
	c.who = ~(id >> 3);
	if ((id & 7) == 3) {
		c.kind = TC_FD;
		return c;
	}
	c.name = tt_xlat_name(&tt_xlat_cpuclocks, (uint64_t)(id & 3));
	if (c.name) {
		c.kind = TC_CPU;
		c.per_thread = (id & 4) != 0;
	}
	return c;
}

char *tt_clockid_text(int32_t id, char *buf, size_t size)
{
	struct tt_clockid c = tt_clockid_split(id);

	switch (c.kind) {
	case TC_NAMED:
		snprintf(buf, size, "%s", c.name);
		break;
	case TC_FD:
		snprintf(buf, size, "FD_TO_CLOCKID(%d)", c.who);
		break;
	case TC_CPU:
		snprintf(buf, size, "MAKE_%s_CPUCLOCK(%d, %s)",
			 c.per_thread ? "THREAD" : "PROCESS", c.who, c.name);
		break;
	case TC_UNKNOWN:
		snprintf(buf, size, "%#x /* CLOCK_??? */", (unsigned)id);
		break;
	}
	return buf;
}

int32_t tt_cpuclock_of(int32_t id, int32_t who)
{
	return (int32_t)(((uint32_t)~who << 3) | ((uint32_t)id & 7));
}

#include <string.h>
#include "xlat/errnos.h"

const char *tt_errno_name(int err)
{
	if (err > 0 && err <= TT_ERRNO_MAX)
		return tt_errno_names[err];
	return NULL;
}

/* Messages for the codes that never reach user space; strerror() does not
 * know them. */
const char *tt_errno_text(int err)
{
	switch (err) {
	case TT_ERESTARTSYS: return "To be restarted if SA_RESTART is set";
	case TT_ERESTARTNOINTR: return "To be restarted";
	case TT_ERESTARTNOHAND: return "To be restarted if no handler";
	case TT_ENOIOCTLCMD: return "Inappropriate ioctl for device";
	case TT_ERESTART_RESTARTBLOCK: return "Interrupted by signal";
	}
	return strerror(err);
}

int tt_errno_is_restart(int err)
{
	return err == TT_ERESTARTSYS || err == TT_ERESTARTNOINTR ||
	       err == TT_ERESTARTNOHAND || err == TT_ERESTART_RESTARTBLOCK;
}
