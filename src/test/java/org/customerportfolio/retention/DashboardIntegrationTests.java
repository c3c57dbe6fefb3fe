package org.customerportfolio.retention;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerMother;
import org.customerportfolio.customer.CustomerView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's portfolio figures are kept between visits and follow every change.
 */
@IntegrationTest
class DashboardIntegrationTests {

	@Autowired
	private Dashboard dashboard;

	@Autowired
	private CustomerManagement customers;

	@Test
	void keptFiguresFollowEveryChange() {
		long active = this.dashboard.headlines().activeCustomers();
		assertThat(this.dashboard.headlines().activeCustomers()).isEqualTo(active);

		CustomerView customer = this.customers.register(CustomerMother.customer().details(), "test");
		assertThat(this.dashboard.headlines().activeCustomers()).isEqualTo(active + 1);

		this.customers.archive(customer.id(), "test");
		assertThat(this.dashboard.headlines().activeCustomers()).isEqualTo(active);
	}

}
