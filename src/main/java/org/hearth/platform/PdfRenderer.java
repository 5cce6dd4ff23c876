package org.hearth.platform;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRRuntimeException;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.messageresolver.SpringMessageResolver;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Letters and permits as PDF in the applicant's language. The Thymeleaf template {@code templates/<name>.html} is
 * rendered with {@code #{…}} from the message bundles, then laid out by openhtmltopdf with Noto Sans (Latin,
 * Cyrillic) and Noto Sans Armenian embedded, so Armenian, Azerbaijani, Russian and English print with the right
 * glyphs on any reader and can be searched and copied. The file declares PDF/A-2u, the archival profile whose text
 * must map to Unicode; its language is the locale's and its title the template's {@code <title>}.
 *
 * <p>Templates are written as well-formed XHTML: {@code <br/>}, quoted attributes, no {@code &nbsp;} (write the
 * character). openhtmltopdf 1.1 reads its input with a strict XML parser and has no HTML5 parser. The engine runs in
 * HTML mode so that every {@code th:} attribute works as on the web pages; that mode writes the markup as the
 * template has it and escapes values with the five XML entities only, so a well-formed template gives well-formed
 * output, and a malformed one fails on every render rather than now and then.
 *
 * <p>Style text with {@code font-family: "Noto Sans", "Noto Sans Armenian"}: openhtmltopdf picks, character by
 * character, the first family that has the glyph, so one line can mix scripts. Text in any other family falls back
 * to the same two faces: no letter ever uses a font that is not embedded.
 */
@Component
public class PdfRenderer {

	/** The two families' regular and bold faces; {@code fonts/OFL.txt} is their licence. */
	private static final List<Face> FACES = List.of(new Face("NotoSans-Regular.ttf", "Noto Sans", 400),
			new Face("NotoSans-Bold.ttf", "Noto Sans", 700),
			new Face("NotoSansArmenian-Regular.ttf", "Noto Sans Armenian", 400),
			new Face("NotoSansArmenian-Bold.ttf", "Noto Sans Armenian", 700));

	/** Named in CSS, and the last resort for any family openhtmltopdf cannot find. */
	private static final Set<FSFontUseCase> FONT_USE = EnumSet.of(FSFontUseCase.DOCUMENT,
			FSFontUseCase.FALLBACK_FINAL);

	static {
		XRLog.setLoggerImpl(new Slf4jLog());
	}

	private final SpringTemplateEngine templates = new SpringTemplateEngine();
	private final List<LoadedFace> fonts;
	/** PDF/A wants the colours' meaning stated: the JDK's own sRGB profile, about 3 KB per file. */
	private final byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
	private final LocalResources resources = new LocalResources();

	PdfRenderer(ApplicationContext context, MessageSource messages) {
		var resolver = new SpringResourceTemplateResolver();
		resolver.setApplicationContext(context);
		resolver.setPrefix("classpath:/templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		templates.setTemplateResolver(resolver);
		var strict = new StrictMessages();
		strict.setMessageSource(messages);
		templates.setMessageResolver(strict);
		fonts = FACES.stream().map(PdfRenderer::load).toList();
	}

	/**
	 * Renders {@code templates/<template>.html} in {@code locale} with {@code model} and returns the PDF.
	 *
	 * @throws org.thymeleaf.exceptions.TemplateProcessingException when the template is missing or uses a message
	 *     key the bundles do not have
	 * @throws IllegalStateException when the rendered template is not well-formed XHTML
	 */
	public byte[] render(String template, Locale locale, Map<String, Object> model) {
		String xhtml = templates.process(template, new Context(locale, model));
		var pdf = new ByteArrayOutputStream();
		var builder = new PdfRendererBuilder().useFastMode()
				.usePdfAConformance(PdfAConformance.PDFA_2_U)
				.useColorProfile(srgb)
				.withProducer("Hearth")
				.useUriResolver(resources)
				// The document language is the locale's, whatever the template wrote: it is one letter in one language.
				.addDOMMutator(document -> document.getDocumentElement().setAttribute("lang", locale.toLanguageTag()))
				.withHtmlContent(xhtml, "classpath:/templates/" + template + ".html")
				.toStream(pdf);
		for (LoadedFace font : fonts) {
			builder.useFont(font::open, font.face().family(), font.face().weight(), FontStyle.NORMAL, true, FONT_USE);
		}
		try {
			builder.run();
		}
		catch (XRRuntimeException e) {
			// Most often output that is not well-formed XHTML; the line numbers are the output's, not the template's.
			throw new IllegalStateException("could not lay out the letter " + template + ": " + e.getMessage(), e);
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not write the letter " + template, e);
		}
		return pdf.toByteArray();
	}

	private static LoadedFace load(Face face) {
		try (InputStream in = PdfRenderer.class.getResourceAsStream("/fonts/" + face.file())) {
			if (in == null) {
				throw new IllegalStateException("font missing from the application: fonts/" + face.file());
			}
			return new LoadedFace(face, in.readAllBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private record Face(String file, String family, int weight) {
	}

	/** Kept in memory (about 1 MB for all four) so that no letter waits on reading the jar. */
	private record LoadedFace(Face face, byte[] ttf) {

		InputStream open() {
			return new ByteArrayInputStream(ttf);
		}
	}

	/** A key missing from the bundles is a bug: fail rather than print "??key_hy??" on an official letter. */
	private static final class StrictMessages extends SpringMessageResolver {

		@Override
		public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
				Object[] messageParameters) {
			throw new NoSuchMessageException(key, context.getLocale());
		}
	}

	/**
	 * openhtmltopdf logs through a console handler of its own, past Boot's logging, a dozen INFO lines per letter.
	 * This sends it through SLF4J instead: its warnings and errors as such, its progress notes at DEBUG.
	 */
	private static final class Slf4jLog implements XRLogger {

		@Override
		public void log(String where, Level level, String message) {
			log(where, level, message, null);
		}

		@Override
		public void log(String where, Level level, String message, @Nullable Throwable error) {
			Logger logger = LoggerFactory.getLogger(where);
			if (level.intValue() >= Level.SEVERE.intValue()) {
				logger.error(message, error);
			}
			else if (level.intValue() >= Level.WARNING.intValue()) {
				logger.warn(message, error);
			}
			else {
				logger.debug(message, error);
			}
		}

		@Override
		public void setLevel(String logger, Level level) {
			// Levels are Boot's to set (logging.level.com.openhtmltopdf).
		}

		@Override
		public boolean isLogLevelEnabled(Diagnostic diagnostic) {
			Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
			int level = diagnostic.getLevel().intValue();
			return level >= Level.SEVERE.intValue() ? logger.isErrorEnabled()
					: level >= Level.WARNING.intValue() ? logger.isWarnEnabled() : logger.isDebugEnabled();
		}
	}
}
