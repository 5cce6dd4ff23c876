package org.hearth.identity;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Deny unless allowed. Three chains: {@code /api/**} takes bearer tokens only (no cookies, hence no CSRF), the
 * transparency log's public GET endpoints take nothing, the browser chain takes a session with CSRF protection. Beyond the path rules here, every controller method states
 * its own rule with {@code @PreAuthorize}, and a test fails on any handler that does not.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** Paths anyone may open without signing in. Controllers behind them still declare their own rule. */
	static final String[] PUBLIC_PATHS = { "/", "/assets/**", "/favicon.ico", "/error",
			"/login", "/register", "/register/**", "/account/confirm", "/account/set-password", "/verify", "/verify/**", "/services/**", "/great-return/rules", "/transparency", "/transparency/**",
			"/great-return/rounds", "/great-return/rounds/**", "/commitments", "/commitments/**", "/incidents",
			"/incidents/**", "/heritage", "/heritage/**", "/statistics", "/statistics/releases", "/statistics/releases/**",
			"/statistics/latest/**", "/statistics/data-dictionary",
			"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/demo/mailbox",
			"/demo/mailbox/**" };

	/** No script or style from anywhere but Hearth itself, no inline script, no framing. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		// Argon2id at OWASP's minimum (19 MiB, 2 iterations, 1 lane); Spring's 5.8 defaults use 16 MiB.
		return new BoundedPasswordEncoder(new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2))), 4);
	}

	@Bean
	AuthenticationManager authenticationManager(AccountRepository accounts, PasswordEncoder encoder,
			LoginThrottle throttle) {
		var manager = new ProviderManager(new ThrottledAuthenticationProvider(accounts, encoder, throttle));
		manager.setEraseCredentialsAfterAuthentication(true);
		return manager;
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AuthenticationManager manager,
			ProblemResponses problems, SecurityEvents events) throws Exception {
		http.securityMatcher("/api/**")
			.authenticationManager(manager)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens").permitAll()
				// A cosignature is its own proof of origin: the witness's signature, checked against configured keys.
				.requestMatchers(HttpMethod.POST, "/api/v1/transparency/cosignatures").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/services", "/api/v1/services/**", "/api/v1/settlements").permitAll()
				.anyRequest().authenticated())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.anonymous(anonymous -> {})
			.addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, e) -> problems.write(request, response, 401,
						"error.unauthenticated"))
				.accessDeniedHandler((request, response, e) -> {
					events.refused(request);
					problems.write(request, response, 403, "error.forbidden");
				}));
		headers(http);
		return http.build();
	}

	/** The transparency log's machine endpoints: read by observers' tools, never with a session or a cookie. */
	static final String[] LOG_PATHS = { "/transparency/checkpoint", "/transparency/key", "/transparency/proof/**",
			"/transparency/entries" };

	@Bean
	@Order(2)
	SecurityFilterChain transparencyLogChain(HttpSecurity http) throws Exception {
		http.securityMatcher(LOG_PATHS)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, LOG_PATHS).permitAll()
				.anyRequest().denyAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.anonymous(anonymous -> {});
		headers(http);
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain browser(HttpSecurity http, AuthenticationManager manager, SignInHandlers handlers,
			SecurityContextRepository contexts, SecurityEvents events) throws Exception {
		var deniedPage = new org.springframework.security.web.access.AccessDeniedHandlerImpl();
		http.authenticationManager(manager)
			.securityContext(context -> context.securityContextRepository(contexts))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(PUBLIC_PATHS).permitAll()
				.requestMatchers("/login/second-factor", "/login/second-factor/**")
					.hasAuthority(CurrentUser.MFA_PENDING)
				.requestMatchers("/actuator/**").hasRole(Role.ADMINISTRATOR.name())
				// Signed in means signed in completely: a staff member between password and second factor is not.
				.anyRequest().access((authentication, request) -> new AuthorizationDecision(
						CurrentUser.from(authentication.get()).isPresent())))
			.formLogin(form -> form
				.loginPage("/login")
				.usernameParameter("email")
				.passwordParameter("password")
				.successHandler(handlers)
				.failureHandler(handlers)
				.permitAll())
			.logout(logout -> logout
				.logoutUrl("/logout")
				.invalidateHttpSession(true)
				.clearAuthentication(true)
				.deleteCookies("HEARTH_SESSION")
				.logoutSuccessUrl("/?signed-out"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, e) -> {
				events.refused(request);
				deniedPage.handle(request, response, e);
			}));
		headers(http);
		return http.build();
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers(headers -> headers
			.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
	}

	/** Writes RFC 9457 problems for refusals that happen before any controller runs. */
	interface ProblemResponses {

		void write(HttpServletRequest request, HttpServletResponse response, int status, String messageKey)
				throws IOException;
	}
}
