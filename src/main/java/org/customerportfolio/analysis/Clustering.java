package org.customerportfolio.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Groups customers into k clusters of alike customers by k-medoids (PAM: build, then swap
 * while the total distance falls) on Gower distances. A full distance matrix of 100,000
 * customers does not fit in memory, so larger portfolios are clustered CLARA-style: PAM
 * on several random samples, every customer assigned to the nearest medoid, and the
 * sample whose medoids fit a larger random set of customers best is kept; then every
 * customer is assigned to the nearest of those medoids. k is chosen by the mean
 * silhouette (on the sample) unless given. Random choices come from a fixed seed, so the
 * same portfolio always gives the same clusters.
 */
public final class Clustering {

	public static final int MIN_K = 2;

	public static final int MAX_K = 6;

	/** Portfolios up to this size are clustered whole; larger ones by samples of it. */
	public static final int SAMPLE_SIZE = 150;

	static final int SAMPLES = 3;

	/** Customers on which the samples' medoids are compared. */
	static final int VALIDATION_SIZE = 2000;

	static final long SEED = 20_260_101L;

	private final Gower gower;

	public Clustering(Gower gower) {
		this.gower = gower;
	}

	/**
	 * The clusters: {@code assignment[i]} is the cluster (0…k−1) of {@code customers[i]};
	 * {@code silhouette} is the mean silhouette of the clustered sample (−1…1, higher is
	 * better separated); {@code sampled} says whether samples were used.
	 */
	public record Result(int k, List<CustomerProfile> medoids, int[] assignment, double silhouette, boolean sampled,
			int sampleSize, double meanDistance) {
	}

	/**
	 * Clusters the customers into {@code k} groups, or into the k from 2 to 6 with the
	 * best silhouette when {@code k} is null. Needs at least three customers.
	 */
	public Result cluster(List<CustomerProfile> customers, @org.jspecify.annotations.Nullable Integer k) {
		int n = customers.size();
		if (n < 3) {
			throw new IllegalArgumentException("clustering needs at least three customers, not " + n);
		}
		boolean sampled = n > SAMPLE_SIZE;
		SplittableRandom random = new SplittableRandom(SEED);
		List<List<CustomerProfile>> samples = new ArrayList<>();
		List<CustomerProfile> validation = customers;
		if (sampled) {
			for (int s = 0; s < SAMPLES; s++) {
				samples.add(sample(customers, SAMPLE_SIZE, random));
			}
			validation = sample(customers, Math.min(n, VALIDATION_SIZE), random);
		}
		else {
			samples.add(customers);
		}
		List<double[][]> matrices = samples.stream().map(this::matrix).toList();
		int maxK = Math.min(MAX_K, n - 1);
		int[] ks = (k != null) ? new int[] { Math.max(MIN_K, Math.min(k, maxK)) } : range(MIN_K, maxK);
		List<CustomerProfile> bestMedoids = null;
		double bestSilhouette = Double.NEGATIVE_INFINITY;
		int bestSample = 0;
		for (int candidate : ks) {
			// CLARA: of the samples' medoids, those that fit the validation customers
			// best
			List<CustomerProfile> medoids = null;
			double silhouette = 0;
			double cost = Double.POSITIVE_INFINITY;
			int from = 0;
			for (int s = 0; s < samples.size(); s++) {
				int[] chosen = pam(matrices.get(s), candidate);
				List<CustomerProfile> profiles = new ArrayList<>();
				for (int medoid : chosen) {
					profiles.add(samples.get(s).get(medoid));
				}
				double trial = 0;
				for (CustomerProfile customer : validation) {
					trial += distance(customer, profiles.get(nearest(customer, profiles)));
				}
				if (trial < cost) {
					cost = trial;
					medoids = profiles;
					silhouette = silhouette(matrices.get(s), assign(matrices.get(s), chosen));
					from = s;
				}
			}
			if (silhouette > bestSilhouette + 1e-9) {
				bestSilhouette = silhouette;
				bestMedoids = medoids;
				bestSample = from;
			}
		}
		int[] assignment = new int[n];
		double total = 0;
		for (int i = 0; i < n; i++) {
			assignment[i] = nearest(customers.get(i), bestMedoids);
			total += distance(customers.get(i), bestMedoids.get(assignment[i]));
		}
		return new Result(bestMedoids.size(), bestMedoids, assignment, bestSilhouette, sampled,
				samples.get(bestSample).size(), total / n);
	}

	private int nearest(CustomerProfile customer, List<CustomerProfile> medoids) {
		int nearest = 0;
		double nearestDistance = Double.POSITIVE_INFINITY;
		for (int m = 0; m < medoids.size(); m++) {
			double distance = distance(customer, medoids.get(m));
			if (distance < nearestDistance) {
				nearest = m;
				nearestDistance = distance;
			}
		}
		return nearest;
	}

	/** Gower distance, with "nothing in common" as far apart as can be. */
	double distance(CustomerProfile a, CustomerProfile b) {
		double distance = this.gower.distance(a, b);
		return Double.isNaN(distance) ? 1 : distance;
	}

	private double[][] matrix(List<CustomerProfile> sample) {
		int n = sample.size();
		double[][] distances = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				double distance = distance(sample.get(i), sample.get(j));
				distances[i][j] = distance;
				distances[j][i] = distance;
			}
		}
		return distances;
	}

	/**
	 * PAM: greedy build, then the best swap of a medoid and a non-medoid while it helps.
	 */
	static int[] pam(double[][] d, int k) {
		int n = d.length;
		boolean[] isMedoid = new boolean[n];
		int[] medoids = new int[k];
		double[] nearest = new double[n];
		Arrays.fill(nearest, Double.POSITIVE_INFINITY);
		for (int m = 0; m < k; m++) {
			int bestCandidate = -1;
			double bestCost = Double.POSITIVE_INFINITY;
			for (int candidate = 0; candidate < n; candidate++) {
				if (isMedoid[candidate]) {
					continue;
				}
				double cost = 0;
				for (int i = 0; i < n; i++) {
					cost += Math.min(nearest[i], d[i][candidate]);
				}
				if (cost < bestCost) {
					bestCost = cost;
					bestCandidate = candidate;
				}
			}
			medoids[m] = bestCandidate;
			isMedoid[bestCandidate] = true;
			for (int i = 0; i < n; i++) {
				nearest[i] = Math.min(nearest[i], d[i][bestCandidate]);
			}
		}
		double cost = cost(d, medoids);
		for (int iteration = 0; iteration < 50; iteration++) {
			int swapOut = -1;
			int swapIn = -1;
			double bestCost = cost;
			for (int m = 0; m < k; m++) {
				for (int candidate = 0; candidate < n; candidate++) {
					if (isMedoid[candidate]) {
						continue;
					}
					int old = medoids[m];
					medoids[m] = candidate;
					double trial = cost(d, medoids);
					medoids[m] = old;
					if (trial < bestCost - 1e-12) {
						bestCost = trial;
						swapOut = m;
						swapIn = candidate;
					}
				}
			}
			if (swapOut < 0) {
				break;
			}
			isMedoid[medoids[swapOut]] = false;
			medoids[swapOut] = swapIn;
			isMedoid[swapIn] = true;
			cost = bestCost;
		}
		return medoids;
	}

	static double cost(double[][] d, int[] medoids) {
		double cost = 0;
		for (double[] row : d) {
			double nearest = Double.POSITIVE_INFINITY;
			for (int medoid : medoids) {
				nearest = Math.min(nearest, row[medoid]);
			}
			cost += nearest;
		}
		return cost;
	}

	static int[] assign(double[][] d, int[] medoids) {
		int[] assignment = new int[d.length];
		for (int i = 0; i < d.length; i++) {
			double nearest = Double.POSITIVE_INFINITY;
			for (int m = 0; m < medoids.length; m++) {
				if (d[i][medoids[m]] < nearest) {
					nearest = d[i][medoids[m]];
					assignment[i] = m;
				}
			}
		}
		return assignment;
	}

	/**
	 * Mean silhouette: for each point, (b − a) / max(a, b) with a its mean distance to
	 * its own cluster and b to the nearest other cluster; 0 for points alone in their
	 * cluster.
	 */
	static double silhouette(double[][] d, int[] assignment) {
		int n = d.length;
		int k = Arrays.stream(assignment).max().orElse(0) + 1;
		int[] sizes = new int[k];
		for (int cluster : assignment) {
			sizes[cluster]++;
		}
		double total = 0;
		for (int i = 0; i < n; i++) {
			double[] sums = new double[k];
			for (int j = 0; j < n; j++) {
				if (i != j) {
					sums[assignment[j]] += d[i][j];
				}
			}
			int own = assignment[i];
			if (sizes[own] <= 1) {
				continue;
			}
			double a = sums[own] / (sizes[own] - 1);
			double b = Double.POSITIVE_INFINITY;
			for (int c = 0; c < k; c++) {
				if (c != own && sizes[c] > 0) {
					b = Math.min(b, sums[c] / sizes[c]);
				}
			}
			if (b == Double.POSITIVE_INFINITY) {
				continue;
			}
			double max = Math.max(a, b);
			total += (max == 0) ? 0 : (b - a) / max;
		}
		return total / n;
	}

	private static List<CustomerProfile> sample(List<CustomerProfile> customers, int size, SplittableRandom random) {
		int n = customers.size();
		int[] indexes = new int[n];
		for (int i = 0; i < n; i++) {
			indexes[i] = i;
		}
		List<CustomerProfile> sample = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			int j = i + random.nextInt(n - i);
			int swap = indexes[i];
			indexes[i] = indexes[j];
			indexes[j] = swap;
			sample.add(customers.get(indexes[i]));
		}
		return sample;
	}

	private static int[] range(int from, int to) {
		int[] values = new int[Math.max(0, to - from + 1)];
		for (int i = 0; i < values.length; i++) {
			values[i] = from + i;
		}
		return values;
	}

}
