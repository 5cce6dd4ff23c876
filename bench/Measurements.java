package org.hearth.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the in-JVM benchmarks share: timing an action many times and reporting its percentiles as
 * {@code RESULT key = value} lines, which their scripts read into docs/benchmarks.md, and a GET over HTTP.
 */
public final class Measurements {

	private Measurements() {
	}

	/** A GET that must answer 200; {@code bytes[0]} is set to the body's size. */
	public static int get(HttpClient http, String url, String language, int[] bytes) {
		try {
			HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
					.header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(url + " answered " + response.statusCode());
			}
			bytes[0] = response.body().length;
			return response.body().length;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Runs {@code action} to warm up (a fifth of {@code runs}, at least 30 times or {@code runs} if fewer), then
	 * {@code runs} times, and reports p50 / p95 / p99 / max in milliseconds.
	 */
	public static void timed(String name, int runs, Supplier<Integer> action) {
		for (int i = 0; i < Math.max(Math.min(30, runs), runs / 5); i++) {
			action.get();
		}
		double[] ms = new double[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			action.get();
			ms[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(ms);
		report(name + ".runs", runs);
		report(name + ".p50", format(ms[(int) Math.ceil(runs * 0.50) - 1]));
		report(name + ".p95", format(ms[(int) Math.ceil(runs * 0.95) - 1]));
		report(name + ".p99", format(ms[(int) Math.ceil(runs * 0.99) - 1]));
		report(name + ".max", format(ms[runs - 1]));
	}

	public static String format(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	public static void report(String key, Object value) {
		System.out.println("RESULT " + key + " = " + value);
	}
}
