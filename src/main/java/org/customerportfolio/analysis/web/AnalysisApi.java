package org.customerportfolio.analysis.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.customerportfolio.analysis.Concentration;
import org.customerportfolio.analysis.MatrixAxis;
import org.customerportfolio.analysis.Measure;
import org.customerportfolio.analysis.PortfolioMatrix;
import org.customerportfolio.analysis.Years;
import org.customerportfolio.analysis.Segments;
import org.customerportfolio.analysis.readmodel.GroupAnalysis;
import org.customerportfolio.analysis.readmodel.MatrixAnalysis;
import org.customerportfolio.analysis.readmodel.SimilarCustomers;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.analysis.readmodel.ConcentrationAnalysis;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portfolio analyses for integrations, with the same filters as the pages: from and
 * to (fiscal years), businessType, manager (user id), tag and status.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Analyses", description = "Concentration, portfolio matrix, segments, similar customers and clusters")
class AnalysisApi {

	static final int CURVE_POINTS = 1000;

	static final int TOP_CUSTOMERS = 100;

	private final ConcentrationAnalysis concentration;

	private final MatrixAnalysis matrix;

	private final GroupAnalysis groups;

	private final SimilarCustomers similar;

	private final CustomerManagement customers;

	AnalysisApi(ConcentrationAnalysis concentration, MatrixAnalysis matrix, GroupAnalysis groups,
			SimilarCustomers similar, CustomerManagement customers) {
		this.concentration = concentration;
		this.matrix = matrix;
		this.groups = groups;
		this.similar = similar;
		this.customers = customers;
	}

	record SegmentsResponse(String by, @Nullable Integer from, @Nullable Integer to, List<Segments.Group> groups,
			Segments.Group overall, List<Segments.StandOut> standOuts) {
	}

	@GetMapping("/analysis/segments")
	@Operation(summary = "Groups side by side (by=businessType, relationshipType, criterion:<code>, tag, abc, "
			+ "cluster, status or manager): count, revenue, margin, growth, average scores, level shares per "
			+ "criterion (% of those that answered), and what stands out")
	SegmentsResponse segments(FilterForm form, @RequestParam(required = false) @Nullable String by) {
		GroupAnalysis.SegmentResult result = this.groups.segments(form.filter(), by);
		return new SegmentsResponse(result.by(), result.portfolio().years().map(Years::from).orElse(null),
				result.portfolio().years().map(Years::to).orElse(null), result.comparison().groups(),
				result.comparison().overall(), result.comparison().standOuts());
	}

	record ClustersResponse(int k, @Nullable Double silhouette, boolean sampled, int sampleSize, int clustered,
			int notClustered, List<ClusterResponse> clusters) {
	}

	record ClusterResponse(int number, int customers, @Nullable Long medoidId, @Nullable String medoidName,
			Segments.Group figures, List<Segments.Typical> typical) {
	}

	@GetMapping("/analysis/clusters")
	@Operation(summary = "Clusters of alike customers (k-medoids on Gower distances, k=2..6 by silhouette unless "
			+ "given; samples of 150 for larger portfolios), each with its figures and typical levels")
	ClustersResponse clusters(FilterForm form, @RequestParam(required = false) @Nullable String k) {
		GroupAnalysis.ClusterResult result = this.groups.clusters(form.filter(), ClustersController.k(k));
		if (result.clusters() == null) {
			return new ClustersResponse(0, null, false, 0, result.clustered(), result.notClustered(), List.of());
		}
		List<ClusterResponse> clusters = ClustersController.views(result)
			.stream()
			.map((view) -> new ClusterResponse(Integer.parseInt(view.key()), view.group().customers(),
					(view.medoid() != null) ? view.medoid().customerId() : null,
					(view.medoid() != null) ? view.medoid().name() : null, view.group(), view.typical()))
			.toList();
		return new ClustersResponse(result.clusters().k(), round(result.clusters().silhouette(), 4),
				result.clusters().sampled(), result.clusters().sampleSize(), result.clustered(), result.notClustered(),
				clusters);
	}

	record SimilarResponse(long customerId, List<SimilarCustomer> similar) {
	}

	/**
	 * A similar customer: {@code similarity} = 100 · (1 − Gower distance), over
	 * {@code compared} criteria; {@code same} and {@code different} name the criteria.
	 */
	record SimilarCustomer(long id, String name, double distance, double similarity, int compared, List<String> same,
			List<String> different) {
	}

	@GetMapping("/customers/{id}/similar")
	@Operation(summary = "The five customers most like this one by Gower distance over the criteria both answered")
	SimilarResponse similar(@PathVariable long id) {
		this.customers.customer(id);
		List<SimilarCustomer> similar = this.similar.similar(id)
			.similar()
			.stream()
			.map((other) -> new SimilarCustomer(other.customer().customerId(), other.customer().name(),
					round(other.distance(), 6), round(100 * (1 - other.distance()), 2), other.compared(),
					other.shared().stream().map((part) -> part.scale().code()).toList(),
					other.different().stream().map((part) -> part.scale().code()).toList()))
			.toList();
		return new SimilarResponse(id, similar);
	}

	record MatrixResponse(String x, String y, String colour, @Nullable Integer from, @Nullable Integer to,
			double xThreshold, double yThreshold, int placed, int unplaced, Map<String, Integer> quadrants,
			List<MatrixCustomer> customers) {
	}

	/** A placed customer; {@code category} is what colours it (a code). */
	record MatrixCustomer(long id, String name, double x, double y, String quadrant, BigDecimal revenue,
			@Nullable String strategy, @Nullable String category) {
	}

	@GetMapping("/analysis/matrix")
	@Operation(summary = "The portfolio matrix: customers by two axes (x=relationship, y=attractiveness by default; "
			+ "also criterion:<code>, revenue, margin, growth), their quadrant, revenue and strategy; customers sorted "
			+ "by revenue, at most limit (default 1,000, at most 100,000)")
	MatrixResponse matrix(FilterForm form, @RequestParam(required = false) @Nullable String x,
			@RequestParam(required = false) @Nullable String y, @RequestParam(required = false) @Nullable String colour,
			@RequestParam(required = false) @Nullable Integer limit) {
		var filter = form.filter();
		MatrixAnalysis.Result result = this.matrix.analyse(filter, MatrixAxis.parse("x", x, MatrixAxis.RELATIONSHIP),
				MatrixAxis.parse("y", y, MatrixAxis.ATTRACTIVENESS),
				(colour == null || colour.isBlank()) ? "quadrant" : colour.strip());
		int count = Math.max(1, Math.min(100_000, (limit != null) ? limit : 1000));
		List<MatrixCustomer> customers = result.matrix()
			.placed()
			.stream()
			.sorted(java.util.Comparator
				.comparingDouble((PortfolioMatrix.Placement placement) -> placement.point().size())
				.reversed()
				.thenComparingLong((placement) -> placement.point().customerId()))
			.limit(count)
			.map((placement) -> {
				MatrixAnalysis.CustomerRow row = result.customers().get(placement.point().customerId());
				return new MatrixCustomer(row.customerId(), row.name(), placement.point().x(), placement.point().y(),
						placement.quadrant().code(), row.revenue(), row.strategy(), placement.point().category());
			})
			.toList();
		Map<String, Integer> quadrants = new LinkedHashMap<>();
		result.matrix().quadrants().forEach((quadrant, n) -> quadrants.put(quadrant.code(), n));
		return new MatrixResponse(result.x().code(), result.y().code(), result.colour(),
				result.years().map(Years::from).orElse(null), result.years().map(Years::to).orElse(null),
				result.matrix().xThreshold(), result.matrix().yThreshold(), result.matrix().placed().size(),
				result.matrix().unplaced(), quadrants, customers);
	}

	/**
	 * Shares are percentages (0–100); they, the HHI and the Gini are null when the total
	 * is zero or negative. {@code curve} is the whale curve (at most 1,000 points, the
	 * peak always among them), {@code top} the 100 best customers.
	 */
	record ConcentrationResponse(String measure, @Nullable Integer from, @Nullable Integer to, int customers,
			BigDecimal total, @Nullable Double top10Share, @Nullable Double top20Share, Map<String, Integer> abc,
			@Nullable Double hhi, @Nullable Double equivalentCustomers, @Nullable Double gini,
			@Nullable Double largestShare, LossMakers lossMakers, @Nullable Double peakShare, List<CurvePoint> curve,
			List<Concentration.Ranked> top, int customersWithoutMargin) {
	}

	record LossMakers(int count, BigDecimal total) {
	}

	record CurvePoint(int customers, double customerShare, double cumulativeShare) {
	}

	@GetMapping("/analysis/concentration")
	@Operation(summary = "How concentrated revenue or margin is: top 10 % and 20 % shares, ABC classes, "
			+ "Herfindahl-Hirschman index, Gini, loss makers and the whale curve")
	ConcentrationResponse concentration(FilterForm form, @RequestParam(required = false) @Nullable String measure) {
		Measure chosen = Measure.parse(measure);
		var filter = form.filter();
		return this.concentration.analyse(filter, chosen)
			.map((result) -> response(result))
			.orElseGet(() -> response(chosen, Concentration.of(List.of()), null, null, 0));
	}

	private static ConcentrationResponse response(ConcentrationAnalysis.Result result) {
		return response(result.measure(), result.concentration(), result.years().from(), result.years().to(),
				result.withoutMargin());
	}

	private static ConcentrationResponse response(Measure measure, Concentration c, @Nullable Integer from,
			@Nullable Integer to, int withoutMargin) {
		Map<String, Integer> abc = new LinkedHashMap<>();
		abc.put("A", c.abc().a());
		abc.put("B", c.abc().b());
		abc.put("C", c.abc().c());
		List<CurvePoint> curve = c.curve(CURVE_POINTS)
			.stream()
			.map((point) -> new CurvePoint(point.customers(), round(point.customerShare(), 4),
					round(point.cumulativeShare(), 4)))
			.toList();
		return new ConcentrationResponse(measure.code(), from, to, c.customers(), c.total(), round(c.top10Share(), 4),
				round(c.top20Share(), 4), abc, round(c.hhi(), 4), round(c.equivalentCustomers(), 4), round(c.gini(), 6),
				round(c.largestShare(), 4), new LossMakers(c.lossMakers().count(), c.lossMakers().total()),
				round(c.peakShare(), 4), curve, c.ranked().subList(0, Math.min(TOP_CUSTOMERS, c.customers())),
				withoutMargin);
	}

	static double round(double value, int decimals) {
		return BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
	}

	static @Nullable Double round(@Nullable Double value, int decimals) {
		if (value == null) {
			return null;
		}
		return BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
	}

}
