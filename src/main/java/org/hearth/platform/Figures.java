package org.hearth.platform;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A published figure as text: in the reader's language for pages and charts, in one fixed form for open data. */
@Component
public class Figures {

	/** How open data writes a figure shown as small, as CSV and JSON readers expect it ("<10"). */
	public static String small(int threshold) {
		return "<" + threshold;
	}

	/** How open data writes a withheld figure. */
	public static final String WITHHELD = "x";

	private final MessageSource messages;
	private final Suppression suppression;

	public Figures(MessageSource messages, Suppression suppression) {
		this.messages = messages;
		this.suppression = suppression;
	}

	public String text(Suppression.Figure figure, Locale locale) {
		return switch (figure.shown()) {
			case COUNT -> messages.getMessage("figure.count", new Object[] { figure.count() }, locale);
			case SMALL -> messages.getMessage("figure.small", new Object[] { suppression.threshold() }, locale);
			case WITHHELD -> messages.getMessage("figure.withheld", null, locale);
		};
	}

	/** The figure as a CSV cell: the count, {@code <10}, or {@code x}. */
	public String data(Suppression.Figure figure) {
		return switch (figure.shown()) {
			case COUNT -> Long.toString(figure.count());
			case SMALL -> small(suppression.threshold());
			case WITHHELD -> WITHHELD;
		};
	}
}
