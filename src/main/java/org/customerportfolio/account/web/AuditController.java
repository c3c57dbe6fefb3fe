package org.customerportfolio.account.web;

import java.util.List;

import org.customerportfolio.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The whole audit log for administrators: every change, newest first, by kind of record.
 */
@Controller
class AuditController {

	static final List<String> SUBJECTS = List.of("CUSTOMER", "CONTACT", "TEAM_MEMBER", "EVALUATION", "CRITERION",
			"BUSINESS_TYPE", "SERVICE_CATEGORY", "COLUMN_MAPPING", "USER");

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(required = false) @Nullable String subject, @RequestParam(defaultValue = "0") int page,
			Model model) {
		String type = (subject != null && SUBJECTS.contains(subject)) ? subject : null;
		model.addAttribute("subjects", SUBJECTS);
		model.addAttribute("subject", type);
		model.addAttribute("entries", this.audit.all(type, Math.max(0, page), 100));
		return "account/audit";
	}

}
