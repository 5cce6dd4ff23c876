package org.hearth.aid;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hearth.shared.LocalizedText;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/** The items aid is counted in. Reference data: loaded by migrations, read often, so held in memory. */
@Service
public class Catalogue {

	public record Item(String code, Category category, MeasureUnit unit, LocalizedText name,
			@Nullable BigDecimal unitValue, @Nullable BigDecimal approvalQuantity) {
	}

	private final Map<String, Item> items;
	private final List<Item> ordered;

	Catalogue(JdbcClient jdbc, JsonMapper json) {
		Map<String, Item> loaded = new LinkedHashMap<>();
		jdbc.sql("SELECT code, category, unit, name::text, unit_value, approval_quantity FROM aid.item ORDER BY category, code")
				.query((rs, n) -> new Item(rs.getString(1), Category.valueOf(rs.getString(2)),
						MeasureUnit.valueOf(rs.getString(3)), json.readValue(rs.getString(4), LocalizedText.class),
						rs.getBigDecimal(5), rs.getBigDecimal(6)))
				.list().forEach(item -> loaded.put(item.code(), item));
		this.items = Map.copyOf(loaded);
		this.ordered = List.copyOf(loaded.values());
	}

	/** Every item, by category, then code. */
	public List<Item> items() {
		return ordered;
	}

	public Optional<Item> find(String code) {
		return Optional.ofNullable(items.get(code));
	}

	/** The item, or a refusal a person can read. */
	public Item require(String code) {
		return find(code).orElseThrow(() -> new RuleViolationException("aid.error.unknown-item"));
	}
}
