package org.hearth.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hearth.shared.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language is the one chosen with {@code ?lang=}, remembered in a cookie for a year; before any choice, the
 * best of the browser's Accept-Language among the four; English when none of them fits.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	static final String COOKIE = "hearth-lang";

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new SupportedLocaleResolver(COOKIE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		resolver.setDefaultLocaleFunction(SupportedLocaleResolver::fromAcceptLanguage);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	/** Only the four languages ever reach a page, whatever the cookie or the parameter says. */
	static class SupportedLocaleResolver extends CookieLocaleResolver {

		SupportedLocaleResolver(String cookieName) {
			super(cookieName);
		}

		static Locale fromAcceptLanguage(HttpServletRequest request) {
			String header = request.getHeader("Accept-Language");
			if (header == null || header.isBlank()) {
				return Languages.DEFAULT;
			}
			try {
				Locale best = Locale.lookup(Locale.LanguageRange.parse(header), Languages.SUPPORTED);
				return best != null ? best : Languages.DEFAULT;
			}
			catch (IllegalArgumentException malformedHeader) {
				return Languages.DEFAULT;
			}
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			Locale locale = super.resolveLocale(request);
			return Languages.supported(locale).orElseGet(() -> fromAcceptLanguage(request));
		}

		@Override
		public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
				@Nullable Locale locale) {
			super.setLocale(request, response, locale == null ? null : Languages.supported(locale).orElse(null));
		}
	}
}
