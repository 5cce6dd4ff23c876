package org.hearth.registry;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.ibm.icu.text.Transliterator;
import org.hearth.HearthApplication;
import org.hearth.shared.Scripts;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry's benchmark (bench/registry.sh; docs/benchmarks.md): a generated list of displaced households —
 * Azerbaijani and Armenian names written in their own scripts, a share of persons registered a second time in
 * another script or romanisation, with a typo or day and month swapped — imported through {@link RegistryImport},
 * then {@link Duplicates#detect}. Precision and recall are measured against the generator's truth, carried in the
 * patronymic column (which the finder does not read).
 */
public final class RegistryBench {

	static final String[] AZ_GIVEN = { "Əli", "Vüqar", "Aytən", "Leyla", "Rəşad", "Elnur", "Günel", "Nigar", "Orxan",
			"Tural", "Səbinə", "Kamran", "Fərid", "Nərmin", "Zaur", "İlham", "Rauf", "Samirə", "Elvin", "Şahin", "Kənan",
			"Aynur", "Ramil", "Lalə", "Emin", "Sevinc", "Natiq", "Ülviyyə", "Cavid", "Könül", "Mirzə", "Xədicə", "Elşən",
			"Gülnar", "Rövşən", "Zərifə", "Anar", "Vüsalə", "Tofiq", "Nurlan" };
	static final String[] AZ_ROOTS = { "Məmməd", "Əli", "Həsən", "Hüseyn", "Quli", "İsmayıl", "Abbas", "Rəhim",
			"Cəfər", "Nəsir", "Baba", "Kərim", "Oruc", "Rza", "Sadıq", "Əhməd", "Bağır", "Qasım", "İbrahim", "Musa",
			"Mehdi", "Əsgər", "Salman", "Vəli", "Yusif", "Zeynal", "Mirzə", "Nəbi", "Şükür", "Tağı", "Xəlil", "Heydər",
			"Süleyman", "Ramazan", "Qurban", "Novruz", "Allahverdi", "Məhərrəm", "Qədir", "Fərhad" };
	static final String[] HY_GIVEN = { "Արմեն", "Աննա", "Դավիթ", "Նարեկ", "Տիգրան", "Մարիամ", "Լիլիթ", "Հայկ", "Անի",
			"Սարգիս", "Արամ", "Գայանե", "Վահե", "Կարեն", "Էդգար", "Սոնա", "Գևորգ", "Նունե", "Արթուր", "Սիրանուշ",
			"Վարդան", "Հասմիկ", "Գագիկ", "Լուսինե", "Արսեն", "Մանե", "Սամվել", "Շուշան", "Ռուբեն", "Զարուհի", "Հրանտ",
			"Աստղիկ", "Մհեր", "Նաիրա", "Սերգեյ", "Թամարա", "Աշոտ", "Էլեն", "Ռաֆայել", "Արփի" };
	static final String[] HY_ROOTS = { "Պետրոս", "Հովհաննիս", "Սարգս", "Գրիգոր", "Հարություն", "Խաչատր", "Մկրտչ",
			"Ավետիս", "Վարդան", "Ղազար", "Կարապետ", "Ստեփան", "Աբրահամ", "Մարտիրոս", "Բաղդասար", "Առաքել", "Բաբայ",
			"Դանիել", "Եղիազար", "Զաքար", "Թադևոս", "Իսրայել", "Լևոն", "Մանուկ", "Ներսես", "Շահին", "Ոսկան", "Պողոս",
			"Ջհան", "Ռշտունի", "Սիմոն", "Տեր-Մինաս", "Ուլուբաբ", "Փիլիպոս", "Քոչար", "Օհան", "Ֆարման", "Աղաջան",
			"Գասպար", "Դավթ" };
	static final String[] PLACES = { "Şuşa", "Xankəndi", "Ağdam", "Füzuli", "Laçın", "Kəlbəcər", "Xocalı", "Xocavənd",
			"Tərtər", "Cəbrayıl", "Zəngilan", "Qubadlı", "Ağdərə", "Əsgəran", "Hadrut" };
	static final Transliterator TO_CYRILLIC = Transliterator.getInstance("Any-Latin; Latin-Cyrillic");

	public static void main(String[] args) throws Exception {
		int households = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
		Path data = Path.of(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir"));
		double missingDates = args.length > 2 ? Double.parseDouble(args[2]) : 0;
		long seed = 20261128;
		String csv = generate(households, missingDates, new Random(seed));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HearthApplication.class)
				.profiles("demo").run("--server.port=0", "--hearth.data-dir=" + data, "--logging.level.root=WARN",
						"--spring.main.banner-mode=off")) {
			System.gc();
			long t0 = System.nanoTime();
			RegistryImport.Report report = context.getBean(RegistryImport.class)
					.importCsv(new StringReader(csv), "import:bench");
			double importSeconds = (System.nanoTime() - t0) / 1e9;
			report("import.seconds", String.format(Locale.ROOT, "%.1f", importSeconds));
			report("import.households", report.households());
			report("import.persons", report.persons());
			report("import.problems", report.problems().size());

			t0 = System.nanoTime();
			int pairs = context.getBean(Duplicates.class).detect();
			report("duplicates.seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
			report("duplicates.pairs", pairs);

			JdbcClient jdbc = context.getBean(JdbcClient.class);
			long truePairs = jdbc.sql("""
					SELECT count(*) FROM (SELECT patronymic FROM registry.person WHERE patronymic LIKE 'T%'
					GROUP BY patronymic HAVING count(*) = 2) t""").query(Long.class).single();
			long correct = jdbc.sql("""
					SELECT count(*) FROM registry.duplicate d JOIN registry.person a ON a.id = d.first_id
					JOIN registry.person b ON b.id = d.second_id WHERE a.patronymic = b.patronymic""")
					.query(Long.class).single();
			report("duplicates.true-pairs", truePairs);
			report("duplicates.correct", correct);
			report("duplicates.precision", String.format(Locale.ROOT, "%.3f", pairs == 0 ? 0 : (double) correct / pairs));
			report("duplicates.recall", String.format(Locale.ROOT, "%.3f", (double) correct / truePairs));
			long heap = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					heap += pool.getPeakUsage().getUsed();
				}
			}
			report("heap.peak-mb", heap / 1_000_000);
			report("heap.max-mb", Runtime.getRuntime().maxMemory() / 1_000_000);
		}
		System.exit(0);
	}

	/**
	 * The CSV: households of 1 to 5, then one in twenty persons registered again on their own, as a variant; a
	 * share {@code missingDates} of those without their birth date.
	 */
	static String generate(int households, double missingDates, Random random) {
		var csv = new StringBuilder(String.join(",", RegistryImport.COLUMNS)).append('\n');
		List<String[]> again = new ArrayList<>();
		int serial = 0;
		for (int h = 0; h < households; h++) {
			boolean armenian = random.nextBoolean();
			String family = armenian ? HY_ROOTS[random.nextInt(HY_ROOTS.length)] + "յան"
					: AZ_ROOTS[random.nextInt(AZ_ROOTS.length)] + (random.nextBoolean() ? "ov" : "li");
			String place = PLACES[random.nextInt(PLACES.length)];
			int size = 1 + random.nextInt(5);
			for (int p = 0; p < size; p++) {
				String given = armenian ? HY_GIVEN[random.nextInt(HY_GIVEN.length)] : AZ_GIVEN[random.nextInt(AZ_GIVEN.length)];
				LocalDate born = LocalDate.of(1925, 1, 1).plusDays(random.nextInt(95 * 365));
				String truth = "T" + serial++;
				String[] person = { given, family, truth, born.toString(), place };
				csv.append(row("H" + h, person, 1990));
				if (random.nextInt(20) == 0) {
					again.add(new String[] { variant(given, random), variant(family, random), truth,
							random.nextDouble() < missingDates ? "" : dateVariant(born, random),
							random.nextInt(5) == 0 ? "" : place });
				}
			}
		}
		int h = households;
		for (String[] person : again) {
			csv.append(row("H" + h++, person, 1991));
		}
		return csv.toString();
	}

	private static String row(String household, String[] p, int year) {
		return household + "," + p[0] + "," + p[1] + "," + p[2] + "," + p[3] + "," + p[4] + "," + year + ",,\n";
	}

	private static String variant(String name, Random random) {
		String written = switch (random.nextInt(3)) {
			case 0 -> name;
			case 1 -> Scripts.toLatin(name).replace("ə", "a").replace("Ə", "A");
			default -> TO_CYRILLIC.transliterate(Scripts.toLatin(name));
		};
		if (random.nextInt(3) == 0) {
			String latin = Scripts.toLatin(written);
			int at = 1 + random.nextInt(Math.max(1, latin.length() - 2));
			if (at + 1 < latin.length()) {
				written = latin.substring(0, at) + latin.charAt(at + 1) + latin.charAt(at) + latin.substring(at + 2);
			}
		}
		return written.replace(",", "");
	}

	private static String dateVariant(LocalDate born, Random random) {
		if (random.nextInt(20) < 3 && born.getDayOfMonth() <= 12) {
			return LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue()).toString();
		}
		return born.toString();
	}

	private static void report(String key, Object value) {
		System.out.println("RESULT " + key + " = " + value);
	}
}
