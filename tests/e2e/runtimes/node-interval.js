// node-interval.js PERIOD_MS COUNT: setInterval, cleared after COUNT
// ticks (libuv's epoll wait, its timeout the time to the next timer).
const period = Number(process.argv[2]);
const count = Number(process.argv[3]);
let ticks = 0;
const timer = setInterval(() => {
	if (++ticks >= count)
		clearInterval(timer);
}, period);
