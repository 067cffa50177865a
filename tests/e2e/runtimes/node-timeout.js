// node-timeout.js PERIOD_MS COUNT: a chain of setTimeout, each tick
// arming the next.
const period = Number(process.argv[2]);
const count = Number(process.argv[3]);
let ticks = 0;
function tick() {
	if (++ticks < count)
		setTimeout(tick, period);
}
setTimeout(tick, period);
