package org.customerportfolio.evaluation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.criteria.Axis;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.CriterionDetails;
import org.customerportfolio.criteria.CriterionKind;
import org.customerportfolio.criteria.Level;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerMother;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.Language;
import org.customerportfolio.shared.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Recording evaluations against the real database: validation, history, differences,
 * scores, and history that survives changes to the criteria.
 */
@IntegrationTest
@Tag("persistence")
@RecordApplicationEvents
class EvaluationManagementIntegrationTests {

	@Autowired
	private EvaluationManagement evaluations;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private CriteriaManagement criteria;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationEvents events;

	private CustomerView customer;

	@BeforeEach
	void customer() {
		this.customer = this.customers.register(CustomerMother.customer().details(), "test");
	}

	@Test
	void recordsAnEvaluationAndComputesBothScores() {
		EvaluationView evaluation = this.evaluations.record(this.customer.id(), answers("relationship_type",
				"recurring", "share_of_wallet", "medium", "profitability", "high", "sales_potential", "low"),
				"First look", "anna");

		assertThat(evaluation.relationshipStrength().value()).isEqualTo(58.5);
		assertThat(evaluation.attractiveness().value()).isEqualTo(66.5);
		assertThat(evaluation.relationshipStrength().rated()).isEqualTo(2);
		assertThat(evaluation.ratings().get("relationship_type").display(Language.NL)).isEqualTo("Terugkerend");
		assertThat(evaluation.comment()).isEqualTo("First look");
		assertThat(this.events.stream(EvaluationRecorded.class))
			.contains(new EvaluationRecorded(this.customer.id(), evaluation.id()));
	}

	@Test
	void keepsTheHistoryNewestFirstAndTellsWhatChanged() {
		EvaluationView first = this.evaluations.record(this.customer.id(),
				answers("relationship_type", "recurring", "share_of_wallet", "medium"), null, "anna");
		EvaluationView second = this.evaluations.record(this.customer.id(),
				answers("relationship_type", "at_risk", "share_of_wallet", "medium", "learning", "high"), null, "bram");

		List<EvaluationView> history = this.evaluations.history(this.customer.id());

		assertThat(history).extracting(EvaluationView::id).containsExactly(second.id(), first.id());
		assertThat(this.evaluations.current(this.customer.id())).map(EvaluationView::id).contains(second.id());
		assertThat(history.get(0).relationshipStrength().value()).isEqualTo(25.0);
		assertThat(this.evaluations.differences(first, second))
			.extracting(RatingChange::criterionCode,
					(change) -> (change.before() != null) ? change.before().levelCode() : null,
					(change) -> (change.after() != null) ? change.after().levelCode() : null)
			.containsExactly(tuple("relationship_type", "recurring", "at_risk"), tuple("learning", null, "high"));
	}

	@Test
	void keepsMultipleChoicesNumbersAndTexts() {
		Criterion projects = this.criteria
			.create(new CriterionDetails("projects_" + System.nanoTime() % 100000, "Projecten", "Projects", null, null,
					CriterionKind.NUMBER, BigDecimal.ONE, Axis.NONE, BigDecimal.ZERO, new BigDecimal("50"), List.of()),
					"admin");
		try {
			Map<String, List<String>> answers = new LinkedHashMap<>();
			answers.put("decision_criteria", List.of("trust", "purchase_price", "trust"));
			answers.put(projects.code(), List.of("12,5"));
			EvaluationView evaluation = this.evaluations.record(this.customer.id(), answers, null, "anna");

			Rating choices = evaluation.ratings().get("decision_criteria");
			assertThat(choices.levelCodes()).containsExactly("purchase_price", "trust");
			assertThat(choices.display(Language.EN)).isEqualTo("Purchase price, Trust");
			assertThat(evaluation.ratings().get(projects.code()).number()).isEqualByComparingTo("12.5");
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> this.evaluations.record(this.customer.id(), Map.of(projects.code(), List.of("51")),
						null, "anna"))
				.satisfies((invalid) -> assertThat(invalid.violations()).extracting(RuleViolation::code)
					.containsExactly("evaluation.number.outOfRange"));
		}
		finally {
			this.criteria.retire(projects.id(), "admin");
		}
	}

	@Test
	void refusesAnswersThatDoNotFitAndSavesNothing() {
		long before = count();

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(
					() -> this.evaluations.record(this.customer.id(),
							answers("relationship_type", "excellent", "no_such_criterion", "x", "profitability",
									"high"),
							null, "anna"))
			.satisfies(
					(invalid) -> assertThat(invalid.violations()).extracting(RuleViolation::field, RuleViolation::code)
						.containsExactlyInAnyOrder(tuple("relationship_type", "evaluation.level.unknown"),
								tuple("no_such_criterion", "evaluation.criterion.unknown")));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.evaluations
			.record(this.customer.id(), Map.of("relationship_type", List.of("recurring", "at_risk")), null, "anna"));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void refusesAnswersForRetiredCriteriaButKeepsOldAnswersToThem() {
		Criterion temporary = this.criteria.create(
				new CriterionDetails("temporary_" + System.nanoTime() % 100000, "Tijdelijk", "Temporary", null, null,
						CriterionKind.ORDINAL, BigDecimal.ONE, Axis.ATTRACTIVENESS, null, null,
						List.of(new Level("good", "Goed", "Good", 100), new Level("poor", "Matig", "Poor", 0))),
				"admin");
		EvaluationView old = this.evaluations.record(this.customer.id(),
				answers(temporary.code(), "poor", "profitability", "high"), null, "anna");
		assertThat(old.attractiveness().value()).isEqualTo(50.0);

		this.criteria.retire(temporary.id(), "admin");

		EvaluationView reread = this.evaluations.evaluation(this.customer.id(), old.id());
		assertThat(reread.ratings().get(temporary.code()).display(Language.NL)).isEqualTo("Matig");
		assertThat(reread.attractiveness().value()).isEqualTo(100.0);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(
					() -> this.evaluations.record(this.customer.id(), answers(temporary.code(), "good"), null, "anna"))
			.satisfies((invalid) -> assertThat(invalid.violations()).extracting(RuleViolation::code)
				.containsExactly("evaluation.criterion.retired"));
	}

	@Test
	void changingLevelsKeepsWhatOldEvaluationsSaidAndRecomputesScoresFromTheCurrentOnes() {
		Criterion scale = this.criteria.create(
				new CriterionDetails(
						"scale_" + System.nanoTime() % 100000, "Schaal", "Scale", null, null, CriterionKind.ORDINAL,
						BigDecimal.ONE, Axis.ATTRACTIVENESS, null, null, List.of(new Level("top", "Top", "Top", 100),
								new Level("mid", "Midden", "Middle", 50), new Level("low", "Laag", "Low", 0))),
				"admin");
		try {
			EvaluationView old = this.evaluations.record(this.customer.id(), answers(scale.code(), "mid"), null,
					"anna");
			assertThat(old.attractiveness().value()).isEqualTo(50.0);

			this.criteria.change(scale.id(), scale.version(),
					new CriterionDetails(scale.code(), "Schaal", "Scale", null, null, CriterionKind.ORDINAL,
							BigDecimal.ONE, Axis.ATTRACTIVENESS, null, null,
							List.of(new Level("top", "Top", "Top", 100), new Level("mid", "Gemiddeld", "Average", 60))),
					"admin");

			EvaluationView reread = this.evaluations.evaluation(this.customer.id(), old.id());
			assertThat(reread.ratings().get(scale.code()).display(Language.EN)).isEqualTo("Middle");
			assertThat(reread.attractiveness().value()).isEqualTo(60.0);
		}
		finally {
			this.criteria.retire(scale.id(), "admin");
		}
	}

	@Test
	void anArchivedCustomerCannotBeEvaluated() {
		this.customers.archive(this.customer.id(), "test");

		assertThatExceptionOfType(RuleViolation.class).isThrownBy(
				() -> this.evaluations.record(this.customer.id(), answers("profitability", "high"), null, "anna"));
	}

	@Test
	void anEmptyAnswerLeavesTheCriterionUnrated() {
		EvaluationView evaluation = this.evaluations.record(this.customer.id(),
				answers("relationship_type", "", "profitability", "average"), null, "anna");

		assertThat(evaluation.ratings()).containsOnlyKeys("profitability");
		assertThat(evaluation.relationshipStrength().value()).isNull();
	}

	private long count() {
		return this.jdbc.sql("select count(*) from evaluation").query(Long.class).single();
	}

	private static Map<String, List<String>> answers(String... keysAndValues) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			answers.put(keysAndValues[i], List.of(keysAndValues[i + 1]));
		}
		return answers;
	}

}
