/* ttrace - constants of System V IPC: semtimedop's and i386 ipc's. */
#include "xlat/xlat.h"

/* A sembuf's sem_flg (include/uapi/linux/sem.h, linux/ipc.h), in
 * strace's order */
TT_XLAT(tt_xlat_semop_flags, "SEM_???",
	{ 0x1000, "SEM_UNDO" },
	{ 004000, "IPC_NOWAIT" },
);

/* i386 ipc's call, its low 16 bits (include/uapi/linux/ipc.h) */
TT_XLAT(tt_xlat_ipc_calls, "IPCCALL_???",
	{ 1, "SEMOP" },
	{ 2, "SEMGET" },
	{ 3, "SEMCTL" },
	{ 4, "SEMTIMEDOP" },
	{ 11, "MSGSND" },
	{ 12, "MSGRCV" },
	{ 13, "MSGGET" },
	{ 14, "MSGCTL" },
	{ 21, "SHMAT" },
	{ 22, "SHMDT" },
	{ 23, "SHMGET" },
	{ 24, "SHMCTL" },
);
