/* i386 syscall table rows (arch/x86/entry/syscalls/syscall_32.tbl), named
 * after the kernel entry points so the time width shows in the name.
 * [nr] = { name, signature, time width }. */
[0] = { "restart_syscall", &tt_sig_restart_syscall, TW_NONE, SF_RESTART },
[260] = { "timer_settime32", &tt_sig_timer_settime, TW_32, 0 },
[267] = { "clock_nanosleep_time32", &tt_sig_clock_nanosleep, TW_32, 0 },
[325] = { "timerfd_settime32", &tt_sig_timerfd_settime, TW_32, 0 },
[407] = { "clock_nanosleep_time64", &tt_sig_clock_nanosleep, TW_64, 0 },
[409] = { "timer_settime64", &tt_sig_timer_settime, TW_64, 0 },
[411] = { "timerfd_settime64", &tt_sig_timerfd_settime, TW_64, 0 },
