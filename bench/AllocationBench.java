package org.hearth.housing.allocation;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times one allocation round at the scale of the programme: 200,000 households, 20,000 units in 70 settlements.
 *
 * <pre>
 * javac -d /tmp/ab -cp target/classes bench/AllocationBench.java
 * java -Xmx2g -cp /tmp/ab:target/classes org.hearth.housing.allocation.AllocationBench [households] [units] [seed]
 * </pre>
 */
public final class AllocationBench {

	public static void main(String[] args) {
		int households = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
		int unitCount = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
		long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
		Random random = new Random(seed);
		String[] settlements = new String[70];
		for (int i = 0; i < settlements.length; i++) {
			settlements[i] = "S" + i;
		}

		List<Unit> units = new ArrayList<>();
		for (int i = 0; i < unitCount; i++) {
			units.add(new Unit("U" + i, settlements[random.nextInt(settlements.length)], 1 + random.nextInt(5),
					random.nextInt(10) == 0, random.nextInt(10) != 0));
		}
		List<Household> list = new ArrayList<>();
		for (int i = 0; i < households; i++) {
			List<String> prefs = new ArrayList<>();
			int count = 1 + random.nextInt(4);
			while (prefs.size() < count) {
				String s = settlements[random.nextInt(settlements.length)];
				if (!prefs.contains(s)) {
					prefs.add(s);
				}
			}
			list.add(new Household("H" + i, random.nextInt(101), 1 + random.nextInt(8), random.nextInt(10) == 0, prefs));
		}

		long start = System.nanoTime();
		Result result = AllocationSolver.solve(list, units, Rules.defaults());
		long millis = (System.nanoTime() - start) / 1_000_000;

		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.printf("households=%d units=%d seed=%d%n", households, unitCount, seed);
		System.out.printf("time=%d ms assigned=%d totalValue=%d peakHeap=%d MB (sum of pool peaks) maxHeap=%d MB%n",
				millis, result.assignments().size(), result.totalValue(), peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
		System.out.println(AllocationSolver.ALGORITHM_VERSION);
	}
}
