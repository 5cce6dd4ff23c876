package org.hearth.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hearth.shared.Languages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Letters in four scripts, with the glyphs right, the fonts inside the file, and nothing fetched from outside. */
class PdfRendererTest {

	private static final String ARMENIAN = "Հայաստանի Հանրապետություն";
	private static final String AZERBAIJANI = "Azərbaycan Respublikası Şuşa Ağdam İsmayıl Gəncə ÇĞÖÜ";
	private static final String RUSSIAN = "Российская Федерация Шуша";
	private static final String ENGLISH = "Residence permit";

	private final ListAppender<ILoggingEvent> refusals = new ListAppender<>();
	private PdfRenderer renderer;

	@BeforeEach
	void setUp() {
		var messages = new StaticMessageSource();
		messages.setAlwaysUseMessageFormat(true);
		messages.addMessage("platform-test.letter.title", Locale.ENGLISH, ENGLISH);
		messages.addMessage("platform-test.letter.title", Languages.ARMENIAN, "Կացության թույլտվություն");
		renderer = new PdfRenderer(new GenericApplicationContext(), messages);
		refusals.start();
		((Logger) LoggerFactory.getLogger(LocalResources.class)).addAppender(refusals);
	}

	@AfterEach
	void tearDown() {
		((Logger) LoggerFactory.getLogger(LocalResources.class)).detachAppender(refusals);
	}

	@Test
	void rendersFourScriptsAsTextWithEmbeddedNotoFonts() throws IOException {
		byte[] pdf = renderer.render("platform-test/letter", Locale.ENGLISH, letter());

		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		assertThat(pdf.length).isLessThan(200 * 1024);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			// Extracting the exact text proves every glyph maps back to its character (ToUnicode).
			assertThat(new PDFTextStripper().getText(document)).contains(ARMENIAN, AZERBAIJANI, RUSSIAN, ENGLISH,
					"Ö. Əliyev");
			List<PDFont> fonts = fonts(document);
			assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());
			assertThat(fonts).extracting(PdfRendererTest::baseName)
					.contains("NotoSans-Regular", "NotoSans-Bold", "NotoSansArmenian-Regular")
					.allMatch(name -> name.startsWith("NotoSans"));
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo(ENGLISH);
			assertThat(document.getDocumentInformation().getProducer()).isEqualTo("Hearth");
			assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
			assertThat(document.getDocumentCatalog().getMetadata()).as("PDF/A metadata").isNotNull();
			assertThat(document.getDocumentCatalog().getOutputIntents()).as("PDF/A colour profile").hasSize(1);
			// Links to the outside stay clickable: the resolver only guards what is loaded into the file.
			assertThat(document.getPage(0).getAnnotations()).filteredOn(PDAnnotationLink.class::isInstance)
					.extracting(a -> ((PDActionURI) ((PDAnnotationLink) a).getAction()).getURI())
					.containsExactly("https://hearth.example/verify/7Q2K");
		}
		assertThat(refusals.list).isEmpty();
	}

	@Test
	void documentLanguageAndTitleFollowTheLocale() throws IOException {
		byte[] pdf = renderer.render("platform-test/letter", Languages.ARMENIAN, letter());

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("hy");
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Կացության թույլտվություն");
			// The heading is bold Armenian: the fourth face.
			assertThat(fonts(document)).extracting(PdfRendererTest::baseName).contains("NotoSansArmenian-Bold");
		}
	}

	@Test
	void refusesToFetchFromTheNetworkAndStillRenders() throws IOException {
		byte[] pdf = renderer.render("platform-test/images", Locale.ENGLISH, Map.of("text", "Şuşa Шуша Շուշի"));

		assertThat(refusals.list).extracting(ILoggingEvent::getFormattedMessage).isNotEmpty()
				.allMatch(message -> message.contains("https://example.org/x.png"));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(images(document)).as("the inline data: image, not the remote one").hasSize(1);
			// No font-family in this template: the text falls back to the embedded faces all the same.
			assertThat(new PDFTextStripper().getText(document)).contains("Şuşa Шуша Շուշի");
			assertThat(fonts(document)).isNotEmpty().allSatisfy(font -> {
				assertThat(font.isEmbedded()).isTrue();
				assertThat(baseName(font)).startsWith("NotoSans");
			});
		}
	}

	@Test
	void resolvesOnlyClasspathAndDataUris() {
		var resolver = new LocalResources();
		String base = "classpath:/templates/applications/decision.html";

		assertThat(resolver.resolveURI(base, "seal.png")).isEqualTo("classpath:/templates/applications/seal.png");
		assertThat(resolver.resolveURI(base, "../fragments/letter.css"))
				.isEqualTo("classpath:/templates/fragments/letter.css");
		assertThat(resolver.resolveURI(base, "classpath:/static/img/seal.png"))
				.isEqualTo("classpath:/static/img/seal.png");
		assertThat(resolver.resolveURI(base, "data:image/png;base64,iVBO Rw0K\nGgo="))
				.isEqualTo("data:image/png;base64,iVBO Rw0K\nGgo=");
		assertThat(List.of("https://example.org/x.png", "http://169.254.169.254/latest/meta-data/",
				"HTTPS://example.org/x.png", "//example.org/x.png", "file:///etc/passwd", "jar:file:/app.jar!/x",
				"ftp://example.org/x", "not a uri:%%"))
				.allSatisfy(uri -> assertThat(resolver.resolveURI(base, uri)).as(uri).isNull());
	}

	@Test
	void aMissingMessageKeyFailsInsteadOfPrintingPlaceholders() {
		assertThatThrownBy(() -> renderer.render("platform-test/missing-key", Locale.ENGLISH, Map.of()))
				.hasRootCauseInstanceOf(NoSuchMessageException.class)
				.rootCause().hasMessageContaining("platform-test.no-such-key");
	}

	@Test
	void aTemplateThatIsNotWellFormedXhtmlFails() {
		assertThatThrownBy(() -> renderer.render("platform-test/malformed", Locale.ENGLISH, Map.of("text", "x")))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("platform-test/malformed")
				.hasMessageContaining("The element type \"br\" must be terminated");
	}

	private static Map<String, Object> letter() {
		return Map.of("lines", List.of(ARMENIAN, AZERBAIJANI, RUSSIAN), "signed", "Ö. Əliyev",
				"verifyUrl", "https://hearth.example/verify/7Q2K");
	}

	private static List<PDFont> fonts(PDDocument document) throws IOException {
		List<PDFont> fonts = new ArrayList<>();
		for (PDPage page : document.getPages()) {
			PDResources resources = page.getResources();
			for (COSName name : resources.getFontNames()) {
				fonts.add(resources.getFont(name));
			}
		}
		return fonts;
	}

	private static List<PDImageXObject> images(PDDocument document) throws IOException {
		List<PDImageXObject> images = new ArrayList<>();
		for (PDPage page : document.getPages()) {
			PDResources resources = page.getResources();
			for (COSName name : resources.getXObjectNames()) {
				if (resources.getXObject(name) instanceof PDImageXObject image) {
					images.add(image);
				}
			}
		}
		return images;
	}

	/** "ABCDEF+NotoSans-Bold" → "NotoSans-Bold": subset fonts carry a random six-letter tag. */
	private static String baseName(PDFont font) {
		return font.getName().replaceFirst("^[A-Z]{6}\\+", "");
	}
}
