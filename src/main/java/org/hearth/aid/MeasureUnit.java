package org.hearth.aid;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The unit an item is counted in, with the decimal places it allows and the symbols people write after a number in
 * any of the four languages. An item has exactly one unit: a quantity written in another is refused, never
 * converted.
 */
public enum MeasureUnit {

	KILOGRAM(3, Set.of("kg", "кг", "կգ", "kq", "kilogram", "kilograms", "килограмм", "kiloqram")),
	RATION_PACK(0, Set.of("pack", "packs", "паёк", "паек", "пайков", "pay", "չափաբաժին")),
	PARCEL(0, Set.of("parcel", "parcels", "набор", "наборов", "bağlama", "փաթեթ")),
	LITRE(2, Set.of("l", "л", "լ", "lt", "litre", "litres", "liter", "liters", "литр", "литров", "litr")),
	CUBIC_METRE(3, Set.of("m3", "m³", "м3", "м³", "մ3", "մ³")),
	KIT(0, Set.of("kit", "kits", "компл", "комплект", "dəst", "հավաքածու")),
	PIECE(0, Set.of("pcs", "pc", "piece", "pieces", "шт", "шт.", "штук", "ədəd", "əd", "əd.", "հատ")),
	MINUTE(0, Set.of("min", "minutes", "мин", "минут", "dəq", "dəqiqə", "րոպե"));

	private final int scale;
	private final Set<String> symbols;

	MeasureUnit(int scale, Set<String> symbols) {
		this.scale = scale;
		this.symbols = symbols;
	}

	/** How many decimal places a quantity in this unit may have. */
	public int scale() {
		return scale;
	}

	/** The unit a written symbol (or the unit's code) stands for, whatever the language. */
	public static Optional<MeasureUnit> bySymbol(String written) {
		String symbol = written.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
				.filter(u -> u.symbols.contains(symbol) || u.name().toLowerCase(Locale.ROOT).equals(symbol))
				.findFirst();
	}
}
