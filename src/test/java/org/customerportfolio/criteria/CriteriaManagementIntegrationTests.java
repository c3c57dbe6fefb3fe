package org.customerportfolio.criteria;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.shared.EditConflictException;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.Language;
import org.customerportfolio.shared.RuleViolation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The criteria a fresh installation ships, and what administrators may and may not do
 * with them.
 */
@IntegrationTest
@Tag("persistence")
class CriteriaManagementIntegrationTests {

	@Autowired
	private CriteriaManagement criteria;

	private final List<Long> created = new ArrayList<>();

	@AfterEach
	void retireWhatTheTestCreated() {
		this.created.forEach((id) -> this.criteria.retire(id, "test"));
	}

	@Test
	void shipsTheTenCriteriaOfTheSourceText() {
		List<Criterion> defaults = this.criteria.all()
			.stream()
			.filter((criterion) -> List
				.of("relationship_type", "service_needs", "decision_criteria", "share_of_wallet", "profitability",
						"sales_potential", "ease_of_cooperation", "business_outlook", "rnd_cooperation", "learning")
				.contains(criterion.code()))
			.toList();

		assertThat(defaults).hasSize(10);
		assertThat(defaults).extracting(Criterion::code, Criterion::kind, Criterion::axis)
			.contains(tuple("relationship_type", CriterionKind.ORDINAL, Axis.RELATIONSHIP_STRENGTH),
					tuple("service_needs", CriterionKind.SINGLE_CHOICE, Axis.NONE),
					tuple("decision_criteria", CriterionKind.MULTIPLE_CHOICE, Axis.NONE),
					tuple("share_of_wallet", CriterionKind.ORDINAL, Axis.RELATIONSHIP_STRENGTH),
					tuple("profitability", CriterionKind.ORDINAL, Axis.ATTRACTIVENESS),
					tuple("sales_potential", CriterionKind.ORDINAL, Axis.ATTRACTIVENESS),
					tuple("ease_of_cooperation", CriterionKind.ORDINAL, Axis.RELATIONSHIP_STRENGTH),
					tuple("business_outlook", CriterionKind.ORDINAL, Axis.ATTRACTIVENESS),
					tuple("rnd_cooperation", CriterionKind.ORDINAL, Axis.ATTRACTIVENESS),
					tuple("learning", CriterionKind.ORDINAL, Axis.ATTRACTIVENESS));
		Criterion relationship = this.criteria.byCode("relationship_type").orElseThrow();
		assertThat(relationship.name(Language.NL)).isEqualTo("Type klantrelatie");
		assertThat(relationship.levels()).extracting(Level::code, Level::labelNl, Level::labelEn, Level::score)
			.containsExactly(tuple("partnership", "Partnerschap", "Partnership", 100),
					tuple("recurring", "Terugkerend", "Recurring", 67),
					tuple("incidental", "Incidenteel", "Incidental", 33), tuple("at_risk", "In gevaar", "At risk", 0));
		assertThat(this.criteria.byCode("business_outlook").orElseThrow().levels()).extracting(Level::labelNl)
			.containsExactly("Groeiend", "Stabiel", "Falend");
		assertThat(this.criteria.byCode("decision_criteria").orElseThrow().levels()).hasSize(6);
	}

	@Test
	void createsACriterionWithItsLevelsInOrder() {
		Criterion criterion = create(details("innovation_" + System.nanoTime() % 100000, CriterionKind.ORDINAL,
				Axis.ATTRACTIVENESS, levels("leading", 100, "following", 40, "lagging", 0)));

		Criterion stored = this.criteria.criterion(criterion.id());
		assertThat(stored.levels()).extracting(Level::code).containsExactly("leading", "following", "lagging");
		assertThat(stored.weight()).isEqualByComparingTo("1.5");
		assertThat(stored.scored()).isTrue();
	}

	@Test
	void refusesLevelsThatAreMissingDuplicatedOrOutOfRange() {
		assertThat(violations(details("no_levels", CriterionKind.ORDINAL, Axis.NONE, List.of())))
			.contains("criterion.levels.tooFew");
		assertThat(violations(details("dupes", CriterionKind.SINGLE_CHOICE, Axis.NONE, levels("a_a", 10, "a_a", 20))))
			.contains("criterion.level.code.duplicate");
		assertThat(violations(details("range", CriterionKind.ORDINAL, Axis.NONE, levels("hi", 101, "lo", -1))))
			.containsOnly("criterion.level.score.invalid");
	}

	@Test
	void refusesNegativeWeightsAndUnscoredKindsOnAnAxis() {
		CriterionDetails negative = new CriterionDetails("negative", "Negatief", "Negative", null, null,
				CriterionKind.ORDINAL, new BigDecimal("-1"), Axis.ATTRACTIVENESS, null, null,
				levels("a_a", 1, "b_b", 0));
		assertThat(violations(negative)).containsExactly("criterion.weight.invalid");
		assertThat(violations(details("words", CriterionKind.TEXT, Axis.ATTRACTIVENESS, List.of())))
			.containsExactly("criterion.axis.notScored");
		assertThat(violations(
				details("many", CriterionKind.MULTIPLE_CHOICE, Axis.RELATIONSHIP_STRENGTH, levels("a_a", 1, "b_b", 0))))
			.containsExactly("criterion.axis.notScored");
		assertThat(
				violations(details("relationship_type", CriterionKind.ORDINAL, Axis.NONE, levels("a_a", 1, "b_b", 0))))
			.containsExactly("criterion.code.taken");
	}

	@Test
	void keepsKeyAndKindButChangesTheRest() {
		Criterion criterion = create(details("change_me_" + System.nanoTime() % 100000, CriterionKind.ORDINAL,
				Axis.NONE, levels("a_a", 100, "b_b", 0)));

		Criterion changed = this.criteria.change(criterion.id(), criterion.version(),
				new CriterionDetails("other_key", "Nieuw", "New", "Uitleg", "Help", CriterionKind.TEXT,
						new BigDecimal("3"), Axis.RELATIONSHIP_STRENGTH, null, null,
						levels("a_a", 90, "b_b", 10, "c_c", 0)),
				"admin");

		assertThat(changed.code()).isEqualTo(criterion.code());
		assertThat(changed.kind()).isEqualTo(CriterionKind.ORDINAL);
		assertThat(changed.name(Language.EN)).isEqualTo("New");
		assertThat(changed.levels()).extracting(Level::score).containsExactly(90, 10, 0);
		assertThatExceptionOfType(EditConflictException.class).isThrownBy(
				() -> this.criteria.change(criterion.id(), criterion.version(), criterion.details(), "someone-else"));
	}

	@Test
	void retiresAndReinstatesWithoutDeleting() {
		Criterion criterion = create(details("retire_me_" + System.nanoTime() % 100000, CriterionKind.ORDINAL,
				Axis.NONE, levels("a_a", 100, "b_b", 0)));

		this.criteria.retire(criterion.id(), "admin");
		assertThat(this.criteria.current()).extracting(Criterion::id).doesNotContain(criterion.id());
		assertThat(this.criteria.all()).extracting(Criterion::id).contains(criterion.id());

		this.criteria.reinstate(criterion.id(), "admin");
		assertThat(this.criteria.current()).extracting(Criterion::id).contains(criterion.id());
	}

	@Test
	void reordersOnePlaceAtATime() {
		Criterion criterion = create(details("move_me_" + System.nanoTime() % 100000, CriterionKind.ORDINAL, Axis.NONE,
				levels("a_a", 100, "b_b", 0)));
		List<Long> before = this.criteria.all().stream().map(Criterion::id).toList();

		this.criteria.move(criterion.id(), true);

		List<Long> after = this.criteria.all().stream().map(Criterion::id).toList();
		int index = before.indexOf(criterion.id());
		assertThat(after.indexOf(criterion.id())).isEqualTo(index - 1);
		assertThat(after.get(index)).isEqualTo(before.get(index - 1));
	}

	private Criterion create(CriterionDetails details) {
		Criterion criterion = this.criteria.create(details, "admin");
		this.created.add(criterion.id());
		return criterion;
	}

	private List<String> violations(CriterionDetails details) {
		try {
			create(details);
			return List.of();
		}
		catch (InvalidInputException ex) {
			return ex.violations().stream().map(RuleViolation::code).toList();
		}
	}

	private static CriterionDetails details(String code, CriterionKind kind, Axis axis, List<Level> levels) {
		return new CriterionDetails(code, "Naam " + code, "Name " + code, null, null, kind, new BigDecimal("1.5"), axis,
				null, null, levels);
	}

	private static List<Level> levels(Object... keysAndScores) {
		List<Level> levels = new ArrayList<>();
		for (int i = 0; i < keysAndScores.length; i += 2) {
			levels.add(new Level((String) keysAndScores[i], "nl " + keysAndScores[i], "en " + keysAndScores[i],
					(Integer) keysAndScores[i + 1]));
		}
		return levels;
	}

}
