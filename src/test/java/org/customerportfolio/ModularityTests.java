package org.customerportfolio;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The modules talk only through each other's root packages, and depend on each other
 * without cycles.
 */
class ModularityTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(PortfolioApplication.class).verify();
	}

}
