/* x86_64 syscall table rows (arch/x86/entry/syscalls/syscall_64.tbl).
 * One row per traced entry point: [nr] = { name, signature, time width }.
 * Adding a call of an existing family is adding a row here and in
 * arch/i386/syscalls.h. */
[0] = { "read", &tt_sig_read, TW_NONE, 0 },
[35] = { "nanosleep", &tt_sig_nanosleep, TW_64, 0 },
[36] = { "getitimer", &tt_sig_getitimer, TW_64, 0 },
[37] = { "alarm", &tt_sig_alarm, TW_NONE, 0 },
[38] = { "setitimer", &tt_sig_setitimer, TW_64, 0 },
[219] = { "restart_syscall", &tt_sig_restart_syscall, TW_NONE, SF_RESTART },
[222] = { "timer_create", &tt_sig_timer_create, TW_NONE, 0 },
[223] = { "timer_settime", &tt_sig_timer_settime, TW_64, 0 },
[224] = { "timer_gettime", &tt_sig_timer_gettime, TW_64, 0 },
[225] = { "timer_getoverrun", &tt_sig_timer_getoverrun, TW_NONE, 0 },
[226] = { "timer_delete", &tt_sig_timer_delete, TW_NONE, 0 },
[227] = { "clock_settime", &tt_sig_clock_settime, TW_64, 0 },
[228] = { "clock_gettime", &tt_sig_clock_gettime, TW_64, 0 },
[229] = { "clock_getres", &tt_sig_clock_getres, TW_64, 0 },
[230] = { "clock_nanosleep", &tt_sig_clock_nanosleep, TW_64, 0 },
[283] = { "timerfd_create", &tt_sig_timerfd_create, TW_NONE, 0 },
[286] = { "timerfd_settime", &tt_sig_timerfd_settime, TW_64, 0 },
[287] = { "timerfd_gettime", &tt_sig_timerfd_gettime, TW_64, 0 },
[305] = { "clock_adjtime", &tt_sig_clock_adjtime, TW_64, 0 },
