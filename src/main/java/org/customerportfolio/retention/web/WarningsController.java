package org.customerportfolio.retention.web;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.retention.EarlyWarning;
import org.customerportfolio.retention.EarlyWarnings;
import org.customerportfolio.retention.WarningKind;
import org.customerportfolio.retention.WarningSetting;
import org.customerportfolio.shared.EditConflictException;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Early warnings on the pages: the list (filtered by kind, account manager and name), the
 * badges on a customer's page, and the administrators' thresholds.
 */
@Controller
class WarningsController {

	static final int PAGE = 100;

	private final EarlyWarnings warnings;

	private final AccountManagement accounts;

	WarningsController(EarlyWarnings warnings, AccountManagement accounts) {
		this.warnings = warnings;
		this.accounts = accounts;
	}

	@GetMapping("/warnings")
	String list(@RequestParam(required = false) @Nullable WarningKind kind,
			@RequestParam(required = false) @Nullable Long manager, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		List<EarlyWarning> all = this.warnings.currentAndRecorded();
		Map<WarningKind, Long> counts = new EnumMap<>(WarningKind.class);
		for (WarningKind each : WarningKind.values()) {
			counts.put(each, 0L);
		}
		all.forEach((warning) -> counts.merge(warning.kind(), 1L, Long::sum));
		String text = (q != null) ? q.strip().toLowerCase(java.util.Locale.ROOT) : "";
		List<EarlyWarning> shown = all.stream()
			.filter((warning) -> kind == null || warning.kind() == kind)
			.filter((warning) -> manager == null || manager.equals(warning.accountManagerId()))
			.filter((warning) -> text.isEmpty()
					|| warning.customerName().toLowerCase(java.util.Locale.ROOT).contains(text))
			.toList();
		int pages = Math.max(1, (shown.size() + PAGE - 1) / PAGE);
		int current = Math.max(0, Math.min(page, pages - 1));
		model.addAttribute("warnings", shown.subList(current * PAGE, Math.min(shown.size(), (current + 1) * PAGE)));
		model.addAttribute("total", shown.size());
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("rules",
				this.warnings.settings()
					.stream()
					.map((setting) -> new Rule(setting.kind(), setting, counts.get(setting.kind())))
					.toList());
		model.addAttribute("kinds", WarningKind.values());
		model.addAttribute("kind", kind);
		model.addAttribute("manager", manager);
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("users", this.accounts.users());
		return "retention/warnings";
	}

	@GetMapping("/customers/{customerId}/warnings")
	String badges(@PathVariable long customerId, Model model) {
		model.addAttribute("customerWarnings", this.warnings.of(customerId));
		return "retention/warnings :: badges";
	}

	@GetMapping("/admin/warnings")
	String settings(Model model) {
		model.addAttribute("settings", this.warnings.settings());
		return "retention/warning-settings";
	}

	@PostMapping("/admin/warnings/{kind}")
	String update(@PathVariable WarningKind kind, @RequestParam(defaultValue = "false") boolean enabled,
			@RequestParam(required = false) @Nullable String threshold, @RequestParam long version,
			@AuthenticationPrincipal PortfolioUser user, Model model, RedirectAttributes redirect) {
		try {
			Double value = Percentages.parse(threshold, "threshold");
			this.warnings.update(kind, enabled, (value != null) ? BigDecimal.valueOf(value) : null, version,
					user.getUsername());
			redirect.addFlashAttribute("message", "warnings.settings.saved");
		}
		catch (InvalidInputException ex) {
			RuleViolation first = ex.violations().get(0);
			redirect.addFlashAttribute("error", first.code());
			redirect.addFlashAttribute("errorArguments", first.arguments());
			redirect.addFlashAttribute("failedKind", kind);
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("error", "warnings.settings.conflict");
			redirect.addFlashAttribute("errorArguments", new Object[0]);
		}
		return "redirect:/admin/warnings";
	}

	/**
	 * A kind of warning as the list shows it: its rule and how many customers it flags
	 * now.
	 */
	record Rule(WarningKind kind, WarningSetting setting, long count) {
	}

}
