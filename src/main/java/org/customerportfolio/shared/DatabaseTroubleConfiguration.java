package org.customerportfolio.shared;

import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Puts {@link DatabaseTroubleFilter} around everything else, the session filter included
 * (which reads the session from the database before any controller runs).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseTroubleConfiguration {

	@Bean
	FilterRegistrationBean<DatabaseTroubleFilter> databaseTroubleFilter(MessageSource messages,
			LocaleResolver localeResolver, JsonMapper json) {
		var registration = new FilterRegistrationBean<>(new DatabaseTroubleFilter(messages, localeResolver, json));
		// inside the character encoding filter (HIGHEST_PRECEDENCE), outside the session
		// filter (HIGHEST_PRECEDENCE + 50) and Spring Security
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

}
