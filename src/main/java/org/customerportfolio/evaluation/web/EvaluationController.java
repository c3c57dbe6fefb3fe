package org.customerportfolio.evaluation.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.evaluation.EvaluationManagement;
import org.customerportfolio.evaluation.EvaluationView;
import org.customerportfolio.evaluation.Rating;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.Language;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Evaluating a customer: the form that rates every current criterion, the scores with
 * their explanation, and the history with what changed between evaluations.
 */
@Controller
@RequestMapping("/customers/{customerId}")
class EvaluationController {

	/**
	 * Form parameters that carry an answer are named after the criterion:
	 * {@code c.relationship_type}.
	 */
	static final String ANSWER_PREFIX = "c.";

	private final EvaluationManagement evaluations;

	private final CriteriaManagement criteria;

	private final CustomerManagement customers;

	private final MessageSource messages;

	private final AccountManagement accounts;

	EvaluationController(EvaluationManagement evaluations, CriteriaManagement criteria, CustomerManagement customers,
			MessageSource messages, AccountManagement accounts) {
		this.evaluations = evaluations;
		this.criteria = criteria;
		this.customers = customers;
		this.messages = messages;
		this.accounts = accounts;
	}

	/** Who evaluated, by full name: evaluations record the username. */
	@ModelAttribute("names")
	Map<String, String> names() {
		Map<String, String> names = new LinkedHashMap<>();
		this.accounts.users().forEach((user) -> names.put(user.username(), user.displayName()));
		return names;
	}

	@GetMapping("/scorecard")
	String scorecard(@PathVariable long customerId, Model model) {
		List<EvaluationView> history = this.evaluations.history(customerId);
		model.addAttribute("customerId", customerId);
		model.addAttribute("current", history.isEmpty() ? null : history.get(0));
		model.addAttribute("rating",
				this.evaluations.currentRating(customerId, history.isEmpty() ? null : history.get(0)));
		model.addAttribute("previous", (history.size() > 1) ? history.get(1) : null);
		model.addAttribute("changes",
				(history.size() > 1) ? this.evaluations.differences(history.get(1), history.get(0)) : List.of());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "evaluation/scorecard :: scorecard";
	}

	@GetMapping("/evaluations")
	String history(@PathVariable long customerId, @RequestParam(required = false) @Nullable Long from,
			@RequestParam(required = false) @Nullable Long to, Model model) {
		CustomerView customer = this.customers.customer(customerId);
		List<EvaluationView> history = this.evaluations.history(customerId);
		List<HistoryEntry> entries = new ArrayList<>();
		for (int i = 0; i < history.size(); i++) {
			EvaluationView evaluation = history.get(i);
			EvaluationView previous = (i + 1 < history.size()) ? history.get(i + 1) : null;
			entries.add(new HistoryEntry(evaluation,
					(previous != null) ? this.evaluations.differences(previous, evaluation) : List.of()));
		}
		model.addAttribute("customer", customer);
		model.addAttribute("current", history.isEmpty() ? null : history.get(0));
		model.addAttribute("rating",
				this.evaluations.currentRating(customerId, history.isEmpty() ? null : history.get(0)));
		model.addAttribute("entries", entries);
		model.addAttribute("criteria", this.criteria.all());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		if (from != null && to != null) {
			EvaluationView older = this.evaluations.evaluation(customerId, from);
			EvaluationView newer = this.evaluations.evaluation(customerId, to);
			model.addAttribute("compareFrom", older);
			model.addAttribute("compareTo", newer);
			model.addAttribute("comparison", this.evaluations.differences(older, newer));
		}
		return "evaluation/history";
	}

	@GetMapping("/evaluations/new")
	String newEvaluation(@PathVariable long customerId, Model model) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		this.evaluations.current(customerId)
			.ifPresent((current) -> current.ratings().forEach((code, rating) -> answers.put(code, answersOf(rating))));
		return form(customerId, answers, null, Map.of(), model);
	}

	@PostMapping("/evaluations")
	String record(@PathVariable long customerId, @RequestParam MultiValueMap<String, String> parameters,
			@AuthenticationPrincipal PortfolioUser user, Model model, RedirectAttributes redirect) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			if (name.startsWith(ANSWER_PREFIX)) {
				answers.put(name.substring(ANSWER_PREFIX.length()), values);
			}
		});
		String comment = parameters.getFirst("comment");
		try {
			this.evaluations.record(customerId, answers, comment, user.getUsername());
		}
		catch (InvalidInputException ex) {
			Map<String, List<String>> errors = new LinkedHashMap<>();
			Locale locale = LocaleContextHolder.getLocale();
			for (RuleViolation violation : ex.violations()) {
				errors.computeIfAbsent(String.valueOf(violation.field()), (field) -> new ArrayList<>())
					.add(this.messages.getMessage(violation.code(), violation.arguments(), violation.code(), locale));
			}
			return form(customerId, answers, comment, errors, model);
		}
		redirect.addFlashAttribute("message", "evaluation.recorded");
		return "redirect:/customers/" + customerId + "/evaluations";
	}

	private String form(long customerId, Map<String, List<String>> answers, @Nullable String comment,
			Map<String, List<String>> errors, Model model) {
		CustomerView customer = this.customers.customer(customerId);
		if (customer.archived()) {
			throw new RuleViolation(null, "customer.archived.refused");
		}
		List<Criterion> current = this.criteria.current();
		model.addAttribute("customer", customer);
		model.addAttribute("criteria", current);
		model.addAttribute("answers", answers);
		model.addAttribute("comment", comment);
		model.addAttribute("errors", errors);
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "evaluation/form";
	}

	private static List<String> answersOf(Rating rating) {
		if (!rating.levelCodes().isEmpty()) {
			return rating.levelCodes();
		}
		if (rating.number() != null) {
			return List.of(rating.number().stripTrailingZeros().toPlainString());
		}
		return (rating.text() != null) ? List.of(rating.text()) : List.of();
	}

	/**
	 * An evaluation in the history, with what changed since the one before it.
	 */
	record HistoryEntry(EvaluationView evaluation, List<org.customerportfolio.evaluation.RatingChange> changes) {
	}

}
