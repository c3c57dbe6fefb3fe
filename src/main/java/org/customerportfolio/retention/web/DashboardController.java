package org.customerportfolio.retention.web;

import org.customerportfolio.retention.Dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: the portfolio's headline figures, its warnings and overdue actions, and
 * the way into every list and analysis.
 */
@Controller
class DashboardController {

	private final Dashboard dashboard;

	DashboardController(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("headlines", this.dashboard.headlines());
		return "retention/dashboard";
	}

}
