package org.hearth.dialogue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hearth.shared.Csv;
import org.hearth.shared.RuleViolationException;

/**
 * References typed or pasted as evidence, checked for their form and written one way. The records they point to
 * belong to other modules (aid, monitoring) that the dialogue does not read: whether they exist is for the reader
 * to follow up, the form is for the dialogue to get right.
 */
final class EvidenceReferences {

	/** An item code of the aid catalogue, as the deliveries CSV writes it. */
	private static final Pattern ITEM = Pattern.compile("[a-z0-9-]{2,40}");

	/** A shipment id, optionally with an item: {@code <uuid>/diesel}, {@code <uuid> diesel} or {@code <uuid>:diesel}. */
	private static final Pattern SHIPMENT = Pattern.compile("(?i)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\\s*[/:\\s]\\s*([a-z0-9-]{2,40}))?");

	/** An incident's id alone, or at the end of its page's address ({@code .../incidents/<uuid>}). */
	private static final Pattern INCIDENT = Pattern.compile("(?i)(?:.*/incidents/)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/?");

	static final int MAX_URL = 2000;

	/** Columns of the deliveries CSV (docs/aid.md) that name its row: the shipment and the item. */
	private static final int CSV_SHIPMENT = 0;
	private static final int CSV_ITEM = 8;
	private static final int CSV_COLUMNS = 14;

	private EvidenceReferences() {
	}

	/** The reference written one way, or a refusal saying what the kind expects. */
	static String normalize(EvidenceKind kind, String typed) {
		String text = typed.strip();
		if (text.isEmpty()) {
			throw new RuleViolationException("dialogue.error.evidence-reference");
		}
		return switch (kind) {
			case AID_DELIVERY -> delivery(text);
			case INCIDENT -> incident(text);
			case URL -> url(text);
			case DOCUMENT -> throw new IllegalArgumentException("a document is uploaded, not referenced");
		};
	}

	/** A shipment id, with an item when one row of the deliveries CSV is meant; a whole pasted row is read too. */
	static String delivery(String text) {
		Matcher m = SHIPMENT.matcher(text);
		if (m.matches()) {
			UUID shipment = UUID.fromString(m.group(1));
			return m.group(2) == null ? shipment.toString() : shipment + "/" + m.group(2).toLowerCase(Locale.ROOT);
		}
		if (text.contains(",")) {
			try {
				List<Csv.Record> records = Csv.parse(text);
				if (records.size() == 1 && records.get(0).fields().size() == CSV_COLUMNS) {
					List<String> fields = records.get(0).fields();
					String item = fields.get(CSV_ITEM).strip();
					UUID shipment = UUID.fromString(fields.get(CSV_SHIPMENT).strip());
					if (ITEM.matcher(item).matches()) {
						return shipment + "/" + item;
					}
				}
			}
			catch (IllegalArgumentException notARow) {
				// falls through to the refusal below
			}
		}
		throw new RuleViolationException("dialogue.error.evidence-delivery");
	}

	static String incident(String text) {
		Matcher m = INCIDENT.matcher(text);
		if (!m.matches()) {
			throw new RuleViolationException("dialogue.error.evidence-incident");
		}
		return UUID.fromString(m.group(1)).toString();
	}

	/** An absolute https address with a host, no credentials in it, no spaces. */
	static String url(String text) {
		if (text.length() > MAX_URL) {
			throw new RuleViolationException("dialogue.error.evidence-url-long", MAX_URL);
		}
		try {
			URI uri = new URI(text);
			if (!"https".equalsIgnoreCase(uri.getScheme())) {
				throw new RuleViolationException("dialogue.error.evidence-url-https");
			}
			if (uri.getHost() == null || uri.getRawUserInfo() != null) {
				throw new RuleViolationException("dialogue.error.evidence-url");
			}
			return "https" + text.substring(uri.getScheme().length());
		}
		catch (URISyntaxException e) {
			throw new RuleViolationException("dialogue.error.evidence-url");
		}
	}
}
