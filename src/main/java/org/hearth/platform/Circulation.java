package org.hearth.platform;

import java.util.ArrayDeque;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A feasible circulation with lower and upper bounds on every edge, found by the classic reduction to a maximum
 * flow (Dinic's algorithm). The small-cell audit asks it whether a table's published figures allow a hidden count
 * to take a given value; network constraints like these have integral solutions, so the answer holds for counts.
 */
final class Circulation {

	private final int nodes;
	private final int[] from;
	private final int[] to;

	Circulation(int nodes, int[] from, int[] to) {
		this.nodes = nodes;
		this.from = from;
		this.to = to;
	}

	/** A flow on every edge within its bounds that is conserved at every node, or none if there is no such flow. */
	long @Nullable [] solve(long[] lower, long[] upper) {
		int m = from.length;
		int source = nodes;
		int sink = nodes + 1;
		MaxFlow flow = new MaxFlow(nodes + 2, m + nodes);
		long[] excess = new long[nodes];
		int[] edge = new int[m];
		for (int e = 0; e < m; e++) {
			if (lower[e] > upper[e]) {
				return null;
			}
			edge[e] = flow.add(from[e], to[e], upper[e] - lower[e]);
			excess[to[e]] += lower[e];
			excess[from[e]] -= lower[e];
		}
		long required = 0;
		for (int v = 0; v < nodes; v++) {
			if (excess[v] > 0) {
				flow.add(source, v, excess[v]);
				required += excess[v];
			}
			else if (excess[v] < 0) {
				flow.add(v, sink, -excess[v]);
			}
		}
		if (flow.run(source, sink) != required) {
			return null;
		}
		long[] result = new long[m];
		for (int e = 0; e < m; e++) {
			result[e] = lower[e] + flow.flowOn(edge[e]);
		}
		return result;
	}

	private static final class MaxFlow {

		private final int n;
		private final int[] head;
		private int[] next;
		private int[] target;
		private long[] capacity;
		private long[] original;
		private int edges;
		private final int[] level;
		private final int[] cursor;

		MaxFlow(int n, int expectedEdges) {
			this.n = n;
			this.head = new int[n];
			Arrays.fill(head, -1);
			int size = 2 * Math.max(expectedEdges, 4);
			this.next = new int[size];
			this.target = new int[size];
			this.capacity = new long[size];
			this.original = new long[size];
			this.level = new int[n];
			this.cursor = new int[n];
		}

		int add(int u, int v, long cap) {
			if (edges + 2 > target.length) {
				int size = target.length * 2;
				next = Arrays.copyOf(next, size);
				target = Arrays.copyOf(target, size);
				capacity = Arrays.copyOf(capacity, size);
				original = Arrays.copyOf(original, size);
			}
			int e = edges;
			link(u, v, cap);
			link(v, u, 0);
			return e;
		}

		private void link(int u, int v, long cap) {
			target[edges] = v;
			capacity[edges] = cap;
			original[edges] = cap;
			next[edges] = head[u];
			head[u] = edges++;
		}

		long flowOn(int e) {
			return original[e] - capacity[e];
		}

		long run(int s, int t) {
			long total = 0;
			while (levels(s, t)) {
				System.arraycopy(head, 0, cursor, 0, n);
				long pushed;
				while ((pushed = push(s, t, Long.MAX_VALUE)) > 0) {
					total += pushed;
				}
			}
			return total;
		}

		private boolean levels(int s, int t) {
			Arrays.fill(level, -1);
			level[s] = 0;
			ArrayDeque<Integer> queue = new ArrayDeque<>();
			queue.add(s);
			while (!queue.isEmpty()) {
				int u = queue.poll();
				for (int e = head[u]; e >= 0; e = next[e]) {
					if (capacity[e] > 0 && level[target[e]] < 0) {
						level[target[e]] = level[u] + 1;
						queue.add(target[e]);
					}
				}
			}
			return level[t] >= 0;
		}

		private long push(int u, int t, long limit) {
			if (u == t) {
				return limit;
			}
			for (; cursor[u] >= 0; cursor[u] = next[cursor[u]]) {
				int e = cursor[u];
				int v = target[e];
				if (capacity[e] > 0 && level[v] == level[u] + 1) {
					long pushed = push(v, t, Math.min(limit, capacity[e]));
					if (pushed > 0) {
						capacity[e] -= pushed;
						capacity[e ^ 1] += pushed;
						return pushed;
					}
				}
			}
			return 0;
		}
	}
}
