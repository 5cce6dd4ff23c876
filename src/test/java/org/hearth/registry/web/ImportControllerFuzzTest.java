package org.hearth.registry.web;

import java.util.List;
import java.util.Locale;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.hearth.registry.ImportWithoutDatabase;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.ui.ConcurrentModel;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes uploaded at /registry/import, through the page's own code: a ZIP archive read as a workbook, anything
 * else as UTF-8 CSV, by the real {@link ImportController} on an import without a database
 * ({@link ImportWithoutDatabase}). The page answers with a report — each row left out with its line and a sentence
 * in the reader's language — or with one of its refusals (empty, not text, not a workbook, unpacks to too much); it
 * never throws, which would be a 500.
 */
class ImportControllerFuzzTest {

	static final int MAX_BYTES = 1 << 20;

	static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("hy"), Locale.forLanguageTag("az"),
			Locale.forLanguageTag("ru"), Locale.ENGLISH);

	final ImportController page = new ImportController(ImportWithoutDatabase.create(), messages(),
			DataSize.ofMegabytes(1), DataSize.ofMegabytes(4));

	static ReloadableResourceBundleMessageSource messages() {
		var messages = new ReloadableResourceBundleMessageSource();
		messages.setBasenames("classpath:i18n/registry/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setDefaultLocale(Locale.ENGLISH);
		messages.setAlwaysUseMessageFormat(true);
		return messages;
	}

	@FuzzTest(maxDuration = "60s")
	void anyUploadGivesAReportOrARefusal(byte[] content) {
		if (content.length > MAX_BYTES) {
			return;
		}
		// One language per input, so that each costs one import; the fuzzer's inputs cover all four.
		Locale language = LANGUAGES.get(content.length % LANGUAGES.size());
		{
			var model = new ConcurrentModel();
			String view = page.upload(new MockMultipartFile("file", "list.csv", "text/csv", content), language, model);
			assertThat(view).isEqualTo("registry/import");
			Object error = model.getAttribute("error");
			Object report = model.getAttribute("report");
			assertThat(error == null).as("an error or a report, not both").isEqualTo(report != null);
			if (report instanceof ImportController.ReportView view1) {
				for (ImportController.ProblemRow problem : view1.problems()) {
					// A key with no sentence in the bundle would be shown as the key itself.
					assertThat(problem.message()).doesNotStartWith("registry.import.");
				}
			}
		}
	}
}
