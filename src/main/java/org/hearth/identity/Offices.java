package org.hearth.identity;

import java.util.List;
import java.util.Map;

import org.hearth.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The agency's offices and which districts each serves. Reference data, read once. */
@Service
public class Offices {

	private final List<Office> offices;

	Offices(JdbcClient jdbc, JsonMapper json) {
		this.offices = jdbc.sql("SELECT code, name::text AS name, districts, fallback FROM identity.office ORDER BY code")
				.query((rs, row) -> new Office(new OfficeId(rs.getString("code")),
						new LocalizedText(json.readValue(rs.getString("name"), new TypeReference<Map<String, String>>() {
						})), List.of((String[]) rs.getArray("districts").getArray()), rs.getBoolean("fallback")))
				.list();
	}

	public List<Office> all() {
		return offices;
	}

	/** The office serving {@code district} (an ISO 3166-2:AZ code); the fallback office if none does. */
	public OfficeId serving(String district) {
		return offices.stream().filter(o -> o.districts().contains(district)).findFirst()
				.or(() -> offices.stream().filter(Office::fallback).findFirst()).orElseThrow().id();
	}

	public LocalizedText name(OfficeId id) {
		return offices.stream().filter(o -> o.id().equals(id)).findFirst().map(Office::name)
				.orElseThrow(() -> new IllegalArgumentException("unknown office " + id));
	}

	public record Office(OfficeId id, LocalizedText name, List<String> districts, boolean fallback) {

		public Office {
			districts = List.copyOf(districts);
		}
	}

}
