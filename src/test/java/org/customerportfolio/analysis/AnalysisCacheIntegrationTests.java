package org.customerportfolio.analysis;

import java.util.Optional;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.analysis.readmodel.ConcentrationAnalysis;
import org.customerportfolio.analysis.readmodel.MatrixAnalysis;
import org.customerportfolio.analysis.readmodel.MatrixThresholds;
import org.customerportfolio.customer.CustomerDetails;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.plan.RelationshipPlans;
import org.customerportfolio.plan.Strategy;
import org.customerportfolio.shared.DataChanges;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyses keep their results until the data changes, and every write that changes
 * what they read — through any module — makes them compute afresh.
 */
@IntegrationTest
@Tag("persistence")
class AnalysisCacheIntegrationTests {

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private ConcentrationAnalysis concentration;

	@Autowired
	private MatrixAnalysis matrix;

	@Autowired
	private MatrixThresholds thresholds;

	@Autowired
	private RelationshipPlans plans;

	@Autowired
	private DataChanges changes;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void repeatsAnAnswerUntilACustomerIsRenamed() {
		AnalysisFixtures fixtures = new AnalysisFixtures(this.customers, this.jdbc);
		long id = fixtures.customer("Cached Ltd", "contractor");
		fixtures.year(id, 2024, "1000", "100", 2);
		AnalysisFilter filter = tagged(fixtures);

		Optional<ConcentrationAnalysis.Result> first = this.concentration.analyse(filter, Measure.REVENUE);
		assertThat(this.concentration.analyse(filter, Measure.REVENUE)).containsSame(first.orElseThrow());

		CustomerView c = this.customers.customer(id);
		this.customers.update(id, c.version(),
				new CustomerDetails("Renamed Ltd", c.externalRef(), c.businessType(), c.registrationNumber(),
						c.vatNumber(), c.country(), c.city(), c.website(), c.status(), c.tags(), c.notes(),
						c.accountManagerId()),
				"test");

		assertThat(this.concentration.analyse(filter, Measure.REVENUE).orElseThrow().concentration().ranked())
			.extracting(Concentration.Ranked::name)
			.containsExactly("Renamed Ltd");
	}

	@Test
	void theMatrixFollowsStrategiesAndThresholds() {
		AnalysisFixtures fixtures = new AnalysisFixtures(this.customers, this.jdbc);
		long id = fixtures.customer("Strategic Ltd", "contractor");
		fixtures.standing(id, 70.0, 40.0);
		AnalysisFilter filter = tagged(fixtures);
		MatrixAnalysis.Result before = this.matrix.analyse(filter, MatrixAxis.RELATIONSHIP, MatrixAxis.ATTRACTIVENESS,
				"strategy");
		assertThat(before.customers().get(id).strategy()).isNull();

		this.plans.setStrategy(id, Strategy.IMPROVE, "test");
		assertThat(this.matrix.analyse(filter, MatrixAxis.RELATIONSHIP, MatrixAxis.ATTRACTIVENESS, "strategy")
			.customers()
			.get(id)
			.strategy()).isEqualTo("IMPROVE");

		MatrixThresholds.Thresholds set = this.thresholds.current();
		try {
			this.thresholds.change(35, 65, "test");
			assertThat(this.matrix.analyse(filter, MatrixAxis.RELATIONSHIP, MatrixAxis.ATTRACTIVENESS, "strategy")
				.thresholds()).isEqualTo(new MatrixThresholds.Thresholds(35, 65));
		}
		finally {
			this.thresholds.change(set.attractiveness(), set.relationshipStrength(), "test");
		}
	}

	@Test
	void onlyCommittedChangesCount() {
		DataChanges.Version before = this.changes.current();
		this.transactions.executeWithoutResult((status) -> {
			this.changes.record();
			this.changes.record();
			status.setRollbackOnly();
		});
		assertThat(this.changes.current()).isEqualTo(before);

		this.transactions.executeWithoutResult((status) -> {
			this.changes.record();
			this.changes.record();
		});
		DataChanges.Version after = this.changes.current();
		assertThat(after.count()).isEqualTo(before.count() + 1);
		assertThat(after.last()).isGreaterThan(before.last());
	}

	private static AnalysisFilter tagged(AnalysisFixtures fixtures) {
		return new AnalysisFilter(null, null, null, null, fixtures.tag, null);
	}

}
