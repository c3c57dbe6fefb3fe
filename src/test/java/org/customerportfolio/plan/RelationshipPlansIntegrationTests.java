package org.customerportfolio.plan;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerMother;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.shared.NotFoundException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@IntegrationTest
@Tag("persistence")
class RelationshipPlansIntegrationTests {

	@Autowired
	private RelationshipPlans plans;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private AuditLog audit;

	@Test
	void aStrategyIsSetChangedAndClearedWithEveryStepInTheCustomersHistory() {
		CustomerView customer = this.customers.register(CustomerMother.customer().details(), "test");
		assertThat(this.plans.strategy(customer.id())).isEmpty();

		this.plans.setStrategy(customer.id(), Strategy.DEVELOP, "anna");
		this.plans.setStrategy(customer.id(), Strategy.DEVELOP, "anna");
		this.plans.setStrategy(customer.id(), Strategy.IMPROVE, "bert");
		assertThat(this.plans.strategy(customer.id())).contains(Strategy.IMPROVE);
		this.plans.setStrategy(customer.id(), null, "bert");

		assertThat(this.plans.strategy(customer.id())).isEmpty();
		assertThat(this.audit.ofCustomer(customer.id(), 10)).filteredOn((entry) -> "strategy".equals(entry.field()))
			.extracting((entry) -> entry.oldValue() + "→" + entry.newValue())
			.containsExactlyInAnyOrder("null→DEVELOP", "DEVELOP→IMPROVE", "IMPROVE→null");
	}

	@Test
	void anUnknownCustomerHasNoPlan() {
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.plans.setStrategy(-5, Strategy.END, "anna"));
	}

}
