package org.hearth.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hearth.HearthTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deny by default, checked: every request mapping of Hearth states its authorization rule with
 * {@code @PreAuthorize}; a mapping from a library must lie under an explicitly public path.
 */
@HearthTest
class AuthorizationWalkTest {

	@Autowired
	List<RequestMappingHandlerMapping> mappings;

	@Test
	void everyHandlerHasAnExplicitAuthorizationRule() {
		List<String> unguarded = new ArrayList<>();
		int hearthHandlers = 0;
		for (RequestMappingHandlerMapping mapping : mappings) {
			for (var entry : mapping.getHandlerMethods().entrySet()) {
				HandlerMethod handler = entry.getValue();
				boolean ours = handler.getBeanType().getPackageName().startsWith("org.hearth");
				if (ours) {
					hearthHandlers++;
					if (!hasRule(handler)) {
						unguarded.add(handler.toString());
					}
				}
				else if (!entry.getKey().getPatternValues().stream().allMatch(AuthorizationWalkTest::isPublicPath)) {
					unguarded.add(handler + " " + entry.getKey().getPatternValues());
				}
			}
		}
		assertThat(hearthHandlers).as("handlers found").isGreaterThan(10);
		assertThat(unguarded).isEmpty();
	}

	static boolean hasRule(HandlerMethod handler) {
		return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
	}

	static boolean isPublicPath(String pattern) {
		return Arrays.stream(SecurityConfiguration.PUBLIC_PATHS)
				.anyMatch(p -> PathPatternParser.defaultInstance.parse(p).matches(
						org.springframework.http.server.PathContainer.parsePath(pattern.replaceAll("\\{[^}]*}", "x"))));
	}
}
