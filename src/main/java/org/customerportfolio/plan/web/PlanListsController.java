package org.customerportfolio.plan.web;

import java.time.LocalDate;
import java.util.List;

import org.customerportfolio.plan.ActionStatus;
import org.customerportfolio.plan.PlanDates;
import org.customerportfolio.plan.PlanManagement;
import org.customerportfolio.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Plans across customers: the open actions (overdue ones first to the eye) and the
 * decision log.
 */
@Controller
class PlanListsController {

	static final int LIMIT = 500;

	private final PlanManagement plans;

	PlanListsController(PlanManagement plans) {
		this.plans = plans;
	}

	@GetMapping("/plans/actions")
	String actions(@RequestParam(defaultValue = "true") boolean overdue,
			@RequestParam(required = false) @Nullable String owner, Model model) {
		model.addAttribute("overdue", overdue);
		model.addAttribute("owner", (owner != null) ? owner : "");
		model.addAttribute("actions", this.plans.openActions(overdue, owner, LIMIT));
		model.addAttribute("overdueCount", this.plans.overdueCount());
		model.addAttribute("actionStatuses", ActionStatus.values());
		model.addAttribute("limit", LIMIT);
		return "plan/actions";
	}

	@GetMapping("/plans/decisions")
	String decisions(@RequestParam(required = false) @Nullable String from, Model model) {
		LocalDate since = null;
		try {
			since = PlanDates.parse(from, "from");
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.violations().get(0).code());
			model.addAttribute("errorArguments", ex.violations().get(0).arguments());
		}
		model.addAttribute("from", (from != null) ? from : "");
		model.addAttribute("decisions", this.plans.decisions(since, LIMIT));
		model.addAttribute("limit", LIMIT);
		return "plan/decisions";
	}

}
