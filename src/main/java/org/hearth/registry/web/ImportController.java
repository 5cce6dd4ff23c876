package org.hearth.registry.web;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.hearth.registry.RegistryImport;
import org.hearth.registry.Xlsx;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk import of a list of displaced persons: the expected format, an upload, and the report in the reader's
 * language. The file's content, not its name, tells a workbook from CSV: a ZIP archive is read as XLSX, anything
 * else as CSV in UTF-8. A file that is empty, too large, neither UTF-8 text nor a readable workbook, or a workbook
 * that unpacks to too much is refused with a message, and nothing of it is kept.
 */
@Controller
@PreAuthorize("hasAnyRole('HOUSING_OFFICER', 'SUPERVISOR')")
class ImportController {

	private static final Logger log = LoggerFactory.getLogger(ImportController.class);

	/** The most problems a report lists; a file with more has a fault that the first ones show. */
	static final int PROBLEMS_SHOWN = 1_000;

	private final RegistryImport imports;
	private final MessageSource messages;
	private final DataSize maxSize;
	private final DataSize maxUnpackedSize;

	ImportController(RegistryImport imports, MessageSource messages,
			@Value("${hearth.registry.import-max-size}") DataSize maxSize,
			@Value("${hearth.registry.import-max-unpacked-size}") DataSize maxUnpackedSize) {
		this.imports = imports;
		this.messages = messages;
		this.maxSize = maxSize;
		this.maxUnpackedSize = maxUnpackedSize;
	}

	/** A row left out, as the report shows it: the line (0: the whole file) and why, in the reader's language. */
	record ProblemRow(int line, String message) {
	}

	/** What an import did: counts, the rows left out (at most {@link #PROBLEMS_SHOWN}), and how many there were. */
	record ReportView(String reference, int households, int persons, List<ProblemRow> problems, int problemCount) {

		public boolean complete() {
			return problemCount == 0;
		}
	}

	@GetMapping("/registry/import")
	String form(Model model) {
		return render(model, null, null);
	}

	@PostMapping("/registry/import")
	String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Locale locale,
			Model model) {
		if (file == null || file.isEmpty()) {
			return render(model, "registry.import.error.empty", null);
		}
		if (file.getSize() > maxSize.toBytes()) {
			return render(model, "registry.import.error.too-large", null);
		}
		byte[] content;
		try {
			content = file.getBytes();
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
		String reference = sha256(content);
		String name = source(file.getOriginalFilename());
		RegistryImport.Report report;
		if (Xlsx.isZip(content)) {
			try {
				report = imports.importOnce(Xlsx.firstSheet(content, maxUnpackedSize.toBytes()), reference, name);
			}
			catch (Xlsx.TooLarge tooLarge) {
				return render(model, "registry.import.error.unpacked-too-large", null);
			}
			catch (Xlsx.Unreadable unreadable) {
				// Said to the user in a sentence; the cause here, in case a real workbook is one fastexcel cannot read.
				log.info("Registry import refused, not a readable workbook: {}", unreadable.getMessage());
				return render(model, "registry.import.error.not-spreadsheet", null);
			}
		}
		else {
			try (Reader csv = new TextOnly(new InputStreamReader(new java.io.ByteArrayInputStream(content),
					StandardCharsets.UTF_8.newDecoder()))) {
				report = imports.importOnce(RegistryImport.csv(csv), reference, name);
			}
			catch (UncheckedIOException unreadable) {
				if (unreadable.getCause() instanceof CharacterCodingException) {
					return render(model, "registry.import.error.not-text", null);
				}
				throw unreadable;
			}
			catch (IOException unreadable) {
				throw new UncheckedIOException(unreadable);
			}
		}
		List<ProblemRow> problems = report.problems().stream().limit(PROBLEMS_SHOWN)
				.map(p -> new ProblemRow(p.line(), messages.getMessage(p.messageKey(), p.arguments().toArray(),
						p.messageKey(), locale)))
				.toList();
		return render(model, null, new ReportView(reference, report.households(), report.persons(), problems,
				report.problems().size()));
	}

	private static String sha256(byte[] content) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private String render(Model model, @Nullable String error, @Nullable ReportView report) {
		model.addAttribute("columns", RegistryImport.COLUMNS);
		model.addAttribute("header", String.join(",", RegistryImport.COLUMNS));
		model.addAttribute("maxMegabytes", maxSize.toBytes() / (1024.0 * 1024.0));
		model.addAttribute("maxUnpackedMegabytes", maxUnpackedSize.toBytes() / (1024.0 * 1024.0));
		model.addAttribute("error", error);
		model.addAttribute("report", report);
		model.addAttribute("problemsShown", PROBLEMS_SHOWN);
		return "registry/import";
	}

	/** The file's own name, for the households' source: letters, digits, dots, dashes and underscores only. */
	static String source(@Nullable String originalName) {
		if (originalName == null) {
			return "";
		}
		int directory = Math.max(originalName.lastIndexOf('/'), originalName.lastIndexOf('\\'));
		String name = originalName.substring(directory + 1).replaceAll("[^\\p{L}\\p{N}._-]+", "_");
		if (name.length() > 100) {
			name = name.substring(0, 100);
		}
		return name.isEmpty() ? "" : "/" + name;
	}

	/**
	 * Text only: a control character other than tab and line ends means a binary file (a spreadsheet, a PDF) that
	 * happened to decode, and stops the reading like an invalid byte does.
	 */
	static final class TextOnly extends FilterReader {

		TextOnly(Reader in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int c = super.read();
			if (c >= 0) {
				check((char) c);
			}
			return c;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			for (int i = offset; i < offset + n; i++) {
				check(buffer[i]);
			}
			return n;
		}

		private static void check(char c) throws CharacterCodingException {
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
				throw new CharacterCodingException();
			}
		}
	}
}
