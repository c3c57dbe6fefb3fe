package org.customerportfolio.hostile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.customerportfolio.criteria.Axis;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.CriterionDetails;
import org.customerportfolio.criteria.CriterionKind;
import org.customerportfolio.criteria.Level;
import org.customerportfolio.customer.ContactDetails;
import org.customerportfolio.customer.ContactRole;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerMother;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.customer.TeamMemberDetails;
import org.customerportfolio.customer.TeamRole;
import org.customerportfolio.plan.PlanManagement;
import org.customerportfolio.plan.PlanManagement.ActionDetails;

/**
 * A customer whose every text is a script tag or a formula: its name, tag, city, contact,
 * colleague, plan goal, action and decision, and a criterion with such a name and level
 * label. The ids let tests reach every page that shows them.
 */
record HostileFixture(long customerId, long contactId, long memberId, long goalId, long actionId, long criterionId) {

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String FORMULA = "=cmd|' /C calc'!A0";

	/** Tags may not hold angle brackets; quotes and an event handler they may. */
	static final String TAG = "\"' onmouseover=alert(1) x='";

	static HostileFixture create(CustomerManagement customers, PlanManagement plans, CriteriaManagement criteria,
			String suffix) {
		CustomerView customer = customers.register(CustomerMother.customer()
			.named(SCRIPT + " " + suffix)
			.withReference("H" + suffix)
			.inCity(FORMULA)
			.tagged(TAG)
			.details(), "test");
		long contact = customers
			.addContact(customer.id(),
					new ContactDetails(SCRIPT, FORMULA, null, null, ContactRole.DECISION_MAKER, SCRIPT), "test")
			.id();
		long member = customers
			.addTeamMember(customer.id(), new TeamMemberDetails(null, SCRIPT, TeamRole.SPECIALIST), "test")
			.id();
		long goal = plans.addGoal(customer.id(), SCRIPT, LocalDate.now().plusMonths(3), "test").id();
		long action = plans
			.addAction(customer.id(), new ActionDetails(SCRIPT, SCRIPT, LocalDate.now().minusDays(1), null), "test")
			.id();
		plans.decide(customer.id(), SCRIPT, FORMULA + " " + SCRIPT, LocalDate.now(), "test");
		Criterion criterion = criteria.create(
				new CriterionDetails("hostile_" + suffix.toLowerCase(), SCRIPT + " nl", SCRIPT + " en", SCRIPT, SCRIPT,
						CriterionKind.SINGLE_CHOICE, BigDecimal.ONE, Axis.ATTRACTIVENESS, null, null,
						List.of(new Level("bad", SCRIPT, SCRIPT, 100), new Level("worse", FORMULA, FORMULA, 0))),
				"test");
		return new HostileFixture(customer.id(), contact, member, goal, action, criterion.id());
	}

}
