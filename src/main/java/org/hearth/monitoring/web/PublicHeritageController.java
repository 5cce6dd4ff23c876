package org.hearth.monitoring.web;

import java.io.IOException;
import java.io.InputStream;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.hearth.monitoring.HeritageSites;
import org.hearth.platform.StoredDocument;
import org.hearth.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public register of heritage sites, without signing in: every site named in the four languages, its kind,
 * settlement, protection and latest condition; a site's condition history with the assessing organisation and the
 * photos. Never an assessment's notes, a visit, an incident's description, or who typed anything in; no point finer
 * than the settlement. Photos are served only if they belong to an assessment: no other document can be fetched
 * here, whatever its id.
 */
@Controller
class PublicHeritageController {

	private final HeritageSites sites;
	private final Labels labels;

	PublicHeritageController(HeritageSites sites, Labels labels) {
		this.sites = sites;
		this.labels = labels;
	}

	/** A site as the public list shows it. */
	record Row(HeritageSites.Site site, String name, String place, HeritageSites.@Nullable PublicAssessment latest) {
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/heritage")
	String list(Locale locale, Model model) {
		List<Row> rows = sites.overview().stream()
				.map(s -> new Row(s.site(), s.site().names().in(locale), labels.settlement(s.site().settlement(), locale),
						s.latest()))
				.sorted(Comparator.comparing(Row::name, Collator.getInstance(locale))).toList();
		model.addAttribute("rows", rows);
		return "monitoring/heritage";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/heritage/{id}")
	String site(@PathVariable UUID id, Locale locale, Model model) {
		HeritageSites.Site site = sites.site(id);
		model.addAttribute("site", site);
		model.addAttribute("place", labels.settlement(site.settlement(), locale));
		model.addAttribute("history", sites.publicHistory(id));
		return "monitoring/heritage-site";
	}

	/** An assessment's photo, as an image to show, never as a page; any other document is not found. */
	@PreAuthorize("permitAll()")
	@GetMapping("/heritage/photos/{id}")
	void photo(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		StoredDocument photo = sites.photo(id).orElseThrow(NotFoundException::new);
		response.setContentType(photo.mediaType());
		response.setContentLengthLong(photo.size());
		response.setHeader("Content-Disposition", ContentDisposition.inline()
				.filename(photo.mediaType().equals("image/png") ? "photo.png" : "photo.jpg").build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
		// A stored photo never changes: a new assessment brings new photos under new ids.
		response.setHeader("Cache-Control", "public, max-age=86400, immutable");
		try (InputStream in = sites.openPhoto(photo)) {
			in.transferTo(response.getOutputStream());
		}
	}
}
