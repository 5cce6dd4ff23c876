package org.hearth.web;

import java.util.UUID;

import org.hearth.HearthTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Static files are served under {@code /assets/}, named by their content and cached for a year. Mapped at
 * {@code /**}, every link a page builds was first looked up as a file on the class path, which made a 50-row
 * caseworker queue spend nine tenths of its time there.
 */
@HearthTest
class StaticFilesTest {

	@Autowired
	ResourceUrlProvider resources;

	@Autowired
	MockMvc mvc;

	@Test
	void onlyAssetsAreMappedAsStaticFiles() {
		var matcher = new AntPathMatcher();
		assertThat(resources.getHandlerMap()).isNotEmpty();
		for (String page : new String[] { "/cases/" + UUID.randomUUID(), "/applications/" + UUID.randomUUID(),
				"/statistics", "/", "/css/hearth.css" }) {
			assertThat(resources.getHandlerMap().keySet()).as(page)
					.noneMatch(pattern -> matcher.match(pattern, page));
		}
	}

	@Test
	void linksToStaticFilesCarryTheirContentHashAndAreCachedForAYear() throws Exception {
		for (String file : new String[] { "/assets/css/hearth.css", "/assets/js/hearth.js",
				"/assets/img/favicon.svg" }) {
			String versioned = resources.getForLookupPath(file);
			String extension = file.substring(file.lastIndexOf('.'));
			assertThat(versioned).as(file)
					.matches(file.substring(0, file.lastIndexOf('.')) + "-[0-9a-f]{32}\\" + extension);

			mvc.perform(get(versioned)).andExpect(status().isOk())
					.andExpect(header().string("Cache-Control", "max-age=31536000, public"));
		}
		mvc.perform(get("/")).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
						"(?s).*href=\"/assets/css/hearth-[0-9a-f]{32}\\.css\".*")));
	}

	@Test
	void aMissingFileIsNotFoundAndAFolderListsNothing() throws Exception {
		mvc.perform(get("/assets/css/no-such-file.css")).andExpect(status().isNotFound());
		// From the packaged jar a folder is a 404; from target/classes (spring-boot:run) an empty 200.
		for (String folder : new String[] { "/assets/", "/assets/css/", "/assets/js/", "/assets/img/" }) {
			String body = mvc.perform(get(folder)).andReturn().getResponse().getContentAsString();
			assertThat(body).as(folder).doesNotContain("hearth.css", "hearth.js", "favicon.svg", "aid-distributions");
		}
	}


	@Test
	void noSourceControlMetadataIsReachable() throws Exception {
		for (String path : new String[] { "/.git/config", "/.git/HEAD", "/assets/.git/config", "/assets/../.git/HEAD" }) {
			var response = mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isNotEqualTo(200);
			assertThat(response.getContentAsString()).as(path).doesNotContain("[core]", "ref: refs/");
		}
	}
}
