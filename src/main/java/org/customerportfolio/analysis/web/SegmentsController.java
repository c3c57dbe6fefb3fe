package org.customerportfolio.analysis.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.customerportfolio.analysis.AnalysisFilter;
import org.customerportfolio.analysis.Segments;
import org.customerportfolio.analysis.readmodel.GroupAnalysis;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.Language;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Segments side by side: the filtered customers grouped one way, each group's figures and
 * answers against the whole, what stands out highlighted, and the table as XLSX.
 */
@Controller
class SegmentsController {

	private final GroupAnalysis analysis;

	private final FilterOptions options;

	private final GroupLabels labels;

	private final CriteriaManagement criteria;

	private final JsonMapper json;

	SegmentsController(GroupAnalysis analysis, FilterOptions options, GroupLabels labels, CriteriaManagement criteria,
			JsonMapper json) {
		this.analysis = analysis;
		this.options = options;
		this.labels = labels;
		this.criteria = criteria;
		this.json = json;
	}

	@GetMapping("/analysis/segments")
	String page(FilterForm form, @RequestParam(required = false) @Nullable String by, Model model) {
		AnalysisFilter filter = this.options.addTo(model, form);
		model.addAttribute("page", "segments");
		model.addAttribute("by", (by != null) ? by : "businessType");
		model.addAttribute("groupings", groupings());
		if (filter == null) {
			return "analysis/segments";
		}
		try {
			GroupAnalysis.SegmentResult result = this.analysis.segments(filter, by);
			Map<String, String> groupLabels = this.labels.groups(result.by(), result.portfolio());
			model.addAttribute("result", result);
			model.addAttribute("comparison", result.comparison());
			model.addAttribute("groupLabels", groupLabels);
			model.addAttribute("criterionNames", this.labels.criteria(result.portfolio()));
			model.addAttribute("levelLabels", this.labels.levels(result.portfolio()));
			model.addAttribute("exportLink", FilterOptions.link("/analysis/segments.xlsx", form,
					Map.of("by", (by != null) ? by : "businessType")));
			if (!result.portfolio().customers().isEmpty()) {
				model.addAttribute("revenueChart", this.json.writeValueAsString(revenueChart(result, groupLabels)));
				model.addAttribute("scoreChart", this.json.writeValueAsString(scoreChart(result, groupLabels)));
			}
		}
		catch (InvalidInputException ex) {
			FilterOptions.problems(model, ex);
		}
		return "analysis/segments";
	}

	@GetMapping("/analysis/segments.xlsx")
	void export(FilterForm form, @RequestParam(required = false) @Nullable String by, HttpServletResponse response)
			throws IOException {
		GroupAnalysis.SegmentResult result = this.analysis.segments(form.filter(), by);
		Map<String, String> groupLabels = this.labels.groups(result.by(), result.portfolio());
		Map<String, String> names = this.labels.criteria(result.portfolio());
		Map<String, Map<String, String>> levels = this.labels.levels(result.portfolio());
		List<String> header = new ArrayList<>(List.of(this.labels.message("analysis.segments.group"),
				this.labels.message("analysis.segments.customers"), this.labels.message("analysis.measure.revenue"),
				this.labels.message("analysis.measure.margin"), this.labels.message("analysis.segments.growth"),
				this.labels.message("analysis.segments.revenuePerCustomer"),
				this.labels.message("analysis.matrix.axis.attractiveness"),
				this.labels.message("analysis.matrix.axis.relationship")));
		result.comparison()
			.overall()
			.levels()
			.forEach((criterion, shares) -> shares.keySet()
				.forEach((level) -> header.add(names.getOrDefault(criterion, criterion) + ": "
						+ levels.getOrDefault(criterion, Map.of()).getOrDefault(level, level) + " (%)")));
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (Segments.Group group : result.comparison().groups()) {
			rows.add(row(groupLabels.getOrDefault(group.key(), group.key()), group));
		}
		rows.add(row(this.labels.message("analysis.segments.all"), result.comparison().overall()));
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("segments.xlsx").build().toString());
		Spreadsheet.write(response.getOutputStream(), this.labels.message("analysis.segments.title"), header, rows);
	}

	private static List<@Nullable Object> row(String label, Segments.Group group) {
		List<@Nullable Object> row = new ArrayList<>(List.of(label, group.customers(), group.revenue()));
		row.add(group.margin());
		row.add(group.growth());
		row.add(group.revenuePerCustomer());
		row.add(group.attractiveness());
		row.add(group.relationshipStrength());
		group.levels().values().forEach((shares) -> row.addAll(shares.values()));
		return row;
	}

	private Map<String, String> groupings() {
		Map<String, String> groupings = new LinkedHashMap<>();
		for (String grouping : GroupAnalysis.GROUPINGS) {
			groupings.put(grouping, this.labels.message("analysis.segments.by." + grouping));
		}
		Language language = Language.of(LocaleContextHolder.getLocale());
		for (Criterion criterion : this.criteria.current()) {
			if (criterion.kind().hasLevels() && !criterion.code().equals("relationship_type")) {
				groupings.put("criterion:" + criterion.code(), criterion.name(language));
			}
		}
		return groupings;
	}

	private Map<String, Object> revenueChart(GroupAnalysis.SegmentResult result, Map<String, String> groupLabels) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("kind", "bars");
		chart.put("title", this.labels.message("analysis.segments.revenueChart"));
		chart.put("file", "segments-revenue");
		chart.put("saveLabel", this.labels.message("analysis.chart.png"));
		chart.put("categories", categories(result, groupLabels));
		chart.put("series", List.of(Map.of("name", this.labels.message("analysis.measure.revenue"), "data",
				result.comparison().groups().stream().map((group) -> group.revenue().doubleValue()).toList())));
		return chart;
	}

	private Map<String, Object> scoreChart(GroupAnalysis.SegmentResult result, Map<String, String> groupLabels) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("kind", "bars");
		chart.put("title", this.labels.message("analysis.segments.scoreChart"));
		chart.put("file", "segments-scores");
		chart.put("saveLabel", this.labels.message("analysis.chart.png"));
		chart.put("categories", categories(result, groupLabels));
		chart.put("series",
				List.of(Map.of("name", this.labels.message("analysis.matrix.axis.attractiveness"), "data",
						result.comparison().groups().stream().map((group) -> round(group.attractiveness())).toList()),
						Map.of("name", this.labels.message("analysis.matrix.axis.relationship"), "data",
								result.comparison()
									.groups()
									.stream()
									.map((group) -> round(group.relationshipStrength()))
									.toList())));
		return chart;
	}

	private static List<String> categories(GroupAnalysis.SegmentResult result, Map<String, String> groupLabels) {
		return result.comparison()
			.groups()
			.stream()
			.map((group) -> groupLabels.getOrDefault(group.key(), group.key()))
			.toList();
	}

	private static @Nullable Double round(@Nullable Double value) {
		return (value == null) ? null : Math.round(value * 10) / 10.0;
	}

}
