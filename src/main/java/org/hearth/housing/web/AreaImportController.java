package org.hearth.housing.web;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.hearth.housing.MineAction;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import of the mine-action database's export: a CSV file whose areas all go in, or none with a report of every
 * bad row. A file that is empty, too large or not UTF-8 text is refused with a message before it is read as CSV.
 */
@Controller
@PreAuthorize("hasAnyRole('HOUSING_OFFICER', 'SUPERVISOR')")
class AreaImportController {

	private final MineAction mineAction;
	private final DataSize maxSize;

	AreaImportController(MineAction mineAction, @Value("${hearth.housing.import-max-size:10MB}") DataSize maxSize) {
		this.mineAction = mineAction;
		this.maxSize = maxSize;
	}

	@GetMapping("/housing/areas/import")
	String form(Model model) {
		return render(model, null, null);
	}

	@PreAuthorize("hasRole('HOUSING_OFFICER')")
	@PostMapping("/housing/areas/import")
	String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model)
			throws IOException {
		if (file == null || file.isEmpty()) {
			return render(model, null, Refusal.of("import", "housing.csv.error.empty"));
		}
		if (file.getSize() > maxSize.toBytes()) {
			return render(model, null, Refusal.of("import", "housing.csv.error.too-large", megabytes()));
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file.getBytes()))
					.toString();
		}
		catch (CharacterCodingException notUtf8) {
			return render(model, null, Refusal.of("import", "housing.csv.error.not-text"));
		}
		if (text.indexOf('\0') >= 0) {
			return render(model, null, Refusal.of("import", "housing.csv.error.not-text"));
		}
		// Spreadsheets often start a UTF-8 file with a byte order mark; it is not part of the header.
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		if (text.isBlank()) {
			return render(model, null, Refusal.of("import", "housing.csv.error.empty"));
		}
		MineAction.ImportReport report = mineAction.importCsv(CurrentUser.require(), new StringReader(text),
				"import:" + sanitise(file.getOriginalFilename()));
		model.addAttribute("fileName", sanitise(file.getOriginalFilename()));
		return render(model, report, null);
	}

	private String render(Model model, MineAction.@Nullable ImportReport report, @Nullable Refusal refusal) {
		model.addAttribute("columns", MineAction.COLUMNS);
		model.addAttribute("report", report);
		model.addAttribute("refusal", refusal);
		model.addAttribute("maxMegabytes", megabytes());
		model.addAttribute("canImport", CurrentUser.require().has(Role.HOUSING_OFFICER));
		return "housing/import";
	}

	private double megabytes() {
		return maxSize.toBytes() / (1024.0 * 1024.0);
	}

	/**
	 * The file's name as the area history records it: letters, digits, dot, dash and underscore only, at most 100
	 * characters; a name with nothing left is "upload.csv".
	 */
	static String sanitise(@Nullable String name) {
		if (name == null) {
			return "upload.csv";
		}
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1);
		String clean = base.replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceAll("_+", "_");
		if (clean.replace("_", "").replace(".", "").isEmpty()) {
			return "upload.csv";
		}
		return clean.length() > 100 ? clean.substring(0, 100) : clean;
	}
}
