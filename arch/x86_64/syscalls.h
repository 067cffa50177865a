/* x86_64 syscall table rows (arch/x86/entry/syscalls/syscall_64.tbl).
 * One row per traced entry point: [nr] = { name, signature, time width }.
 * Adding a call of an existing family is adding a row here and in
 * arch/i386/syscalls.h. */
[219] = { "restart_syscall", &tt_sig_restart_syscall, TW_NONE, SF_RESTART },
[223] = { "timer_settime", &tt_sig_timer_settime, TW_64, 0 },
[230] = { "clock_nanosleep", &tt_sig_clock_nanosleep, TW_64, 0 },
[286] = { "timerfd_settime", &tt_sig_timerfd_settime, TW_64, 0 },
