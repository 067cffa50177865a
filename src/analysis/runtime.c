/* ttrace - which threads are a language runtime's own (runtime.h). */
#include <string.h>

#include "runtime.h"

/* HotSpot's thread names as the kernel keeps them (cut to 15 bytes),
 * as JDK 17 sets them (os::set_native_thread_name); a name ending in
 * '#' is followed by a number. */
static const char *const jvm_threads[] = {
	"VM Thread", "VM Periodic Tas", "Service Thread", "Monitor Deflati",
	"C1 CompilerThre", "C2 CompilerThre", "Sweeper thread",
	"Common-Cleaner", "Reference Handl", "Finalizer", "Signal Dispatch",
	"Notification Th", "Attach Listener", "G1 Service", "G1 Main Marker",
	"GC Thread#", "G1 Conc#", "G1 Refine#", "VM JFR Buffer T",
	"JFR Periodic Ta",
};

bool tt_runtime_jvm_thread(const char *comm)
{
	for (size_t i = 0; i < sizeof(jvm_threads) / sizeof(jvm_threads[0]); i++) {
		size_t n = strlen(jvm_threads[i]);

		if (jvm_threads[i][n - 1] == '#' ?
		    strncmp(comm, jvm_threads[i], n) == 0 :
		    strcmp(comm, jvm_threads[i]) == 0)
			return true;
	}
	return false;
}
