package org.hearth.housing.allocation;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maximum-weight matching of households (capacity 1) to unit classes (capacity = units in the class), exact.
 *
 * <p>Households are inserted one at a time, Hungarian style: prices on classes and implicit household utilities
 * satisfy complementary slackness after every insertion, so the matching is optimal for the households seen so
 * far. Each insertion is one Dijkstra over the classes only: moving a housed household from class a to class b
 * costs {@code weight(a) - weight(b) + price(b) - price(a)}, and the weight difference does not depend on prices,
 * so for every pair (a, b) the cheapest mover is kept in a sorted set that changes only when households move.
 *
 * <p>The weight of household {@code h} (0-based in the caller's order) on edge {@code e} is
 * {@code scale * primary[e] + (n - h)}; the caller chooses {@code scale} so that the sum never overflows.
 */
final class ClassMatching {

	private static final long LOW = 0xFFFF_FFFFL;

	private final int n;
	private final int[] edgeStart;
	private final int[] edgeClass;
	private final int[] primary;
	private final long scale;
	private final int[] capacity;

	private final long[] price;
	private final int[] load;
	private final int[] assigned;
	/** Per class, its households keyed by weight (primary, then bonus), for eviction. */
	private final TreeSet<Long>[] members;
	/** Per class a and target b, households in a keyed by primary(a) - primary(b), then bonus. */
	private final TreeMap<Integer, TreeSet<Long>>[] moves;

	private final long[] dist;
	private final int[] predClass;
	private final int[] predItem;
	private final boolean[] settled;
	private final int[] touched;
	private int touchedCount;

	@SuppressWarnings("unchecked")
	ClassMatching(int[] edgeStart, int[] edgeClass, int[] primary, long scale, int[] capacity) {
		this.n = edgeStart.length - 1;
		this.edgeStart = edgeStart;
		this.edgeClass = edgeClass;
		this.primary = primary;
		this.scale = scale;
		this.capacity = capacity;
		int k = capacity.length;
		price = new long[k];
		load = new int[k];
		assigned = new int[n];
		Arrays.fill(assigned, -1);
		members = new TreeSet[k];
		moves = new TreeMap[k];
		for (int c = 0; c < k; c++) {
			members[c] = new TreeSet<>();
			moves[c] = new TreeMap<>();
		}
		dist = new long[k];
		Arrays.fill(dist, Long.MAX_VALUE);
		predClass = new int[k];
		predItem = new int[k];
		settled = new boolean[k];
		touched = new int[k];
	}

	/** Returns, per household, the index of its assigned edge or -1. */
	int[] solve() {
		for (int h = 0; h < n; h++) {
			insert(h);
		}
		return assigned.clone();
	}

	private long bonus(int h) {
		return n - h;
	}

	private long weight(int h, int e) {
		return scale * primary[e] + bonus(h);
	}

	private void insert(int h) {
		long utility = 0;
		for (int e = edgeStart[h]; e < edgeStart[h + 1]; e++) {
			utility = Math.max(utility, weight(h, e) - price[edgeClass[e]]);
		}
		if (utility == 0) {
			return;
		}
		PriorityQueue<long[]> queue = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
		for (int e = edgeStart[h]; e < edgeStart[h + 1]; e++) {
			relax(queue, edgeClass[e], utility + price[edgeClass[e]] - weight(h, e), -1, e);
		}
		long best = utility; // cost of leaving h without a home
		int terminal = -1;
		int evicted = -1;
		while (!queue.isEmpty()) {
			long[] top = queue.poll();
			int a = (int) top[1];
			long d = top[0];
			if (settled[a] || d != dist[a]) {
				continue;
			}
			if (d >= best) {
				break;
			}
			settled[a] = true;
			if (load[a] < capacity[a]) {
				best = d;
				terminal = a;
				evicted = -1;
				break;
			}
			long cheapest = members[a].first();
			long evictCost = d + scale * (cheapest >> 32) + (cheapest & LOW) - price[a];
			if (evictCost < best) {
				best = evictCost;
				terminal = a;
				evicted = household(cheapest);
			}
			for (var entry : moves[a].entrySet()) {
				int b = entry.getKey();
				if (settled[b] || entry.getValue().isEmpty()) {
					continue;
				}
				long mover = entry.getValue().first();
				relax(queue, b, d + price[b] - price[a] + scale * (mover >> 32), a, household(mover));
			}
		}
		for (int i = 0; i < touchedCount; i++) {
			int c = touched[i];
			if (settled[c] && dist[c] < best) {
				price[c] += best - dist[c];
			}
		}
		if (terminal >= 0) {
			augment(h, terminal, evicted);
		}
		for (int i = 0; i < touchedCount; i++) {
			int c = touched[i];
			dist[c] = Long.MAX_VALUE;
			settled[c] = false;
		}
		touchedCount = 0;
	}

	private void relax(PriorityQueue<long[]> queue, int c, long d, int fromClass, int item) {
		if (d >= dist[c]) {
			return;
		}
		if (dist[c] == Long.MAX_VALUE) {
			touched[touchedCount++] = c;
		}
		dist[c] = d;
		predClass[c] = fromClass;
		predItem[c] = item;
		queue.add(new long[] {d, c});
	}

	private void augment(int h, int terminal, int evicted) {
		if (evicted >= 0) {
			unassign(evicted);
		}
		int c = terminal;
		while (predClass[c] >= 0) {
			int mover = predItem[c];
			unassign(mover);
			assign(mover, edgeTo(mover, c));
			c = predClass[c];
		}
		assign(h, predItem[c]);
	}

	private int edgeTo(int h, int c) {
		for (int e = edgeStart[h]; e < edgeStart[h + 1]; e++) {
			if (edgeClass[e] == c) {
				return e;
			}
		}
		throw new IllegalStateException("no edge from household " + h + " to class " + c);
	}

	private int household(long key) {
		return (int) (n - (key & LOW));
	}

	private void assign(int h, int e) {
		update(h, e, true);
	}

	private void unassign(int h) {
		update(h, assigned[h], false);
	}

	private void update(int h, int e, boolean add) {
		int a = edgeClass[e];
		assigned[h] = add ? e : -1;
		load[a] += add ? 1 : -1;
		toggle(members[a], ((long) primary[e] << 32) + bonus(h), add);
		for (int f = edgeStart[h]; f < edgeStart[h + 1]; f++) {
			if (f == e) {
				continue;
			}
			TreeSet<Long> set = moves[a].computeIfAbsent(edgeClass[f], b -> new TreeSet<>());
			toggle(set, ((long) (primary[e] - primary[f]) << 32) + bonus(h), add);
		}
	}

	private static void toggle(TreeSet<Long> set, long key, boolean add) {
		if (add) {
			set.add(key);
		}
		else set.remove(key);
	}
}
