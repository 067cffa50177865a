// go-poll ticker|sleep PERIOD_MS COUNT: a Go program's poll loop, COUNT
// ticks of a time.Ticker or COUNT calls of time.Sleep.  Both wait on the
// runtime's timers, which its netpoller's epoll_pwait waits for.
package main

import (
	"os"
	"strconv"
	"time"
)

func main() {
	ms, _ := strconv.Atoi(os.Args[2])
	count, _ := strconv.Atoi(os.Args[3])
	period := time.Duration(ms) * time.Millisecond
	switch os.Args[1] {
	case "ticker":
		ticker := time.NewTicker(period)
		for i := 0; i < count; i++ {
			<-ticker.C
		}
		ticker.Stop()
	case "sleep":
		for i := 0; i < count; i++ {
			time.Sleep(period)
		}
	default:
		os.Exit(2)
	}
}
