package org.hearth.platform;

import java.net.URI;
import java.net.URISyntaxException;

import com.openhtmltopdf.extend.FSUriResolver;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a PDF may load: resources inside the application ({@code classpath:}) and inline {@code data:} URIs, nothing
 * else. Every image, stylesheet and font openhtmltopdf loads is first resolved here, and a {@code null} answer stops
 * the load, so neither a template nor a value put into one can make the server fetch from the network or read its
 * disk (http, https, file, jar, ftp…). What is refused is left out of the letter and logged.
 */
final class LocalResources implements FSUriResolver {

	private static final Logger log = LoggerFactory.getLogger(LocalResources.class);

	@Override
	public @Nullable String resolveURI(@Nullable String baseUri, @Nullable String uri) {
		if (uri == null) {
			return null;
		}
		// Inline data needs no fetching; it is not parsed as a URI because it may hold spaces and line breaks.
		if (uri.regionMatches(true, 0, "data:", 0, 5)) {
			return uri;
		}
		try {
			URI resolved = baseUri == null ? new URI(uri) : new URI(baseUri).resolve(new URI(uri));
			// "//host/x" against a classpath: base keeps the scheme but names a host: not ours.
			if ("classpath".equalsIgnoreCase(resolved.getScheme()) && resolved.getRawAuthority() == null) {
				return resolved.normalize().toString();
			}
		}
		catch (URISyntaxException | IllegalArgumentException malformed) {
			// refused below
		}
		log.warn("Refused to load {} into a PDF: only classpath: and data: resources are allowed", abbreviate(uri));
		return null;
	}

	private static String abbreviate(String uri) {
		return uri.length() <= 120 ? uri : uri.substring(0, 120) + "…";
	}
}
