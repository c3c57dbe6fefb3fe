package org.customerportfolio.analysis.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.customerportfolio.analysis.AnalysisFilter;
import org.customerportfolio.analysis.Clustering;
import org.customerportfolio.analysis.CustomerProfile;
import org.customerportfolio.analysis.Segments;
import org.customerportfolio.analysis.readmodel.GroupAnalysis;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clustering page: the filtered customers in groups of alike customers, each group
 * described in words from its typical answers and figures, the groups in the matrix's
 * plane, and every customer's cluster as XLSX.
 */
@Controller
class ClustersController {

	static final int TYPICAL_LEVELS = 4;

	private final GroupAnalysis analysis;

	private final FilterOptions options;

	private final GroupLabels labels;

	private final JsonMapper json;

	ClustersController(GroupAnalysis analysis, FilterOptions options, GroupLabels labels, JsonMapper json) {
		this.analysis = analysis;
		this.options = options;
		this.labels = labels;
		this.json = json;
	}

	/** A cluster as the page describes it. */
	record ClusterView(String key, Segments.Group group, @Nullable CustomerProfile medoid,
			List<Segments.Typical> typical) {
	}

	@GetMapping("/analysis/clusters")
	String page(FilterForm form, @RequestParam(required = false) @Nullable String k, Model model) {
		AnalysisFilter filter = this.options.addTo(model, form);
		model.addAttribute("page", "clusters");
		model.addAttribute("k", (k != null) ? k : "");
		model.addAttribute("kChoices",
				java.util.stream.IntStream.rangeClosed(Clustering.MIN_K, Clustering.MAX_K).boxed().toList());
		if (filter == null) {
			return "analysis/clusters";
		}
		try {
			GroupAnalysis.ClusterResult result = this.analysis.clusters(filter, k(k));
			model.addAttribute("result", result);
			model.addAttribute("criterionNames", this.labels.criteria(result.portfolio()));
			model.addAttribute("levelLabels", this.labels.levels(result.portfolio()));
			model.addAttribute("exportLink", FilterOptions.link("/analysis/clusters.xlsx", form,
					(k != null && !k.isBlank()) ? Map.of("k", k) : Map.of()));
			if (result.clusters() != null) {
				List<ClusterView> clusters = views(result);
				model.addAttribute("clusters", clusters);
				model.addAttribute("chart", this.json.writeValueAsString(chart(clusters)));
			}
		}
		catch (InvalidInputException ex) {
			FilterOptions.problems(model, ex);
		}
		return "analysis/clusters";
	}

	@GetMapping("/analysis/clusters.xlsx")
	void export(FilterForm form, @RequestParam(required = false) @Nullable String k, HttpServletResponse response)
			throws IOException {
		GroupAnalysis.ClusterResult result = this.analysis.clusters(form.filter(), k(k));
		List<List<@Nullable Object>> rows = new ArrayList<>();
		if (result.clusters() != null) {
			List<CustomerProfile> answered = answered(result);
			for (int i = 0; i < answered.size(); i++) {
				CustomerProfile customer = answered.get(i);
				rows.add(Arrays.asList(customer.name(), result.clusters().assignment()[i] + 1, customer.revenue(),
						customer.attractiveness(), customer.relationshipStrength()));
			}
		}
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("clusters.xlsx").build().toString());
		Spreadsheet.write(response.getOutputStream(), this.labels.message("analysis.clusters.title"),
				List.of(this.labels.message("analysis.customer"), this.labels.message("analysis.clusters.cluster"),
						this.labels.message("analysis.measure.revenue"),
						this.labels.message("analysis.matrix.axis.attractiveness"),
						this.labels.message("analysis.matrix.axis.relationship")),
				rows);
	}

	/** The customers that were clustered, in the order of the assignment. */
	static List<CustomerProfile> answered(GroupAnalysis.ClusterResult result) {
		List<CustomerProfile> answered = new ArrayList<>();
		for (CustomerProfile customer : result.portfolio().customers()) {
			if (result.portfolio().scales().stream().anyMatch(customer::answered)) {
				answered.add(customer);
			}
		}
		return answered;
	}

	static List<ClusterView> views(GroupAnalysis.ClusterResult result) {
		Map<String, Segments.Group> groups = new LinkedHashMap<>();
		result.comparison().groups().forEach((group) -> groups.put(group.key(), group));
		List<ClusterView> views = new ArrayList<>();
		for (int i = 0; i < result.clusters().k(); i++) {
			String key = String.valueOf(i + 1);
			Segments.Group group = groups.get(key);
			if (group == null) {
				continue;
			}
			views.add(new ClusterView(key, group, result.clusters().medoids().get(i),
					Segments.typical(group, result.comparison().overall(), TYPICAL_LEVELS)));
		}
		return views;
	}

	private Map<String, Object> chart(List<ClusterView> clusters) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("kind", "matrix");
		chart.put("title", this.labels.message("analysis.clusters.chart"));
		chart.put("file", "clusters");
		chart.put("saveLabel", this.labels.message("analysis.chart.png"));
		chart.put("xLabel", this.labels.message("analysis.matrix.axis.relationship"));
		chart.put("yLabel", this.labels.message("analysis.matrix.axis.attractiveness"));
		chart.put("revenueLabel", this.labels.message("analysis.clusters.customers"));
		chart.put("xMin", 0);
		chart.put("xMax", 100);
		chart.put("yMin", 0);
		chart.put("yMax", 100);
		chart.put("xThreshold", 50);
		chart.put("yThreshold", 50);
		List<Map<String, Object>> series = new ArrayList<>();
		for (ClusterView cluster : clusters) {
			Map<String, Object> point = new LinkedHashMap<>();
			point.put("id", (cluster.medoid() != null) ? cluster.medoid().customerId() : 0);
			point.put("name", name(cluster));
			point.put("x", round(cluster.group().relationshipStrength()));
			point.put("y", round(cluster.group().attractiveness()));
			point.put("size", cluster.group().customers());
			point.put("revenue", String.valueOf(cluster.group().customers()));
			series.add(Map.of("name", name(cluster), "points", List.of(point)));
		}
		chart.put("series", series);
		return chart;
	}

	private String name(ClusterView cluster) {
		return this.labels.message("analysis.clusters.name", cluster.key());
	}

	static @Nullable Integer k(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(List.of(new RuleViolation("k", "analysis.clusters.k.range",
					String.valueOf(Clustering.MIN_K), String.valueOf(Clustering.MAX_K))));
		}
	}

	private static double round(@Nullable Double value) {
		return (value == null) ? 0 : Math.round(value * 10) / 10.0;
	}

}
