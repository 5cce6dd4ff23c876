package org.hearth.web;

import java.io.IOException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final LayoutInterceptor layout;

	WebConfiguration(LayoutInterceptor layout) {
		this.layout = layout;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(layout);
	}

	/**
	 * Stylesheets, scripts and icons, named by their content (hearth-&lt;hash&gt;.css) and cached for a year: a new
	 * version is a new name, and a page view on a slow connection downloads none of them again. Only {@code /assets/}:
	 * mapped at {@code /**}, every link a page builds (/cases/{id}, …) was first looked up as a file on the class path
	 * to be given a hash, which was nine tenths of a 50-row queue page's CPU time.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/static/")
				.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
				.addResolver(new FilesOnly());
	}

	/** Rewrites the links of pages to the content-named files. */
	@Bean
	ResourceUrlEncodingFilter resourceUrlEncodingFilter() {
		return new ResourceUrlEncodingFilter();
	}

	/** From target/classes (./mvnw spring-boot:run) a folder would be served as the list of its files. */
	static class FilesOnly extends PathResourceResolver {

		@Override
		protected @Nullable Resource getResource(String resourcePath, Resource location) throws IOException {
			Resource resource = super.getResource(resourcePath, location);
			return resource != null && resource.isFile() && resource.getFile().isDirectory() ? null : resource;
		}
	}
}
