package org.customerportfolio.example;

import org.customerportfolio.account.FirstAdministratorCreated;
import org.customerportfolio.shared.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the example when the first administrator asked for it on the setup page. The
 * administrator exists either way: a load that is refused (the database holds data) or
 * fails is logged, and the empty dashboard still offers the example.
 */
@Component
class SetupListener {

	private static final Logger logger = LoggerFactory.getLogger(SetupListener.class);

	private final ExamplePortfolio examples;

	SetupListener(ExamplePortfolio examples) {
		this.examples = examples;
	}

	@EventListener
	void firstAdministratorCreated(FirstAdministratorCreated event) {
		if (!event.examplePortfolio()) {
			return;
		}
		try {
			this.examples.loadExample(event.language(), event.username());
		}
		catch (RuleViolation ex) {
			logger.warn("The example portfolio asked for at setup was not loaded: {}", ex.code());
		}
		catch (RuntimeException ex) {
			logger.error("Loading the example portfolio asked for at setup failed", ex);
		}
	}

}
