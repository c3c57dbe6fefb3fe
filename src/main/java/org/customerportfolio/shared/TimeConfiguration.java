package org.customerportfolio.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock every module reads the time from, so that tests can set it; and scheduled
 * work (nightly refreshes of read models whose figures move with the date).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TimeConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
