// RtSleep PERIOD_MS COUNT: a loop of Thread.sleep.
public class RtSleep {
	public static void main(String[] args) throws InterruptedException {
		long period = Long.parseLong(args[0]);
		int count = Integer.parseInt(args[1]);
		for (int i = 0; i < count; i++)
			Thread.sleep(period);
	}
}
