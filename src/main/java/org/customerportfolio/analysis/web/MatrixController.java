package org.customerportfolio.analysis.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.analysis.AnalysisFilter;
import org.customerportfolio.analysis.MatrixAxis;
import org.customerportfolio.analysis.PortfolioMatrix;
import org.customerportfolio.analysis.Quadrant;
import org.customerportfolio.analysis.readmodel.MatrixAnalysis;
import org.customerportfolio.analysis.readmodel.MatrixThresholds;
import org.customerportfolio.criteria.Axis;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.Level;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.plan.RelationshipPlans;
import org.customerportfolio.plan.Strategy;
import org.customerportfolio.shared.Formats;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.Language;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portfolio matrix page: customers as bubbles by two scores (or figures), the
 * quadrants with their thresholds, each customer's placement explained, and its
 * quadrant's strategy set on its plan in one click.
 */
@Controller
class MatrixController {

	/** Bubbles drawn at most: the largest by revenue; counts and export hold all. */
	static final int CHART_POINTS = 2000;

	static final int TABLE_ROWS = 200;

	private final MatrixAnalysis analysis;

	private final MatrixThresholds thresholds;

	private final FilterOptions options;

	private final CriteriaManagement criteria;

	private final CustomerManagement customers;

	private final RelationshipPlans plans;

	private final MessageSource messages;

	private final Formats formats;

	private final JsonMapper json;

	private final AccountManagement accounts;

	MatrixController(MatrixAnalysis analysis, MatrixThresholds thresholds, FilterOptions options,
			CriteriaManagement criteria, CustomerManagement customers, RelationshipPlans plans, MessageSource messages,
			Formats formats, JsonMapper json, AccountManagement accounts) {
		this.analysis = analysis;
		this.thresholds = thresholds;
		this.options = options;
		this.criteria = criteria;
		this.customers = customers;
		this.plans = plans;
		this.messages = messages;
		this.formats = formats;
		this.json = json;
		this.accounts = accounts;
	}

	@GetMapping("/analysis/matrix")
	String page(FilterForm form, @RequestParam(required = false) @Nullable String x,
			@RequestParam(required = false) @Nullable String y, @RequestParam(required = false) @Nullable String colour,
			Model model) {
		AnalysisFilter filter = this.options.addTo(model, form);
		model.addAttribute("page", "matrix");
		model.addAttribute("xCode", (x != null) ? x : "relationship");
		model.addAttribute("yCode", (y != null) ? y : "attractiveness");
		model.addAttribute("colour", (colour != null) ? colour : "quadrant");
		model.addAttribute("axisOptions", axisOptions());
		model.addAttribute("colourOptions", colourOptions());
		model.addAttribute("thresholds", this.thresholds.current());
		model.addAttribute("chartPoints", CHART_POINTS);
		if (filter == null) {
			return "analysis/matrix";
		}
		try {
			MatrixAnalysis.Result result = analyse(filter, x, y, colour);
			model.addAttribute("result", result);
			model.addAttribute("exportLink", FilterOptions.link("/analysis/matrix.xlsx", form,
					Map.of("x", result.x().code(), "y", result.y().code(), "colour", result.colour())));
			model.addAttribute("returnTo", FilterOptions.link("/analysis/matrix", form,
					Map.of("x", result.x().code(), "y", result.y().code(), "colour", result.colour())));
			List<PortfolioMatrix.Placement> rows = new ArrayList<>(result.matrix().placed());
			rows.sort(
					Comparator.comparing((PortfolioMatrix.Placement placement) -> placement.quadrant())
						.thenComparing(Comparator
							.comparingDouble((PortfolioMatrix.Placement placement) -> placement.point().size())
							.reversed()));
			model.addAttribute("rows", rows.subList(0, Math.min(TABLE_ROWS, rows.size())));
			model.addAttribute("defaultAxes",
					result.x().equals(MatrixAxis.RELATIONSHIP) && result.y().equals(MatrixAxis.ATTRACTIVENESS));
			if (!result.matrix().placed().isEmpty()) {
				model.addAttribute("chart", this.json.writeValueAsString(chart(result)));
			}
		}
		catch (InvalidInputException ex) {
			FilterOptions.problems(model, ex);
		}
		return "analysis/matrix";
	}

	@GetMapping("/analysis/matrix.xlsx")
	void export(FilterForm form, @RequestParam(required = false) @Nullable String x,
			@RequestParam(required = false) @Nullable String y, @RequestParam(required = false) @Nullable String colour,
			HttpServletResponse response) throws IOException {
		MatrixAnalysis.Result result = analyse(form.filter(), x, y, colour);
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (PortfolioMatrix.Placement placement : result.matrix().placed()) {
			MatrixAnalysis.CustomerRow customer = result.customers().get(placement.point().customerId());
			rows.add(Arrays.asList(customer.name(), placement.point().x(), placement.point().y(),
					message("analysis.quadrant." + placement.quadrant().code()), customer.revenue(),
					(customer.strategy() != null) ? message("strategy." + customer.strategy()) : null));
		}
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("portfolio-matrix.xlsx").build().toString());
		Spreadsheet.write(response.getOutputStream(), message("analysis.matrix.title"),
				List.of(message("analysis.customer"), axisLabel(result.x()), axisLabel(result.y()),
						message("analysis.matrix.quadrant"), message("analysis.measure.revenue"),
						message("analysis.matrix.strategy")),
				rows);
	}

	@GetMapping("/analysis/matrix/customers/{customerId}")
	String placement(@PathVariable long customerId, Model model) {
		CustomerView customer = this.customers.customer(customerId);
		MatrixAnalysis.Standing standing = this.analysis.standing(customerId);
		MatrixThresholds.Thresholds set = this.thresholds.current();
		model.addAttribute("customer", customer);
		model.addAttribute("standing", standing);
		model.addAttribute("thresholds", set);
		model.addAttribute("answers", answers(standing));
		model.addAttribute("strategy", this.plans.strategy(customerId).orElse(null));
		if (standing.attractiveness() != null && standing.relationshipStrength() != null) {
			Quadrant quadrant = Quadrant.of(standing.relationshipStrength() >= set.relationshipStrength(),
					standing.attractiveness() >= set.attractiveness());
			model.addAttribute("quadrant", quadrant);
			model.addAttribute("suggested", quadrant.strategy().orElse(null));
		}
		return "analysis/placement";
	}

	@PostMapping("/analysis/matrix/customers/{customerId}/strategy")
	String strategy(@PathVariable long customerId, @RequestParam String strategy,
			@AuthenticationPrincipal PortfolioUser user, RedirectAttributes redirect) {
		Strategy chosen;
		try {
			chosen = Strategy.valueOf(strategy);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(
					List.of(new org.customerportfolio.shared.RuleViolation("strategy", "analysis.strategy.unknown")));
		}
		this.plans.setStrategy(customerId, chosen, user.getUsername());
		redirect.addFlashAttribute("message", "analysis.strategy.saved");
		return "redirect:/analysis/matrix/customers/" + customerId;
	}

	@PostMapping("/admin/analysis/matrix-thresholds")
	String changeThresholds(@RequestParam(required = false) @Nullable String attractiveness,
			@RequestParam(required = false) @Nullable String relationshipStrength,
			@AuthenticationPrincipal PortfolioUser user, RedirectAttributes redirect) {
		try {
			this.thresholds.change(score(attractiveness), score(relationshipStrength), user.getUsername());
			redirect.addFlashAttribute("message", "analysis.matrix.threshold.saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.violations().get(0).code());
			redirect.addFlashAttribute("errorArguments", ex.violations().get(0).arguments());
		}
		return "redirect:/analysis/matrix";
	}

	private MatrixAnalysis.Result analyse(AnalysisFilter filter, @Nullable String x, @Nullable String y,
			@Nullable String colour) {
		MatrixAxis xAxis = MatrixAxis.parse("x", x, MatrixAxis.RELATIONSHIP);
		MatrixAxis yAxis = MatrixAxis.parse("y", y, MatrixAxis.ATTRACTIVENESS);
		return this.analysis.analyse(filter, xAxis, yAxis, (colour == null || colour.isBlank()) ? "quadrant" : colour);
	}

	/**
	 * A threshold as typed, in either language's decimal mark; NaN (refused) when
	 * unreadable.
	 */
	private static double score(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Double.NaN;
		}
		try {
			return Double.parseDouble(text.strip().replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	/** The criteria with their current answers, grouped by axis. */
	private Map<Axis, List<Map<String, Object>>> answers(MatrixAnalysis.Standing standing) {
		Language language = Language.of(LocaleContextHolder.getLocale());
		Map<Long, MatrixAnalysis.Answer> byCriterion = new LinkedHashMap<>();
		standing.answers().forEach((answer) -> byCriterion.put(answer.criterionId(), answer));
		Map<Axis, List<Map<String, Object>>> grouped = new LinkedHashMap<>();
		for (Axis axis : List.of(Axis.ATTRACTIVENESS, Axis.RELATIONSHIP_STRENGTH)) {
			grouped.put(axis, new ArrayList<>());
		}
		for (Criterion criterion : this.criteria.current()) {
			if (!grouped.containsKey(criterion.axis())) {
				continue;
			}
			MatrixAnalysis.Answer answer = byCriterion.get(criterion.id());
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("criterion", criterion.name(language));
			row.put("weight", criterion.weight());
			String level = "";
			if (answer != null && answer.levelCode() != null) {
				level = criterion.level(answer.levelCode())
					.map((found) -> found.label(language))
					.orElse(answer.levelCode());
			}
			else if (answer != null && answer.numberValue() != null) {
				level = this.formats.number(answer.numberValue());
			}
			row.put("answer", level);
			row.put("score", (answer != null) ? answer.levelScore() : null);
			grouped.get(criterion.axis()).add(row);
		}
		return grouped;
	}

	private Map<String, String> axisOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		for (String code : List.of("relationship", "attractiveness", "revenue", "margin", "growth")) {
			options.put(code, message("analysis.matrix.axis." + code));
		}
		Language language = Language.of(LocaleContextHolder.getLocale());
		for (Criterion criterion : this.criteria.current()) {
			if (criterion.scored()) {
				options.put("criterion:" + criterion.code(), criterion.name(language));
			}
		}
		return options;
	}

	private Map<String, String> colourOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		for (String code : MatrixAnalysis.COLOURS) {
			options.put(code, message("analysis.matrix.colour." + code));
		}
		Language language = Language.of(LocaleContextHolder.getLocale());
		for (Criterion criterion : this.criteria.current()) {
			if (criterion.kind().hasLevels()) {
				options.put("criterion:" + criterion.code(), criterion.name(language));
			}
		}
		return options;
	}

	private String axisLabel(MatrixAxis axis) {
		return axisOptions().getOrDefault(axis.code(), axis.code());
	}

	private Map<String, Object> chart(MatrixAnalysis.Result result) {
		List<PortfolioMatrix.Placement> drawn = new ArrayList<>(result.matrix().placed());
		drawn.sort(Comparator.comparingDouble((PortfolioMatrix.Placement placement) -> placement.point().size())
			.reversed());
		drawn = drawn.subList(0, Math.min(CHART_POINTS, drawn.size()));
		Map<String, List<Map<String, Object>>> series = new LinkedHashMap<>();
		Map<String, String> categoryLabels = categoryLabels(result.colour());
		if (result.colour().equals("quadrant")) {
			for (Quadrant quadrant : Quadrant.values()) {
				series.put(message("analysis.quadrant." + quadrant.code()), new ArrayList<>());
			}
		}
		for (PortfolioMatrix.Placement placement : drawn) {
			PortfolioMatrix.Point point = placement.point();
			String name = result.colour().equals("quadrant")
					? message("analysis.quadrant." + placement.quadrant().code())
					: (point.category() != null) ? categoryLabels.getOrDefault(point.category(), point.category())
							: message("analysis.none");
			Map<String, Object> bubble = new LinkedHashMap<>();
			bubble.put("id", point.customerId());
			bubble.put("name", point.name());
			bubble.put("x", round(point.x()));
			bubble.put("y", round(point.y()));
			bubble.put("size", point.size());
			bubble.put("revenue", this.formats.money(point.size()));
			series.computeIfAbsent(name, (key) -> new ArrayList<>()).add(bubble);
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("kind", "matrix");
		chart.put("title", message("analysis.matrix.title"));
		chart.put("file", "portfolio-matrix");
		chart.put("saveLabel", message("analysis.chart.png"));
		chart.put("xLabel", axisLabel(result.x()));
		chart.put("yLabel", axisLabel(result.y()));
		chart.put("revenueLabel", message("analysis.measure.revenue"));
		chart.put("xThreshold", round(result.matrix().xThreshold()));
		chart.put("yThreshold", round(result.matrix().yThreshold()));
		if (result.x().scored()) {
			chart.put("xMin", 0);
			chart.put("xMax", 100);
		}
		if (result.y().scored()) {
			chart.put("yMin", 0);
			chart.put("yMax", 100);
		}
		chart.put("series",
				series.entrySet()
					.stream()
					.map((entry) -> Map.of("name", entry.getKey(), "points", entry.getValue()))
					.toList());
		return chart;
	}

	private Map<String, String> categoryLabels(String colour) {
		Language language = Language.of(LocaleContextHolder.getLocale());
		Map<String, String> labels = new LinkedHashMap<>();
		switch (colour) {
			case "businessType" ->
				this.customers.businessTypes().forEach((type) -> labels.put(type.code(), type.label(language)));
			case "status" ->
				List.of("ACTIVE", "ENDED").forEach((status) -> labels.put(status, message("status." + status)));
			case "strategy" -> Arrays.stream(Strategy.values())
				.forEach((strategy) -> labels.put(strategy.name(), message("strategy." + strategy.name())));
			case "manager" ->
				this.accounts.users().forEach((user) -> labels.put(String.valueOf(user.id()), user.displayName()));
			default -> this.criteria.byCode(colour.substring(colour.indexOf(':') + 1))
				.ifPresent((criterion) -> criterion.levels()
					.forEach((Level level) -> labels.put(level.code(), level.label(language))));
		}
		return labels;
	}

	private static double round(@Nullable Double value) {
		return (value == null) ? 0 : Math.round(value * 10) / 10.0;
	}

	private String message(String code) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(code, null, code, locale);
	}

}
