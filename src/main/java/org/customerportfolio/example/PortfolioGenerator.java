package org.customerportfolio.example;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.customerportfolio.example.ExamplePortfolio.Scale;
import org.customerportfolio.example.Texts.Text;
import org.customerportfolio.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * Invents a portfolio from a seed: customers of every business type, their invoice lines
 * month by month, and the history of their evaluations. The same scale, seed, date and
 * language always give the same portfolio, line for line, and each customer's lines and
 * evaluations come from a random stream of its own, so they can be produced one customer
 * at a time and never all held at once.
 * <p>
 * What it promises, whatever the seed: the customers of the first year lose close to
 * {@value #FIVE_YEAR_LOSS} of their number by the last (as the source text's 45–50 % in
 * five years); sizes follow a Pareto tail, so that a fifth of the customers brings most
 * of the margin; a few customers lose money; revenue is seasonal (quiet summers, busy
 * year ends) and grows or shrinks per customer; some relationships improve and some slide
 * towards "at risk".
 */
public final class PortfolioGenerator {

	/** The share of the first year's customers that no longer buy in the last year. */
	static final double FIVE_YEAR_LOSS = 0.47;

	/** Of the customers who join later, the share lost each following year. */
	private static final double YEARLY_CHURN = 0.12;

	private static final double PARETO_ALPHA = 1.3;

	private static final double BASE_REVENUE = 9000;

	/**
	 * Relative revenue per calendar month: quiet in summer, busy before the year ends.
	 */
	private static final double[] SEASON = { 0.8, 0.9, 1.1, 1.0, 1.0, 1.1, 0.7, 0.55, 1.1, 1.1, 1.2, 1.35 };

	/** How a relationship develops over the years. */
	public enum Trajectory {

		STEADY, IMPROVING, SLIDING

	}

	/**
	 * One invented customer. {@code firstMonth} and {@code lastMonth} bound the months it
	 * is invoiced (as {@link YearMonth}); {@code lostIn} is the first year without
	 * invoices, null while it still buys. {@code marginRate} below zero makes it a
	 * loss-maker; {@code manager} is an index into the account managers.
	 */
	public record Customer(int index, String reference, String name, String businessType, String city, String country,
			String registrationNumber, String vatNumber, String website, List<String> tags, String notes, int manager,
			YearMonth firstMonth, YearMonth lastMonth, @Nullable Integer lostIn, double size, double marginRate,
			Trajectory trajectory, int lines) {

		/** Whether it still buys in the last year. */
		public boolean active() {
			return this.lostIn == null;
		}

	}

	/** One invoice line; {@code category} is the service category's code. */
	public record Line(int customerIndex, String invoiceNumber, LocalDate date, String category, BigDecimal amount,
			BigDecimal cost, String description) {

		public BigDecimal margin() {
			return this.amount.subtract(this.cost);
		}

	}

	/**
	 * One evaluation: when, and where the relationship stood on both axes (0 worst, 1
	 * best); {@code atRisk} and {@code failing} force the worst relationship type and
	 * outlook. {@code seed} drives the choice of levels for criteria outside the axes;
	 * {@code customerSeed}, the same for all of a customer's evaluations, how far each
	 * criterion sits from the axis (so that a steady relationship keeps its answers).
	 */
	public record Evaluation(LocalDate date, double attractiveness, double strength, boolean atRisk, boolean failing,
			String comment, long seed, long customerSeed) {
	}

	private final Scale scale;

	private final LocalDate asOf;

	private final Language language;

	private final String prefix;

	private final int firstYear;

	private final int lastYear;

	private @Nullable List<Customer> customers;

	public PortfolioGenerator(Scale scale, LocalDate asOf, Language language) {
		this(scale, asOf, language, "EX-");
	}

	/**
	 * A generator whose customer references (and so invoice numbers) start with
	 * {@code prefix}, so that several portfolios can share one database.
	 */
	public PortfolioGenerator(Scale scale, LocalDate asOf, Language language, String prefix) {
		this.scale = scale;
		this.asOf = asOf;
		this.language = language;
		this.prefix = prefix;
		this.firstYear = asOf.getYear() - scale.years();
		this.lastYear = asOf.getYear();
	}

	public Scale scale() {
		return this.scale;
	}

	public LocalDate asOf() {
		return this.asOf;
	}

	/**
	 * The first year invoiced; the last is the year of {@link #asOf()}, up to that day.
	 */
	public int firstYear() {
		return this.firstYear;
	}

	/** The customers, in index order; computed once (a few hundred bytes each). */
	public List<Customer> customers() {
		if (this.customers == null) {
			this.customers = List.copyOf(invent());
		}
		return this.customers;
	}

	/** About how many lines {@link #lines} produces over all customers. */
	public long plannedLines() {
		return customers().stream().mapToLong(Customer::lines).sum();
	}

	private List<Customer> invent() {
		int n = this.scale.customers();
		SplittableRandom random = new SplittableRandom(this.scale.seed());
		YearMonth start = YearMonth.of(this.firstYear, 1);
		YearMonth end = YearMonth.from(this.asOf);
		int years = this.scale.years();

		// sizes: Pareto quantiles, dealt out in a shuffled order so every seed has the
		// same tail
		int[] rank = shuffled(n, random);
		double[] size = new double[n];
		for (int i = 0; i < n; i++) {
			double u = (rank[i] + 0.5) / n;
			size[i] = Math.pow(1 - u, -1 / PARETO_ALPHA);
		}
		// the first year's customers: 60 %; the rest join in later years
		int initial = Math.max(1, (int) Math.round(n * 0.6));
		int[] order = shuffled(n, random);
		boolean[] fromStart = new boolean[n];
		for (int i = 0; i < initial; i++) {
			fromStart[order[i]] = true;
		}
		// exactly the promised share of the first year's customers is lost, spread over
		// the years,
		// the very largest kept
		Integer[] lostIn = new Integer[n];
		List<Integer> candidates = new ArrayList<>();
		for (int i : shuffled(n, random)) {
			if (fromStart[i] && rank[i] >= Math.max(1, n / 20)) {
				candidates.add(i);
			}
		}
		int toLose = (int) Math.round(initial * FIVE_YEAR_LOSS);
		for (int j = 0; j < Math.min(toLose, candidates.size()); j++) {
			lostIn[candidates.get(j)] = this.firstYear + 1 + (j % years);
		}
		YearMonth[] first = new YearMonth[n];
		YearMonth[] last = new YearMonth[n];
		for (int i = 0; i < n; i++) {
			if (fromStart[i]) {
				first[i] = start;
			}
			else {
				int joined = this.firstYear + 1 + random.nextInt(years);
				int months = (joined == this.lastYear) ? end.getMonthValue() : 12;
				first[i] = YearMonth.of(joined, 1 + random.nextInt(months));
				for (int year = joined + 1; year <= this.lastYear && lostIn[i] == null; year++) {
					if (random.nextDouble() < YEARLY_CHURN) {
						lostIn[i] = year;
					}
				}
			}
			if (lostIn[i] != null) {
				YearMonth lastPossible = YearMonth.of(lostIn[i] - 1, 12);
				int from = (first[i].getYear() == lostIn[i] - 1) ? first[i].getMonthValue() : 1;
				last[i] = YearMonth.of(lostIn[i] - 1, from + random.nextInt(lastPossible.getMonthValue() - from + 1));
			}
			else {
				last[i] = end;
			}
		}
		// trajectories: the recently lost mostly slid; a few current ones slide too
		Trajectory[] trajectory = new Trajectory[n];
		for (int i = 0; i < n; i++) {
			double u = random.nextDouble();
			boolean recentlyLost = lostIn[i] != null && lostIn[i] >= this.lastYear - 1;
			trajectory[i] = (recentlyLost && u < 0.7) || (lostIn[i] == null && u < 0.10) ? Trajectory.SLIDING
					: (u > 0.86) ? Trajectory.IMPROVING : Trajectory.STEADY;
		}
		// margins: about a fifth, better for the largest; one customer in twelve loses
		// money
		double[] margin = new double[n];
		for (int i = 0; i < n; i++) {
			margin[i] = 0.2 + random.nextGaussian() * 0.07 + ((rank[i] < n / 10) ? 0.06 : 0);
			margin[i] = Math.max(0.03, Math.min(0.45, margin[i]));
		}
		int lossMakers = Math.max(1, n / 12);
		int[] lossOrder = shuffled(n, random);
		for (int j = 0; j < lossMakers; j++) {
			int i = lossOrder[j];
			margin[i] = -(0.03 + random.nextDouble() * 0.22);
		}
		// lines: shared out by size and months invoiced, at least one per year invoiced
		double[] weight = new double[n];
		double total = 0;
		for (int i = 0; i < n; i++) {
			weight[i] = Math.pow(size[i], 0.6) * months(first[i], last[i]);
			total += weight[i];
		}
		// years × lines per year in all, spread over the complete years and the current
		// one so far
		double plannedLines = (double) this.scale.linesPerYear() * years;
		int[] lines = new int[n];
		double carry = 0;
		for (int i = 0; i < n; i++) {
			double exact = plannedLines * weight[i] / total + carry;
			int whole = (int) Math.floor(exact);
			carry = exact - whole;
			lines[i] = Math.max(whole, last[i].getYear() - first[i].getYear() + 1);
		}
		// who they are
		Set<String> names = new HashSet<>();
		List<Customer> result = new ArrayList<>(n);
		int width = Math.max(6, String.valueOf(n).length());
		for (int i = 0; i < n; i++) {
			SplittableRandom own = stream(i, 1);
			String type = pickType(own);
			String place = Texts.place(own);
			String name = Texts.organisation(type, place, own, this.language);
			for (int attempt = 0; !names.add(name); attempt++) {
				name = (attempt < 20) ? Texts.organisation(type, Texts.place(own), own, this.language)
						: name + " " + (i + 1);
			}
			String country = "NL";
			String city;
			int abroad = own.nextInt(100);
			if (Texts.publicBody(type)) {
				city = place;
			}
			else if (abroad < 4) {
				country = "BE";
				city = Texts.pick(Texts.CITIES_BE, own);
			}
			else if (abroad < 7) {
				country = "DE";
				city = Texts.pick(Texts.CITIES_DE, own);
			}
			else {
				city = Texts.pick(Texts.CITIES_NL, own);
			}
			List<String> tags = new ArrayList<>();
			if (rank[i] < n / 10) {
				tags.add(Texts.TAGS.get(4).in(this.language));
			}
			if (own.nextInt(3) == 0) {
				String tag = Texts.TAGS.get(own.nextInt(4)).in(this.language);
				if (!tags.contains(tag)) {
					tags.add(tag);
				}
			}
			String registration = String.valueOf(10_000_000 + own.nextInt(90_000_000));
			String vat = country + (100_000_000 + own.nextInt(900_000_000)) + ("NL".equals(country) ? "B01" : "");
			String website = "https://www." + Texts.slug(name) + ".example";
			String notes = Texts.pick(Texts.NOTES, own).in(this.language);
			String reference = this.prefix + pad(i + 1, width);
			result.add(new Customer(i, reference, name, type, city, country, registration, vat, website,
					List.copyOf(tags), notes, own.nextInt(Integer.MAX_VALUE), first[i], last[i], lostIn[i],
					BASE_REVENUE * size[i], margin[i], trajectory[i], lines[i]));
		}
		return result;
	}

	private static String pickType(SplittableRandom random) {
		int u = random.nextInt(100);
		for (int t = 0; t < Texts.TYPE_WEIGHTS.length; t++) {
			u -= Texts.TYPE_WEIGHTS[t];
			if (u < 0) {
				return Texts.TYPES.get(t);
			}
		}
		return "other";
	}

	/**
	 * Hands the customer's invoice lines to {@code sink} in date order: each year's
	 * revenue follows the customer's size and trend, each month's its season; a few lines
	 * are credits.
	 */
	public void lines(Customer customer, Consumer<Line> sink) {
		SplittableRandom random = stream(customer.index(), 2);
		YearMonth first = customer.firstMonth();
		YearMonth last = customer.lastMonth();
		int span = months(first, last);
		double[] cumulative = new double[span];
		double sum = 0;
		for (int m = 0; m < span; m++) {
			sum += SEASON[first.plusMonths(m).getMonthValue() - 1];
			cumulative[m] = sum;
		}
		int[] monthOf = new int[customer.lines()];
		int placed = 0;
		// one line in every year invoiced, so that each of those years counts as active
		for (int year = first.getYear(); year <= last.getYear(); year++) {
			int from = (year == first.getYear()) ? first.getMonthValue() : 1;
			int to = (year == last.getYear()) ? last.getMonthValue() : 12;
			monthOf[placed++] = months(first, YearMonth.of(year, from + random.nextInt(to - from + 1))) - 1;
		}
		int guaranteed = placed;
		for (; placed < monthOf.length; placed++) {
			double u = random.nextDouble() * sum;
			int m = Arrays.binarySearch(cumulative, u);
			monthOf[placed] = Math.min(span - 1, (m >= 0) ? m : -m - 1);
		}
		boolean[] credit = new boolean[monthOf.length];
		for (int l = guaranteed; l < monthOf.length; l++) {
			credit[l] = random.nextInt(100) < 2;
		}
		// keep the guaranteed lines' no-credit mark while sorting by month
		long[] keyed = new long[monthOf.length];
		for (int l = 0; l < monthOf.length; l++) {
			keyed[l] = ((long) monthOf[l] << 32) | ((credit[l] ? 1L : 0L) << 31) | l;
		}
		Arrays.sort(keyed);
		int[] linesInYear = new int[this.lastYear - this.firstYear + 1];
		for (long key : keyed) {
			linesInYear[first.plusMonths((int) (key >>> 32)).getYear() - this.firstYear]++;
		}
		int invoiceLeft = 0;
		int sequence = 0;
		int currentYear = 0;
		LocalDate date = null;
		String invoice = null;
		Text project = Texts.pick(Texts.PROJECTS, random);
		int[] mix = Texts.CATEGORY_MIX[Math.max(0, Texts.TYPES.indexOf(customer.businessType()))];
		int previousMonth = -1;
		for (long key : keyed) {
			int month = (int) (key >>> 32);
			boolean isCredit = ((key >>> 31) & 1) == 1;
			YearMonth yearMonth = first.plusMonths(month);
			if (yearMonth.getYear() != currentYear) {
				currentYear = yearMonth.getYear();
				sequence = 0;
			}
			if (invoiceLeft == 0 || month != previousMonth) {
				int lastDay = yearMonth.equals(YearMonth.from(this.asOf)) ? this.asOf.getDayOfMonth()
						: Math.min(28, yearMonth.lengthOfMonth());
				date = yearMonth.atDay(1 + random.nextInt(lastDay));
				sequence++;
				invoice = customer.reference() + "-" + currentYear + "-" + pad(sequence, 3);
				invoiceLeft = 1 + random.nextInt(3);
				if (random.nextInt(4) == 0) {
					project = Texts.pick(Texts.PROJECTS, random);
				}
			}
			previousMonth = month;
			invoiceLeft--;
			int category = pickCategory(mix, random);
			double yearly = yearRevenue(customer, currentYear);
			double activeShare = activeMonths(first, last, currentYear) / 12.0;
			double mean = yearly * activeShare / linesInYear[currentYear - this.firstYear];
			double noise = Math.exp(random.nextGaussian() * 0.45 - 0.45 * 0.45 / 2);
			double amount = Math.max(25, mean * noise);
			if (isCredit) {
				amount = -Math.max(25, amount * 0.25);
			}
			double rate = customer.marginRate() + random.nextGaussian() * 0.05;
			BigDecimal money = BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
			BigDecimal cost = BigDecimal.valueOf(amount * (1 - rate)).setScale(2, RoundingMode.HALF_UP);
			Text work = Texts.pick(Texts.WORK.get(category), random);
			sink.accept(new Line(customer.index(), invoice, date, Texts.CATEGORIES.get(category), money, cost,
					work.in(this.language) + ", " + project.in(this.language)));
		}
	}

	private static int pickCategory(int[] mix, SplittableRandom random) {
		int u = random.nextInt(100);
		for (int c = 0; c < mix.length; c++) {
			u -= mix[c];
			if (u < 0) {
				return c;
			}
		}
		return mix.length - 1;
	}

	/** The customer's revenue for a whole year: its size, its trend, its trajectory. */
	private double yearRevenue(Customer customer, int year) {
		SplittableRandom trend = stream(customer.index(), 3);
		double growth = -0.04 + trend.nextDouble() * 0.16;
		int age = year - customer.firstMonth().getYear();
		double revenue = customer.size() * Math.pow(1 + growth, age);
		int fromEnd = customer.lastMonth().getYear() - year;
		if (customer.trajectory() == Trajectory.SLIDING && fromEnd < 2) {
			revenue *= Math.pow(0.7, 2 - fromEnd);
		}
		else if (customer.trajectory() == Trajectory.IMPROVING && fromEnd < 2) {
			revenue *= Math.pow(1.25, 2 - fromEnd);
		}
		return revenue;
	}

	/**
	 * The customer's evaluations, oldest first: one soon after it started, then about one
	 * a year while it bought; a few customers were not evaluated for well over a year.
	 */
	public List<Evaluation> evaluations(Customer customer) {
		SplittableRandom random = stream(customer.index(), 4);
		long customerSeed = random.nextLong();
		double strength = clamp(0.55 + random.nextGaussian() * 0.2);
		double attractiveness = clamp(0.3 + 0.5 * Math.min(1, customer.size() / (BASE_REVENUE * 10))
				+ random.nextGaussian() * 0.15 - ((customer.marginRate() < 0) ? 0.25 : 0));
		boolean neglected = random.nextInt(100) < 10;
		LocalDate from = customer.firstMonth().atDay(1).plusDays(20 + random.nextInt(70));
		LocalDate until = customer.active() ? this.asOf.minusDays(neglected ? 430 : 7)
				: customer.lastMonth().atEndOfMonth();
		if (until.isAfter(this.asOf)) {
			until = this.asOf;
		}
		if (from.isAfter(until)) {
			from = until;
		}
		List<LocalDate> dates = new ArrayList<>();
		for (LocalDate date = from; !date.isAfter(until); date = date.plusDays(380 + random.nextInt(160))) {
			dates.add(date);
		}
		if (dates.isEmpty()) {
			dates.add(from);
		}
		if (customer.active() && !neglected && until.minusDays(300).isAfter(dates.get(dates.size() - 1))) {
			// the yearly review of a customer that is looked after falls within the last
			// year
			dates.add(until.minusDays(random.nextInt(200)));
		}
		List<Evaluation> evaluations = new ArrayList<>(dates.size());
		for (int e = 0; e < dates.size(); e++) {
			double t = (dates.size() == 1) ? 1 : (double) e / (dates.size() - 1);
			double s = strength;
			double a = attractiveness;
			boolean last = e == dates.size() - 1;
			switch (customer.trajectory()) {
				case IMPROVING -> {
					s = strength - 0.2 + 0.45 * t;
					a = attractiveness + 0.15 * t;
				}
				case SLIDING -> {
					s = strength + 0.15 - 0.6 * t;
					a = attractiveness - 0.2 * t;
				}
				case STEADY -> {
				}
			}
			s = clamp(s + random.nextGaussian() * 0.03);
			a = clamp(a + random.nextGaussian() * 0.03);
			boolean atRisk = customer.trajectory() == Trajectory.SLIDING && last && dates.size() > 1;
			boolean failing = atRisk && random.nextBoolean();
			String comment = Texts.pick(Texts.EVALUATION_COMMENTS, random).in(this.language);
			evaluations
				.add(new Evaluation(dates.get(e), a, s, atRisk, failing, comment, random.nextLong(), customerSeed));
		}
		return evaluations;
	}

	/**
	 * A fingerprint of everything generated: customers, lines and evaluations. Two
	 * generators with the same scale, seed, date and language give the same one.
	 */
	public String digest() {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		for (Customer customer : customers()) {
			digest.update(customer.toString().getBytes(StandardCharsets.UTF_8));
			lines(customer, (line) -> digest.update(line.toString().getBytes(StandardCharsets.UTF_8)));
			evaluations(customer)
				.forEach((evaluation) -> digest.update(evaluation.toString().getBytes(StandardCharsets.UTF_8)));
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/** An independent random stream per customer and purpose, fixed by the seed. */
	SplittableRandom stream(int customer, int purpose) {
		long mixed = this.scale.seed() * 0x9E3779B97F4A7C15L + customer * 0xC2B2AE3D27D4EB4FL
				+ purpose * 0x165667B19E3779F9L;
		return new SplittableRandom(mixed ^ (mixed >>> 29));
	}

	private static int[] shuffled(int n, SplittableRandom random) {
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		return order;
	}

	private static int months(YearMonth first, YearMonth last) {
		return (last.getYear() - first.getYear()) * 12 + last.getMonthValue() - first.getMonthValue() + 1;
	}

	private static int activeMonths(YearMonth first, YearMonth last, int year) {
		int from = (first.getYear() == year) ? first.getMonthValue() : 1;
		int to = (last.getYear() == year) ? last.getMonthValue() : 12;
		return Math.max(0, to - from + 1);
	}

	private static double clamp(double value) {
		return Math.max(0, Math.min(1, value));
	}

	static String pad(long value, int width) {
		String text = Long.toString(value);
		return (text.length() >= width) ? text : "0".repeat(width - text.length()) + text;
	}

}
