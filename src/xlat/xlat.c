/* ttrace - table look-ups. */
#include "xlat/xlat.h"

const char *tt_xlat_name(const struct tt_xlat *x, uint64_t val)
{
	for (size_t i = 0; i < x->n; i++)
		if (x->e[i].val == val)
			return x->e[i].name;
	return NULL;
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
