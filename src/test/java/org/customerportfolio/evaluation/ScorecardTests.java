package org.customerportfolio.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.customerportfolio.criteria.Axis;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.CriterionKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customerportfolio.criteria.CriterionMother.criterion;

/**
 * Axis scores against hand-computed cases.
 */
class ScorecardTests {

	private final Criterion profitability = criterion("profitability").levels("high", 100, "average", 50, "low", 0)
		.build();

	private final Criterion potential = criterion("potential").levels("high", 100, "moderate", 67, "low", 33, "none", 0)
		.weighing("2")
		.build();

	private final Criterion outlook = criterion("outlook").levels("growing", 100, "stable", 50, "failing", 0).build();

	private final Criterion relationship = criterion("relationship").on(Axis.RELATIONSHIP_STRENGTH)
		.levels("partnership", 100, "recurring", 67, "incidental", 33, "at_risk", 0)
		.build();

	@Test
	void isTheWeightedMeanOfTheRatedLevelScores() {
		// (1 × 50 + 2 × 33 + 1 × 100) / (1 + 2 + 1) = 216 / 4 = 54
		AxisScore score = score(Axis.ATTRACTIVENESS, List.of(this.profitability, this.potential, this.outlook),
				rating("profitability", "average"), rating("potential", "low"), rating("outlook", "growing"));

		assertThat(score.value()).isEqualTo(54.0);
		assertThat(score.rated()).isEqualTo(3);
		assertThat(score.total()).isEqualTo(3);
		assertThat(score.contributions()).extracting(AxisScore.Contribution::points).containsExactly(12.5, 16.5, 25.0);
	}

	@Test
	void leavesMissingRatingsOutInsteadOfCountingThemAsZero() {
		// only profitability (100) and outlook (0) are rated: (100 + 0) / 2 = 50, not
		// (100 + 0 + 0) / 4
		AxisScore score = score(Axis.ATTRACTIVENESS, List.of(this.profitability, this.potential, this.outlook),
				rating("profitability", "high"), rating("outlook", "failing"));

		assertThat(score.value()).isEqualTo(50.0);
		assertThat(score.rated()).isEqualTo(2);
		assertThat(score.total()).isEqualTo(3);
		assertThat(score.complete()).isFalse();
		assertThat(score.contributions()).filteredOn((part) -> part.criterionCode().equals("potential"))
			.singleElement()
			.satisfies((part) -> {
				assertThat(part.rating()).isNull();
				assertThat(part.levelScore()).isNull();
				assertThat(part.points()).isNull();
			});
	}

	@Test
	void hasNoScoreWhenNothingOnTheAxisIsRated() {
		AxisScore score = score(Axis.ATTRACTIVENESS, List.of(this.profitability, this.relationship),
				rating("relationship", "partnership"));

		assertThat(score.value()).isNull();
		assertThat(score.rated()).isZero();
		assertThat(score.total()).isEqualTo(1);
	}

	@Test
	void countsOnlyTheCriteriaOnTheAxis() {
		AxisScore strength = score(Axis.RELATIONSHIP_STRENGTH, List.of(this.profitability, this.relationship),
				rating("profitability", "low"), rating("relationship", "recurring"));

		assertThat(strength.value()).isEqualTo(67.0);
		assertThat(strength.total()).isEqualTo(1);
	}

	@Test
	void ignoresRetiredCriteriaAndWeightZero() {
		Criterion retired = criterion("old").levels("good", 100, "bad", 0).retired().build();
		Criterion weightless = criterion("weightless").levels("good", 100, "bad", 0).weighing("0").build();

		AxisScore score = score(Axis.ATTRACTIVENESS, List.of(this.profitability, retired, weightless),
				rating("profitability", "average"), rating("old", "bad"), rating("weightless", "bad"));

		assertThat(score.value()).isEqualTo(50.0);
		assertThat(score.total()).isEqualTo(1);
	}

	@Test
	void multipleChoiceAndTextDescribeButCarryNoScore() {
		Criterion choices = criterion("choices").ofKind(CriterionKind.MULTIPLE_CHOICE)
			.levels("price", 100, "trust", 0)
			.build();
		Criterion notes = criterion("notes").ofKind(CriterionKind.TEXT).build();

		AxisScore score = score(Axis.ATTRACTIVENESS, List.of(this.outlook, choices, notes), rating("outlook", "stable"),
				new Rating("choices", List.of("price", "trust"), List.of("p", "t"), List.of("p", "t"), null, null),
				new Rating("notes", List.of(), List.of(), List.of(), null, "text"));

		assertThat(score.value()).isEqualTo(50.0);
		assertThat(score.total()).isEqualTo(1);
	}

	@Test
	void aLevelThatNoLongerExistsCountsAsMissingAndIsFlagged() {
		AxisScore score = score(Axis.ATTRACTIVENESS, List.of(this.profitability, this.outlook),
				rating("profitability", "astronomical"), rating("outlook", "growing"));

		assertThat(score.value()).isEqualTo(100.0);
		assertThat(score.rated()).isEqualTo(1);
		assertThat(score.contributions()).filteredOn(AxisScore.Contribution::levelGone)
			.extracting(AxisScore.Contribution::criterionCode)
			.containsExactly("profitability");
	}

	@Test
	void scoresANumberLinearlyAlongItsRangeClampedToZeroAndHundred() {
		Criterion projects = criterion("projects").ofKind(CriterionKind.NUMBER).ranging("0", "20").build();

		assertThat(score(Axis.ATTRACTIVENESS, List.of(projects), number("projects", "5")).value()).isEqualTo(25.0);
		assertThat(score(Axis.ATTRACTIVENESS, List.of(projects), number("projects", "35")).value()).isEqualTo(100.0);
		assertThat(score(Axis.ATTRACTIVENESS, List.of(projects), number("projects", "-3")).value()).isEqualTo(0.0);
	}

	@Test
	void aNumberWithoutARangeIsNotScored() {
		Criterion count = criterion("count").ofKind(CriterionKind.NUMBER).build();

		assertThat(score(Axis.ATTRACTIVENESS, List.of(count), number("count", "5")).total()).isZero();
	}

	@Test
	void roundsToOneDecimal() {
		// (100 + 67 + 0) / 3 = 55.666…
		Criterion a = criterion("a").levels("x", 100, "y", 0).build();
		Criterion b = criterion("b").levels("x", 67, "y", 0).build();
		Criterion c = criterion("c").levels("x", 100, "y", 0).build();

		assertThat(score(Axis.ATTRACTIVENESS, List.of(a, b, c), rating("a", "x"), rating("b", "x"), rating("c", "y"))
			.value()).isEqualTo(55.7);
	}

	private static AxisScore score(Axis axis, List<Criterion> criteria, Rating... ratings) {
		Map<String, Rating> byCode = new java.util.LinkedHashMap<>();
		for (Rating rating : ratings) {
			byCode.put(rating.criterionCode(), rating);
		}
		return Scorecard.score(axis, criteria, byCode);
	}

	private static Rating rating(String criterion, String level) {
		return new Rating(criterion, List.of(level), List.of(level), List.of(level), null, null);
	}

	private static Rating number(String criterion, String value) {
		return new Rating(criterion, List.of(), List.of(), List.of(), new BigDecimal(value), null);
	}

}
