package org.hearth.platform;

import java.util.List;
import java.util.Locale;

/**
 * Charts drawn on the server as SVG: they need no JavaScript, weigh a few kilobytes, scale to a phone's width and
 * print. Every chart is an image with a title for screen readers; the page shows the same numbers in a table beside
 * it. Labels are escaped here, so a chart may be written into a page unescaped.
 */
public final class SvgCharts {

	private SvgCharts() {
	}

	/**
	 * One bar: {@code valueText} is written at its end as the reader reads numbers; {@code alert} marks it (by a
	 * pattern as well as a colour) as below what was wanted.
	 */
	public record Bar(String label, double value, String valueText, boolean alert) {
	}

	private static final int WIDTH = 640;
	private static final int LABEL_WIDTH = 220;
	private static final int VALUE_WIDTH = 70;
	private static final int ROW = 28;
	private static final int BAR = 18;

	/**
	 * Horizontal bars from 0 to {@code max}, with a dashed line at {@code reference} (say 100 %) when it lies
	 * within the scale.
	 */
	public static String horizontalBars(String title, List<Bar> bars, double max, double reference) {
		int height = Math.max(1, bars.size()) * ROW + 10;
		double scale = max <= 0 ? 1 : max;
		int plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
		StringBuilder svg = new StringBuilder(256 + bars.size() * 300);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
				.append(WIDTH).append(' ').append(height).append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">")
				.append("<title>").append(escape(title)).append("</title>")
				.append("<defs><pattern id=\"chart-alert\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" ")
				.append("patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" class=\"chart-alert-bg\"/>")
				.append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"chart-alert-line\"/></pattern></defs>");
		for (int i = 0; i < bars.size(); i++) {
			Bar bar = bars.get(i);
			int y = i * ROW + 5;
			double length = Math.max(0, Math.min(bar.value(), scale)) / scale * plot;
			svg.append("<g class=\"chart-row\">")
					.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + BAR - 4)
					.append("\" text-anchor=\"end\" class=\"chart-label\">").append(escape(truncate(bar.label(), 32)))
					.append("</text>")
					.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"")
					.append(format(length)).append("\" height=\"").append(BAR).append("\" class=\"chart-bar")
					.append(bar.alert() ? " chart-bar-alert\" fill=\"url(#chart-alert)" : "").append("\"/>")
					.append("<text x=\"").append(format(LABEL_WIDTH + length + 6)).append("\" y=\"").append(y + BAR - 4)
					.append("\" class=\"chart-value\">").append(escape(bar.valueText())).append("</text>")
					.append("</g>");
		}
		if (reference > 0 && reference <= scale) {
			double x = LABEL_WIDTH + reference / scale * plot;
			svg.append("<line x1=\"").append(format(x)).append("\" y1=\"0\" x2=\"").append(format(x)).append("\" y2=\"")
					.append(height).append("\" class=\"chart-reference\" stroke-dasharray=\"4 3\"/>");
		}
		return svg.append("</svg>").toString();
	}

	private static String truncate(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> {
					if (c >= 0x20 || c == '\t') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}
}
