package org.hearth.services;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Answers to a form, keyed by question id, in the shape stored as JSON: text as strings, a date as
 * {@code "1980-05-01"} (or its typed parts while they are not yet a date), a name as {@code {written, latin}},
 * choices as strings or lists, a group as a list of objects, files as a list of {@code {document, name, type,
 * size}}. Unfinished answers are kept as typed, so that nothing a person wrote is lost.
 */
public final class Answers {

	private final LinkedHashMap<String, Object> values;

	private Answers(Map<String, Object> values) {
		this.values = new LinkedHashMap<>(values);
	}

	public static Answers empty() {
		return new Answers(Map.of());
	}

	public static Answers of(Map<String, ?> values) {
		return new Answers(deepCopy(values));
	}

	public Answers copy() {
		return of(values);
	}

	/** A read-only view, for storing as JSON. */
	public Map<String, Object> asMap() {
		return Collections.unmodifiableMap(values);
	}

	public boolean has(String id) {
		Object value = values.get(id);
		return value != null && !(value instanceof String s && s.isBlank())
				&& !(value instanceof List<?> l && l.isEmpty());
	}

	public @Nullable Object get(String id) {
		return values.get(id);
	}

	/** The answer as text, if it is text. */
	public Optional<String> text(String id) {
		return values.get(id) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
	}

	/**
	 * A group's items; none unless every element is an object. The whole list is checked, not its first element: a
	 * list such as {@code [{}, "text"]} (any JSON can arrive through the API) would otherwise pass as a list of maps
	 * and throw a ClassCastException at its second item, wherever it is read (FormEngine.suggestLatin, clean, rules).
	 */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> items(String groupId) {
		return values.get(groupId) instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)
				? (List<Map<String, Object>>) list : List.of();
	}

	/** A multiple choice's values; none unless every element is text (see {@link #items}). */
	@SuppressWarnings("unchecked")
	public List<String> list(String id) {
		return values.get(id) instanceof List<?> list && list.stream().allMatch(String.class::isInstance)
				? (List<String>) list : List.of();
	}

	public void put(String id, @Nullable Object value) {
		if (value == null || value instanceof String s && s.isBlank() || value instanceof List<?> l && l.isEmpty()
				|| value instanceof Map<?, ?> m && m.isEmpty()) {
			values.remove(id);
		}
		else {
			values.put(id, value);
		}
	}

	public void remove(String id) {
		values.remove(id);
	}

	/** Adds an uploaded file to a file question's answer. */
	public void addFile(String id, Map<String, Object> file) {
		@SuppressWarnings("unchecked")
		List<Object> files = values.get(id) instanceof List<?> list ? new ArrayList<>((List<Object>) list)
				: new ArrayList<>();
		files.add(new LinkedHashMap<>(file));
		values.put(id, files);
	}

	/** A file question's files; none unless every element is an object (see {@link #items}). */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> files(String id) {
		return values.get(id) instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)
				? (List<Map<String, Object>>) list : List.of();
	}

	@SuppressWarnings("unchecked")
	private static LinkedHashMap<String, Object> deepCopy(Map<String, ?> map) {
		var copy = new LinkedHashMap<String, Object>();
		map.forEach((k, v) -> copy.put(k, copyValue(v)));
		return copy;
	}

	@SuppressWarnings("unchecked")
	private static Object copyValue(Object value) {
		if (value instanceof Map<?, ?> m) {
			return deepCopy((Map<String, ?>) m);
		}
		if (value instanceof List<?> l) {
			return new ArrayList<>(l.stream().map(Answers::copyValue).toList());
		}
		return value;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Answers a && a.values.equals(values);
	}

	@Override
	public int hashCode() {
		return values.hashCode();
	}

	@Override
	public String toString() {
		// Answers are personal data: never print them.
		return "Answers[" + values.size() + " questions]";
	}
}
