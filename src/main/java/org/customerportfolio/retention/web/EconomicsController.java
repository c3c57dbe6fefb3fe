package org.customerportfolio.retention.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.customerportfolio.retention.RetentionAnalysis;
import org.customerportfolio.retention.RetentionEconomics;
import org.customerportfolio.retention.RetentionEconomics.Choices;
import org.customerportfolio.retention.RetentionEconomics.Scenario;
import org.customerportfolio.retention.RetentionScenario.Outcome;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Retention economics: a scenario on the company's own figures of what a few points more
 * retention would bring in five years, and what replacing lost customers costs. Wrong
 * choices are named on the page and nothing is computed from them.
 */
@Controller
class EconomicsController {

	private final RetentionAnalysis retention;

	private final RetentionEconomics economics;

	private final MessageSource messages;

	private final JsonMapper json;

	EconomicsController(RetentionAnalysis retention, RetentionEconomics economics, MessageSource messages,
			JsonMapper json) {
		this.retention = retention;
		this.economics = economics;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/analysis/retention/economics")
	String page(@RequestParam(required = false) @Nullable String retention,
			@RequestParam(required = false) @Nullable String improvement,
			@RequestParam(required = false) @Nullable String costRatio,
			@RequestParam(required = false) @Nullable String keepingCost, Model model) {
		var figures = this.retention.figures();
		model.addAttribute("form", Map.of("retention", nonNull(retention), "improvement", nonNull(improvement),
				"costRatio", nonNull(costRatio), "keepingCost", nonNull(keepingCost)));
		Scenario scenario;
		try {
			List<RuleViolation> unreadable = new ArrayList<>();
			Choices choices = new Choices(read(retention, "retention", unreadable),
					read(improvement, "improvement", unreadable), read(costRatio, "costRatio", unreadable),
					amount(keepingCost, unreadable));
			if (!unreadable.isEmpty()) {
				throw new InvalidInputException(unreadable);
			}
			scenario = this.economics.scenario(figures, choices);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problems", ex.violations());
			scenario = this.economics.scenario(figures, Choices.DEFAULTS);
		}
		model.addAttribute("scenario", scenario);
		Outcome outcome = scenario.outcome();
		if (outcome != null) {
			if (!model.containsAttribute("problems")) {
				model.addAttribute("form",
						Map.of("retention", Percentages.format(outcome.assumptions().retention() * 100), "improvement",
								Percentages.format(outcome.assumptions().improvement() * 100), "costRatio",
								Percentages.format(outcome.assumptions().acquisitionCostRatio()), "keepingCost",
								Percentages.format(outcome.assumptions().keepingCostPerCustomer().doubleValue())));
			}
			model.addAttribute("chart", this.json.writeValueAsString(chart(outcome, scenario.marginsKnown())));
		}
		return "retention/economics";
	}

	private Map<String, Object> chart(Outcome outcome, boolean margins) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("years", outcome.years().stream().map((year) -> text("economics.yearN", year.year())).toList());
		List<Map<String, Object>> series = new ArrayList<>();
		series.add(Map.of("name", text(margins ? "economics.marginToday" : "economics.revenueToday"), "data",
				outcome.years().stream().map((year) -> margins ? year.margin() : year.revenue()).toList()));
		series.add(Map.of("name", text(margins ? "economics.marginImproved" : "economics.revenueImproved"), "data",
				outcome.years()
					.stream()
					.map((year) -> margins ? year.improvedMargin() : year.improvedRevenue())
					.toList()));
		chart.put("series", series);
		chart.put("fileName", "retention-scenario");
		return chart;
	}

	private static @Nullable Double read(@Nullable String text, String field, List<RuleViolation> problems) {
		try {
			return Percentages.parse(text, field);
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.violations());
			return null;
		}
	}

	/**
	 * An amount as the user's language writes it: 1.250,50 in Dutch, 1,250.50 in English.
	 */
	private static @Nullable BigDecimal amount(@Nullable String text, List<RuleViolation> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		boolean dutch = "nl".equals(LocaleContextHolder.getLocale().getLanguage());
		String cleaned = text.strip().replace(" ", "").replace("€", "");
		cleaned = dutch ? cleaned.replace(".", "").replace(',', '.') : cleaned.replace(",", "");
		try {
			return new BigDecimal(cleaned);
		}
		catch (NumberFormatException ex) {
			problems.add(new RuleViolation("keepingCost", "retention.number.invalid", text));
			return null;
		}
	}

	private static String nonNull(@Nullable String text) {
		return (text != null) ? text : "";
	}

	private String text(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

}
