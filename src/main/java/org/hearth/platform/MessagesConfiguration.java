package org.hearth.platform;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One bundle per module, {@code i18n/<module>/messages_<lang>.properties}, found by pattern so that a new module's
 * bundle needs no registration. English is also the fallback, but a test guarantees that no key is missing in
 * any of the four languages.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	@Bean
	MessageSource messageSource() throws IOException {
		Resource[] bundles = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:i18n/*/messages_en.properties");
		String[] basenames = Arrays.stream(bundles)
				.map(bundle -> {
					try {
						String url = bundle.getURL().toString();
						return "classpath:" + url.substring(url.lastIndexOf("i18n/")).replace("_en.properties", "");
					}
					catch (IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				})
				.distinct().sorted().toArray(String[]::new);
		var messages = new ReloadableResourceBundleMessageSource();
		messages.setBasenames(basenames);
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setDefaultLocale(Locale.ENGLISH);
		messages.setAlwaysUseMessageFormat(true);
		messages.setUseCodeAsDefaultMessage(false);
		messages.setCacheMillis(-1);
		return messages;
	}
}
