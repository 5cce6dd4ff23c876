package org.hearth.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.ViewResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL down or unreachable: every request is answered at once with 503 and a page or problem in the reader's
 * language, never a hang or a stack trace, and Hearth serves again as soon as the database is back (the pool makes
 * new connections; nothing needs a restart). Outermost filter, because the session is read from the database before
 * any controller runs; failures inside controllers come here through {@link ErrorHandling}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailable extends OncePerRequestFilter {

	/** Seconds a client should wait before trying again; the pool's own wait for a connection is shorter. */
	static final String RETRY_AFTER = "10";

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

	private final ErrorHandling errors;
	private final LocaleResolver locales;
	private final ViewResolver views;
	private final JsonMapper json;

	DatabaseUnavailable(ErrorHandling errors, LocaleResolver localeResolver,
			@Qualifier("thymeleafViewResolver") ViewResolver views, JsonMapper json) {
		this.errors = errors;
		this.locales = localeResolver;
		this.views = views;
		this.json = json;
	}

	/** Whether {@code failure} (or what caused it) says the database cannot be reached, rather than a bug. */
	static boolean isCause(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
					|| t instanceof TransientDataAccessResourceException || t instanceof SQLTransientConnectionException) {
				return true;
			}
			// 08: connection exceptions; 57P01-57P03: the server is shutting down, crashed or starting.
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[1-3]"))) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException failure) {
			if (!isCause(failure) || response.isCommitted()) {
				throw failure;
			}
			respond(request, response);
		}
	}

	/** Writes the 503, as a problem for the API and a page for the browser. */
	void respond(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
		log.warn("Database unavailable on {} {}", request.getMethod(), request.getRequestURI());
		response.reset();
		Locale locale = locales.resolveLocale(request);
		Object answer = errors.respond(request, response, locale, HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable");
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
		response.setCharacterEncoding("UTF-8");
		if (answer instanceof ResponseEntity<?> problem) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			json.writeValue(response.getOutputStream(), problem.getBody());
			return;
		}
		var page = (ModelAndView) answer;
		Map<String, Object> model = new HashMap<>(page.getModel());
		model.put("languageLinks", LayoutInterceptor.languageLinks(request));
		model.put("demoMode", false);
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		try {
			views.resolveViewName(page.getViewName(), locale).render(model, request, response);
		}
		catch (Exception rendering) {
			// The page needs nothing from the database; should it fail all the same, the status and header stand.
			log.warn("Could not render the unavailable page: {}", rendering.getClass().getName());
		}
	}
}
