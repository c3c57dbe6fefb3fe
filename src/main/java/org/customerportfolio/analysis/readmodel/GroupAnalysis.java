package org.customerportfolio.analysis.readmodel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.customerportfolio.analysis.AnalysisFilter;
import org.customerportfolio.analysis.Clustering;
import org.customerportfolio.analysis.Concentration;
import org.customerportfolio.analysis.CriterionScale;
import org.customerportfolio.analysis.CustomerFigure;
import org.customerportfolio.analysis.CustomerProfile;
import org.customerportfolio.analysis.Gower;
import org.customerportfolio.analysis.Segments;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups of customers: segments side by side (by business type, relationship type, any
 * criterion, tag, ABC class, cluster, status or account manager) and the clusters of
 * alike customers.
 */
@Service
@Transactional(readOnly = true)
public class GroupAnalysis {

	/** The groupings offered besides {@code criterion:<code>}. */
	public static final List<String> GROUPINGS = List.of("businessType", "relationshipType", "tag", "abc", "cluster",
			"status", "manager");

	private final CustomerProfiles profiles;

	private final AnalysisCache cache;

	GroupAnalysis(CustomerProfiles profiles, AnalysisCache cache) {
		this.profiles = profiles;
		this.cache = cache;
	}

	public record SegmentResult(String by, CustomerProfiles.Portfolio portfolio, Segments.Comparison comparison,
			Clustering.@Nullable Result clusters) {
	}

	/**
	 * @throws InvalidInputException for a grouping that is not offered
	 */
	public SegmentResult segments(AnalysisFilter filter, @Nullable String requested) {
		String by = (requested == null || requested.isBlank()) ? "businessType" : requested.strip();
		if (by.equals("relationshipType")) {
			by = "criterion:relationship_type";
		}
		boolean known = GROUPINGS.contains(by) || by.startsWith("criterion:");
		if (!known) {
			throw unknown(requested);
		}
		String grouping = by;
		return this.cache.get(new SegmentQuestion(filter, grouping), (result) -> result.portfolio().customers().size(),
				() -> segment(filter, grouping, requested));
	}

	private record SegmentQuestion(AnalysisFilter filter, String by) {
	}

	private SegmentResult segment(AnalysisFilter filter, String by, @Nullable String requested) {
		CustomerProfiles.Portfolio portfolio = this.profiles.load(filter, by.equals("tag"));
		Function<CustomerProfile, List<String>> groups;
		Clustering.Result clusters = null;
		switch (by) {
			case "businessType" -> groups = (customer) -> single(customer.businessType());
			case "status" -> groups = (customer) -> single(customer.status());
			case "manager" -> groups = (customer) -> single(
					(customer.accountManagerId() != null) ? customer.accountManagerId().toString() : null);
			case "tag" -> groups = CustomerProfile::tags;
			case "abc" -> groups = abc(portfolio.customers());
			case "cluster" -> {
				clusters = cluster(portfolio, null);
				groups = clusterGroups(portfolio, clusters);
			}
			default -> {
				String code = by.substring("criterion:".length());
				CriterionScale scale = portfolio.scale(code)
					.filter((found) -> found.kind() != CriterionScale.Kind.NUMBER)
					.orElseThrow(() -> unknown(requested));
				groups = (customer) -> levels(scale, customer);
			}
		}
		return new SegmentResult(by, portfolio, Segments.compare(portfolio.customers(), groups, portfolio.scales()),
				clusters);
	}

	public record ClusterResult(CustomerProfiles.Portfolio portfolio, Clustering.@Nullable Result clusters,
			Segments.Comparison comparison, int clustered, int notClustered) {
	}

	/**
	 * The clusters of the filtered customers that answered at least one criterion, into
	 * {@code k} groups or as many as the silhouette prefers; none when fewer than three
	 * customers have answers.
	 */
	public ClusterResult clusters(AnalysisFilter filter, @Nullable Integer k) {
		if (k != null && (k < Clustering.MIN_K || k > Clustering.MAX_K)) {
			throw new InvalidInputException(List.of(new RuleViolation("k", "analysis.clusters.k.range",
					String.valueOf(Clustering.MIN_K), String.valueOf(Clustering.MAX_K))));
		}
		return this.cache.get(new ClusterQuestion(filter, k), (result) -> result.portfolio().customers().size(),
				() -> cluster(filter, k));
	}

	private record ClusterQuestion(AnalysisFilter filter, @Nullable Integer k) {
	}

	private ClusterResult cluster(AnalysisFilter filter, @Nullable Integer k) {
		CustomerProfiles.Portfolio portfolio = this.profiles.load(filter, false);
		List<CustomerProfile> answered = answered(portfolio);
		if (answered.size() < 3) {
			return new ClusterResult(portfolio, null,
					Segments.compare(List.of(), (customer) -> List.of(), portfolio.scales()), answered.size(),
					portfolio.customers().size() - answered.size());
		}
		Clustering.Result clusters = new Clustering(new Gower(portfolio.scales())).cluster(answered, k);
		Map<Long, String> keys = new HashMap<>();
		for (int i = 0; i < answered.size(); i++) {
			keys.put(answered.get(i).customerId(), String.valueOf(clusters.assignment()[i] + 1));
		}
		Segments.Comparison comparison = Segments.compare(answered,
				(customer) -> single(keys.get(customer.customerId())), portfolio.scales());
		return new ClusterResult(portfolio, clusters, comparison, answered.size(),
				portfolio.customers().size() - answered.size());
	}

	private Clustering.@Nullable Result cluster(CustomerProfiles.Portfolio portfolio, @Nullable Integer k) {
		List<CustomerProfile> answered = answered(portfolio);
		return (answered.size() < 3) ? null : new Clustering(new Gower(portfolio.scales())).cluster(answered, k);
	}

	private static Function<CustomerProfile, List<String>> clusterGroups(CustomerProfiles.Portfolio portfolio,
			Clustering.@Nullable Result clusters) {
		Map<Long, String> keys = new HashMap<>();
		if (clusters != null) {
			List<CustomerProfile> answered = answered(portfolio);
			for (int i = 0; i < answered.size(); i++) {
				keys.put(answered.get(i).customerId(), String.valueOf(clusters.assignment()[i] + 1));
			}
		}
		return (customer) -> single(keys.get(customer.customerId()));
	}

	private static List<CustomerProfile> answered(CustomerProfiles.Portfolio portfolio) {
		List<CustomerProfile> answered = new ArrayList<>();
		for (CustomerProfile customer : portfolio.customers()) {
			for (CriterionScale scale : portfolio.scales()) {
				if (customer.answered(scale)) {
					answered.add(customer);
					break;
				}
			}
		}
		return answered;
	}

	/** ABC classes of revenue over the customers with revenue in the period. */
	private static Function<CustomerProfile, List<String>> abc(List<CustomerProfile> customers) {
		List<CustomerFigure> figures = new ArrayList<>();
		for (CustomerProfile customer : customers) {
			if (customer.revenue().signum() != 0) {
				figures.add(new CustomerFigure(customer.customerId(), customer.name(), customer.revenue()));
			}
		}
		Map<Long, String> classes = new HashMap<>();
		for (Concentration.Ranked ranked : Concentration.of(figures).ranked()) {
			if (ranked.abcClass() != null) {
				classes.put(ranked.customerId(), ranked.abcClass());
			}
		}
		return (customer) -> single(classes.get(customer.customerId()));
	}

	private static List<String> levels(CriterionScale scale, CustomerProfile customer) {
		long mask = customer.levels()[scale.index()];
		List<String> levels = new ArrayList<>();
		for (int bit = 0; bit < scale.levels().size(); bit++) {
			if ((mask & (1L << bit)) != 0) {
				levels.add(scale.levels().get(bit));
			}
		}
		return levels;
	}

	private static List<String> single(@Nullable String key) {
		return (key == null) ? List.of() : List.of(key);
	}

	private static InvalidInputException unknown(@Nullable String requested) {
		return new InvalidInputException(
				List.of(new RuleViolation("by", "analysis.segments.by.unknown", String.valueOf(requested))));
	}

	static BigDecimal zero() {
		return BigDecimal.ZERO;
	}

}
