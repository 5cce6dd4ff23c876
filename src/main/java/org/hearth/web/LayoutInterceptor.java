package org.hearth.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hearth.identity.CurrentUser;
import org.hearth.shared.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Adds what the layout shows on every page: the language links (to this same page), the demo banner and who is
 * signed in. Runs only for responses that render a view.
 */
@Component
class LayoutInterceptor implements HandlerInterceptor {

	private final boolean demo;

	LayoutInterceptor(@Value("${hearth.demo.enabled}") boolean demo) {
		this.demo = demo;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView view) {
		if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
			return;
		}
		view.addObject("languageLinks", languageLinks(request));
		view.addObject("demoMode", demo);
		view.addObject("user", CurrentUser.get().orElse(null));
	}

	/** GET links to the page being shown; after a POST that re-rendered a form, to the form's own address. */
	static List<LanguageLink> languageLinks(HttpServletRequest request) {
		var builder = ServletUriComponentsBuilder.fromRequest(request);
		Object failedUri = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
		if (failedUri != null) {
			builder.replacePath(failedUri.toString()).replaceQuery(null);
		}
		else if (!"GET".equals(request.getMethod())) {
			builder.replaceQuery(null);
		}
		return Languages.SUPPORTED.stream().map(locale -> new LanguageLink(locale.getLanguage(),
				builder.cloneBuilder().replaceQueryParam("lang", locale.getLanguage()).build().toUriString()
						.replaceFirst("^[a-z]+://[^/]+", ""), locale)).toList();
	}

	record LanguageLink(String code, String href, Locale locale) {
	}
}
