package org.customerportfolio.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.customerportfolio.shared.DatabaseTrouble;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may reach what. Two chains: the REST API (stateless, HTTP Basic or a personal
 * bearer token, no CSRF) and the pages (a session in the database, a login form, CSRF).
 * Every path has a rule; whatever has none is denied, so an endpoint added without a rule
 * fails the authorisation test instead of opening up.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.EDITOR.name())
			.role(Role.EDITOR.name())
			.implies(Role.VIEWER.name())
			.build();
	}

	@Bean
	UserDetailsService userDetailsService(AccountManagement accounts) {
		return (username) -> accounts.principal(username)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AccountManagement accounts, LoginAttempts attempts) throws Exception {
		ProblemResponses problems = new ProblemResponses();
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/v1/users/**", "/api/v1/admin/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.GET, "/api/v1/**")
				.hasRole(Role.VIEWER.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/imports/**", "/api/v1/portfolio/import")
				.hasRole(Role.EDITOR.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/customers/**")
				.hasRole(Role.EDITOR.name())
				.requestMatchers(HttpMethod.PUT, "/api/v1/customers/**")
				.hasRole(Role.EDITOR.name())
				.requestMatchers(HttpMethod.DELETE, "/api/v1/customers/**")
				.hasRole(Role.EDITOR.name())
				.anyRequest()
				.denyAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.authenticationEntryPoint(problems))
			.addFilterBefore(new BearerTokenFilter(accounts, problems), BasicAuthenticationFilter.class)
			.addFilterBefore(new LoginThrottleFilter(attempts, problems), BearerTokenFilter.class)
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, LoginAttempts attempts) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/setup", "/error", "/webjars/**", "/css/**", "/js/**", "/images/**",
					"/favicon.ico", "/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers("/account/**", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html")
			.authenticated()
			.requestMatchers("/imports/**")
			.hasRole(Role.EDITOR.name())
			.requestMatchers(HttpMethod.POST, "/customers/*/projection")
			.hasRole(Role.EDITOR.name())
			.requestMatchers(HttpMethod.GET, "/figures", "/figures/**")
			.hasRole(Role.VIEWER.name())
			.requestMatchers(HttpMethod.GET, "/analysis/**")
			.hasRole(Role.VIEWER.name())
			.requestMatchers(HttpMethod.POST, "/analysis/**")
			.hasRole(Role.EDITOR.name())
			.requestMatchers(HttpMethod.GET, "/warnings", "/plans/**", "/review", "/review/**")
			.hasRole(Role.VIEWER.name())
			.requestMatchers(HttpMethod.GET, "/customers/new", "/customers/*/edit", "/customers/*/contacts/new",
					"/customers/*/contacts/*/edit", "/customers/*/team/new", "/customers/*/team/*/edit",
					"/customers/*/evaluations/new")
			.hasRole(Role.EDITOR.name())
			.requestMatchers("/portfolio/import", "/portfolio/import/**")
			.hasRole(Role.EDITOR.name())
			.requestMatchers(HttpMethod.POST, "/portfolio/layout/reset")
			.hasRole(Role.VIEWER.name())
			.requestMatchers(HttpMethod.POST, "/portfolio/**")
			.hasRole(Role.EDITOR.name())
			.requestMatchers(HttpMethod.GET, "/portfolio", "/portfolio/**")
			.hasRole(Role.VIEWER.name())
			.requestMatchers(HttpMethod.GET, "/", "/customers", "/customers/**")
			.hasRole(Role.VIEWER.name())
			.requestMatchers(HttpMethod.POST, "/customers", "/customers/**")
			.hasRole(Role.EDITOR.name())
			.anyRequest()
			.denyAll())
			.formLogin((form) -> form.loginPage("/login")
				.failureHandler(SecurityConfiguration::loginFailed)
				.defaultSuccessUrl("/", false))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.httpBasic((basic) -> basic.disable())
			.addFilterBefore(new LoginThrottleFilter(attempts, new ProblemResponses()),
					UsernamePasswordAuthenticationFilter.class)
			.requestCache(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * A wrong login goes back to the form; one the database could not check goes on to
	 * the answer for database trouble (503) instead of blaming the password.
	 */
	private static void loginFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (DatabaseTrouble.of(exception).isPresent()) {
			throw exception;
		}
		response.sendRedirect(request.getContextPath() + "/login?error");
	}

}
