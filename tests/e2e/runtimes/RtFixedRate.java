// RtFixedRate PERIOD_MS COUNT: a task run COUNT times by a
// ScheduledExecutorService at a fixed rate (its worker waits on a
// condition: a futex wait with an absolute CLOCK_MONOTONIC timeout).
// The first run is at once: a first delay of one period would be waited
// for less the JVM's own start, a value that moves with the load.
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

public class RtFixedRate {
	public static void main(String[] args) throws InterruptedException {
		long period = Long.parseLong(args[0]);
		CountDownLatch left = new CountDownLatch(Integer.parseInt(args[1]) + 1);
		ScheduledExecutorService pool = Executors.newSingleThreadScheduledExecutor();
		pool.scheduleAtFixedRate(left::countDown, 0, period, TimeUnit.MILLISECONDS);
		left.await();
		pool.shutdownNow();
	}
}
