package org.customerportfolio.plan;

import java.time.LocalDate;
import java.util.List;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.audit.AuditEntry;
import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerMother;
import org.customerportfolio.customer.CustomerStatus;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.plan.PlanManagement.ActionDetails;
import org.customerportfolio.plan.PlanView.Action;
import org.customerportfolio.plan.PlanView.Decision;
import org.customerportfolio.shared.EditConflictException;
import org.customerportfolio.shared.Formats;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Relationship plans against the real database: goals, actions that fall overdue,
 * decisions with their reasons, ending a relationship, version checks and the audit log.
 */
@IntegrationTest
@Tag("persistence")
class PlanManagementIntegrationTests {

	@Autowired
	private PlanManagement plans;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private AuditLog audit;

	@Autowired
	private Formats formats;

	private CustomerView customer;

	private LocalDate today;

	@BeforeEach
	void customer() {
		this.customer = this.customers.register(CustomerMother.customer().details(), "test");
		this.today = this.formats.today();
	}

	@Test
	void anActionPastItsDueDateIsOverdueUntilItIsDone() {
		Action late = this.plans.addAction(this.customer.id(),
				new ActionDetails("Call about the framework contract", "Anna", this.today.minusDays(1), null), "anna");
		Action due = this.plans.addAction(this.customer.id(),
				new ActionDetails("Visit the site", "Piet", this.today, null), "anna");

		assertThat(late.overdue()).isTrue();
		assertThat(due.overdue()).isFalse();
		assertThat(this.plans.openActions(true, null, 10_000)).extracting((listed) -> listed.action().id())
			.contains(late.id())
			.doesNotContain(due.id());

		Action done = this.plans.updateAction(this.customer.id(), late.id(), late.version(),
				new ActionDetails(null, null, null, ActionStatus.DONE), "anna");

		assertThat(done.overdue()).isFalse();
		assertThat(done.doneAt()).isNotNull();
		assertThat(this.plans.openActions(true, null, 10_000)).extracting((listed) -> listed.action().id())
			.doesNotContain(late.id());
		assertThat(this.plans.actionsDoneSince(java.time.Instant.now().minusSeconds(60)))
			.extracting((listed) -> listed.action().id())
			.contains(late.id());
	}

	@Test
	void refusesAnActionWithoutWhatOrOwnerOrDueDateAndSavesNothing() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(
					() -> this.plans.addAction(this.customer.id(), new ActionDetails(" ", null, null, null), "anna"))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(RuleViolation::field)
				.containsExactly("description", "owner", "dueDate"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> PlanDates.parse("31-02-2026", "dueDate"))
			.satisfies((ex) -> assertThat(ex.violations().get(0).code()).isEqualTo("plan.date.invalid"));

		assertThat(this.plans.plan(this.customer.id()).actions()).isEmpty();
	}

	@Test
	void readsDatesInTheShapesPeopleTypeThem() {
		assertThat(PlanDates.parse("2026-11-27", "d")).isEqualTo(LocalDate.of(2026, 11, 27));
		assertThat(PlanDates.parse("27-11-2026", "d")).isEqualTo(LocalDate.of(2026, 11, 27));
		assertThat(PlanDates.parse("7/1/2026", "d")).isEqualTo(LocalDate.of(2026, 1, 7));
		assertThat(PlanDates.parse(" ", "d")).isNull();
	}

	@Test
	void refusesAStaleChangeOfAnAction() {
		Action action = this.plans.addAction(this.customer.id(),
				new ActionDetails("Send the proposal", "Anna", this.today.plusDays(7), null), "anna");
		this.plans.updateAction(this.customer.id(), action.id(), action.version(),
				new ActionDetails(null, null, null, ActionStatus.IN_PROGRESS), "piet");

		assertThatExceptionOfType(EditConflictException.class)
			.isThrownBy(() -> this.plans.updateAction(this.customer.id(), action.id(), action.version(),
					new ActionDetails(null, null, null, ActionStatus.CANCELLED), "anna"))
			.satisfies((ex) -> assertThat(ex.changesSince()).extracting((change) -> change.field())
				.contains("plan.actionStatus"));
	}

	@Test
	void choosesAStrategyAsADecisionWithAReasonAndChecksTheVersion() {
		PlanView plan = this.plans.plan(this.customer.id());

		this.plans.chooseStrategy(this.customer.id(), plan.version(), Strategy.IMPROVE,
				"Good potential, weak cooperation", this.today, "anna");

		PlanView after = this.plans.plan(this.customer.id());
		assertThat(after.strategy()).isEqualTo(Strategy.IMPROVE);
		assertThat(after.decisions()).singleElement().satisfies((decision) -> {
			assertThat(decision.kind()).isEqualTo(DecisionKind.STRATEGY);
			assertThat(decision.reason()).isEqualTo("Good potential, weak cooperation");
			assertThat(decision.decidedBy()).isEqualTo("anna");
		});
		assertThatExceptionOfType(EditConflictException.class).isThrownBy(() -> this.plans
			.chooseStrategy(this.customer.id(), plan.version(), Strategy.DEVELOP, "stale", this.today, "piet"));
		assertThat(this.plans.plan(this.customer.id()).strategy()).isEqualTo(Strategy.IMPROVE);
	}

	@Test
	void refusesADecisionWithoutReasonOrDatedInTheFuture() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.plans.decide(this.customer.id(), "Lower the rates", "  ", this.today, "anna"))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(RuleViolation::code)
				.containsExactly("plan.decision.reason.required"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.plans.decide(this.customer.id(), "Lower the rates", "Competition",
					this.today.plusDays(1), "anna"))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(RuleViolation::code)
				.containsExactly("plan.decision.date.future"));

		assertThat(this.plans.plan(this.customer.id()).decisions()).isEmpty();
	}

	@Test
	void endingARelationshipIsADecisionThatEndsTheCustomerAndKeepsItsHistory() {
		this.plans.addGoal(this.customer.id(), "Keep the maintenance contract", null, "anna");

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.plans.endRelationship(this.customer.id(), "", this.today, "anna"));
		assertThat(this.customers.customer(this.customer.id()).status()).isEqualTo(CustomerStatus.ACTIVE);

		Decision decision = this.plans.endRelationship(this.customer.id(), "Pays late, no margin in three years",
				this.today.minusDays(2), "anna");

		CustomerView ended = this.customers.customer(this.customer.id());
		assertThat(ended.status()).isEqualTo(CustomerStatus.ENDED);
		assertThat(ended.archived()).isFalse();
		PlanView plan = this.plans.plan(this.customer.id());
		assertThat(plan.strategy()).isEqualTo(Strategy.END);
		assertThat(plan.goals()).hasSize(1);
		assertThat(plan.decisions()).extracting(Decision::id).containsExactly(decision.id());
		assertThat(decision.kind()).isEqualTo(DecisionKind.END_RELATIONSHIP);
		assertThat(decision.decidedOn()).isEqualTo(this.today.minusDays(2));
		assertThat(this.plans.decisions(this.today.minusDays(3), 10_000)).extracting((listed) -> listed.decision().id())
			.contains(decision.id());
		List<AuditEntry> audit = this.audit.ofCustomer(this.customer.id(), 100);
		assertThat(audit).extracting(AuditEntry::field).contains("status", "strategy", "plan.reason");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.plans.endRelationship(this.customer.id(), "again", this.today, "anna"));

		this.plans.resumeRelationship(this.customer.id(), "New management", this.today, "piet");
		assertThat(this.customers.customer(this.customer.id()).status()).isEqualTo(CustomerStatus.ACTIVE);
		assertThat(this.plans.plan(this.customer.id()).decisions()).hasSize(2);
	}

	@Test
	void marksGoalsAchievedAsOfTheirVersion() {
		var goal = this.plans.addGoal(this.customer.id(), "Become preferred supplier", this.today.plusMonths(6),
				"anna");

		var achieved = this.plans.setGoalAchieved(this.customer.id(), goal.id(), goal.version(), true, "anna");

		assertThat(achieved.achieved()).isTrue();
		assertThatExceptionOfType(EditConflictException.class)
			.isThrownBy(() -> this.plans.setGoalAchieved(this.customer.id(), goal.id(), goal.version(), false, "piet"));
	}

}
