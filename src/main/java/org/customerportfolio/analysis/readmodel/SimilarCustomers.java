package org.customerportfolio.analysis.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.customerportfolio.analysis.AnalysisFilter;
import org.customerportfolio.analysis.CriterionScale;
import org.customerportfolio.analysis.CustomerProfile;
import org.customerportfolio.analysis.Gower;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Customers like this one": the nearest customers by Gower distance over the criteria,
 * with what they share and where they differ.
 */
@Service
@Transactional(readOnly = true)
public class SimilarCustomers {

	public static final int COUNT = 5;

	/**
	 * A distance over fewer criteria than this (or than the customer answered) says too
	 * little.
	 */
	static final int MINIMUM_COMPARED = 3;

	private final CustomerProfiles profiles;

	private final AnalysisCache cache;

	SimilarCustomers(CustomerProfiles profiles, AnalysisCache cache) {
		this.profiles = profiles;
		this.cache = cache;
	}

	/** One criterion of a neighbour: the same answer or not, and the distance on it. */
	public record Comparison(CriterionScale scale, boolean same, double distance) {
	}

	public record Similar(CustomerProfile customer, double distance, int compared, List<Comparison> shared,
			List<Comparison> different) {
	}

	/**
	 * The customer's profile and its nearest customers (archived customers never); empty
	 * neighbours when the customer has answered nothing yet.
	 */
	public record Result(Optional<CustomerProfile> customer, CustomerProfiles.Portfolio portfolio,
			List<Similar> similar) {
	}

	public Result similar(long customerId) {
		// the portfolio it refers to is kept (and weighed) by the profiles' own entry
		return this.cache.get(new Question(customerId), (result) -> COUNT, () -> compute(customerId));
	}

	private record Question(long customerId) {
	}

	private Result compute(long customerId) {
		CustomerProfiles.Portfolio portfolio = this.profiles.load(AnalysisFilter.none(), false);
		Optional<CustomerProfile> target = portfolio.customers()
			.stream()
			.filter((customer) -> customer.customerId() == customerId)
			.findFirst();
		if (target.isEmpty()) {
			return new Result(target, portfolio, List.of());
		}
		int answered = (int) portfolio.scales().stream().filter((scale) -> target.get().answered(scale)).count();
		if (answered == 0) {
			return new Result(target, portfolio, List.of());
		}
		Gower gower = new Gower(portfolio.scales());
		List<Similar> similar = new ArrayList<>();
		for (Gower.Neighbour neighbour : gower.nearest(target.get(), portfolio.customers(), COUNT,
				Math.min(MINIMUM_COMPARED, answered))) {
			List<Comparison> shared = new ArrayList<>();
			List<Comparison> different = new ArrayList<>();
			for (CriterionScale scale : portfolio.scales()) {
				double part = Gower.part(scale, target.get(), neighbour.customer());
				if (Double.isNaN(part)) {
					continue;
				}
				Comparison comparison = new Comparison(scale, part == 0, part);
				((part == 0) ? shared : different).add(comparison);
			}
			different.sort(java.util.Comparator.comparingDouble(Comparison::distance).reversed());
			similar
				.add(new Similar(neighbour.customer(), neighbour.distance(), neighbour.compared(), shared, different));
		}
		return new Result(target, portfolio, similar);
	}

}
