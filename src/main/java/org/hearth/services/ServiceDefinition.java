package org.hearth.services;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.hearth.services.Question.Condition;
import org.hearth.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * A service as its definition file describes it. {@code version} is assigned by the catalogue: each distinct content
 * of a file is a new version, and an application keeps the version it was started with.
 */
public record ServiceDefinition(String code, int version, LocalizedText title, LocalizedText summary,
		@Nullable LocalizedText help, Workflow workflow, List<DocumentRequirement> documents, List<Page> pages,
		List<DateOrderRule> rules) {

	public ServiceDefinition {
		documents = documents == null ? List.of() : List.copyOf(documents);
		pages = List.copyOf(pages);
		rules = rules == null ? List.of() : List.copyOf(rules);
	}

	ServiceDefinition withVersion(int newVersion) {
		return new ServiceDefinition(code, newVersion, title, summary, help, workflow, documents, pages, rules);
	}

	public Optional<Page> page(String id) {
		return pages.stream().filter(p -> p.id().equals(id)).findFirst();
	}

	/** Every question at the top level of a page (not inside groups), in order. */
	public Stream<Question> questions() {
		return pages.stream().flatMap(p -> p.questions().stream());
	}

	public Optional<Question> question(String id) {
		return questions().filter(q -> q.id().equals(id)).findFirst();
	}

	public Optional<Page> pageOf(String questionId) {
		return pages.stream().filter(p -> p.questions().stream().anyMatch(q -> q.id().equals(questionId))).findFirst();
	}

	public Optional<DocumentRequirement> document(String id) {
		return documents.stream().filter(d -> d.id().equals(id)).findFirst();
	}

	/** One page of questions; shown only when its condition holds. */
	public record Page(String id, LocalizedText title, @Nullable LocalizedText help, @Nullable Condition showIf,
			List<Question> questions) {

		public Page {
			questions = List.copyOf(questions);
		}
	}

	/**
	 * A document the applicant uploads, through a {@code file} question that names it.
	 *
	 * @param formats any of pdf, jpeg, png: what the content must be, whatever the file is called
	 */
	public record DocumentRequirement(String id, LocalizedText title, @Nullable LocalizedText help, boolean required,
			int maxSizeMb, List<String> formats) {

		public DocumentRequirement {
			formats = List.copyOf(formats);
		}

		public List<String> mediaTypes() {
			return formats.stream().map(f -> switch (f) {
				case "pdf" -> "application/pdf";
				case "jpeg" -> "image/jpeg";
				case "png" -> "image/png";
				default -> throw new IllegalStateException(f);
			}).toList();
		}
	}

	/** Two dates that must come in order, such as arrival after birth; inside a group, per item. */
	public record DateOrderRule(String id, String earlier, String later, LocalizedText message) {
	}

	/**
	 * How applications of this service are decided. Only {@code four-eyes-decision} exists: a caseworker
	 * recommends with reasons, a different supervisor confirms or returns, refusals can be appealed once.
	 */
	public record Workflow(String type, int appealDays, int permitValidityYears, List<DecisionReason> approveReasons,
			List<DecisionReason> refuseReasons) {

		public static final String FOUR_EYES = "four-eyes-decision";

		public Workflow {
			approveReasons = List.copyOf(approveReasons);
			refuseReasons = List.copyOf(refuseReasons);
		}

		/** The reason's title in {@code locale}, or its code if this version does not know it. */
		public String reasonTitle(String code, java.util.Locale locale) {
			return reason(code).map(r -> r.title().in(locale)).orElse(code);
		}

		public Optional<DecisionReason> reason(String code) {
			return Stream.concat(approveReasons.stream(), refuseReasons.stream()).filter(r -> r.code().equals(code))
					.findFirst();
		}
	}

	public record DecisionReason(String code, LocalizedText title) {
	}
}
