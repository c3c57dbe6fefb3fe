package org.customerportfolio.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerMother;
import org.customerportfolio.shared.EditConflictException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people rating the same customer at the same moment, both from what they saw: one
 * rating is recorded, the other is told someone was first — never both, never an error
 * (found by the scale benchmark's load: a duplicate key in the read model, and a second
 * rating that silently replaced the first).
 */
@IntegrationTest
@Tag("persistence")
class ConcurrentEvaluationIntegrationTests {

	@Autowired
	private EvaluationManagement evaluations;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void twoRatingsAtOnceFromTheSameViewEndInOneRatingAndOneConflict() throws Exception {
		long customer = this.customers.register(CustomerMother.customer().details(), "test").id();
		long seen = this.evaluations.record(customer, Map.of("relationship_type", List.of("recurring")), null, "test")
			.id();

		for (int round = 0; round < 5; round++) {
			long current = (round == 0) ? seen : this.evaluations.current(customer).orElseThrow().id();
			List<String> outcomes = atOnce(customer, current);
			assertThat(outcomes).containsExactlyInAnyOrder("recorded", "conflict");
		}
		assertThat(this.jdbc
			.sql("select count(*) from customer_level l join criterion c on c.id = l.criterion_id "
					+ "where l.customer_id = :customer and c.code = 'relationship_type'")
			.param("customer", customer)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private List<String> atOnce(long customer, long seen) throws Exception {
		ExecutorService two = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch ready = new CountDownLatch(2);
			List<Future<String>> results = new ArrayList<>();
			for (String level : List.of("partnership", "incidental")) {
				results.add(two.submit(() -> {
					ready.countDown();
					ready.await();
					try {
						this.evaluations.amend(customer, Map.of("relationship_type", List.of(level)), seen, true, null,
								"user-" + level);
						return "recorded";
					}
					catch (EditConflictException ex) {
						return "conflict";
					}
				}));
			}
			List<String> outcomes = new ArrayList<>();
			for (Future<String> result : results) {
				outcomes.add(result.get());
			}
			return outcomes;
		}
		finally {
			two.shutdown();
		}
	}

}
