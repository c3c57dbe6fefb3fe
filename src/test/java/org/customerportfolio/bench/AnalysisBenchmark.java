package org.customerportfolio.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.customerportfolio.TestDatabase;
import org.customerportfolio.analysis.AnalysisFilter;
import org.customerportfolio.analysis.MatrixAxis;
import org.customerportfolio.analysis.Measure;
import org.customerportfolio.analysis.readmodel.ConcentrationAnalysis;
import org.customerportfolio.analysis.readmodel.GroupAnalysis;
import org.customerportfolio.analysis.readmodel.MatrixAnalysis;
import org.customerportfolio.analysis.readmodel.SimilarCustomers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the analyses answer for a large portfolio, warm, on H2 (a file database under
 * {@code target/bench-analysis}) or on PostgreSQL (embedded). Not a test: it runs only
 * with {@code ./mvnw -Pbench verify -Dtest=AnalysisBenchmark}, see
 * {@code docs/PERFORMANCE.md}.
 * <p>
 * It fills the read models the analyses read — {@code revenue_year} (five years),
 * {@code customer_standing} and {@code customer_level} — for
 * {@code bench.analysis.customers} customers with bulk SQL (deterministic from
 * {@code bench.seed}), as ten million invoice lines would leave them; the lines
 * themselves are not written, because no analysis reads them. Then it runs each analysis
 * through its service several times and prints p50 and p95 of the warm runs as
 * {@code BENCH key=value} lines, also appended to
 * {@code target/bench-analysis/results.txt}. Periods and customers vary between runs so
 * that no database answers from a cache of an identical statement.
 */
@SpringBootTest
@ActiveProfiles("test")
@Tag("bench")
class AnalysisBenchmark {

	static final int CUSTOMERS = Integer.getInteger("bench.analysis.customers", 100_000);

	static final int RUNS = Integer.getInteger("bench.analysis.runs", 15);

	/** false: time only the cached answers (each question computed once, untimed). */
	static final boolean COMPUTED = !"false".equals(System.getProperty("bench.analysis.computed"));

	static final int WARMUP = Integer.getInteger("bench.analysis.warmup", 3);

	static final long SEED = Long.getLong("bench.seed", 42);

	static final int FIRST_YEAR = 2021;

	static final int LAST_YEAR = 2025;

	static final long FIRST_ID = 1_000_001;

	static final int BATCH = 5_000;

	static final String DATABASE = System.getProperty("bench.database", "h2").toLowerCase(Locale.ROOT);

	static final Path DIR = Path.of("target", "bench-analysis").toAbsolutePath();

	static final List<String> BUSINESS_TYPES = List.of("investor", "government", "municipal", "manufacturer",
			"contractor", "consultant", "other");

	static final List<String> TAGS = List.of("key account", "public", "north", "south");

	static {
		if (!DATABASE.equals("h2") && !DATABASE.equals("postgres")) {
			throw new IllegalArgumentException("bench.database is h2 or postgres, not " + DATABASE);
		}
		if (DATABASE.equals("postgres")) {
			System.setProperty("portfolio.test.database", "postgres");
		}
		else if (TestDatabase.isPostgres()) {
			System.clearProperty("portfolio.test.database");
		}
	}

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private ConcentrationAnalysis concentration;

	@Autowired
	private MatrixAnalysis matrix;

	@Autowired
	private GroupAnalysis groups;

	@Autowired
	private SimilarCustomers similar;

	private final BenchResults results = new BenchResults();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		if (DATABASE.equals("postgres")) {
			return;
		}
		try {
			Files.createDirectories(DIR);
			for (String file : List.of("portfolio.mv.db", "portfolio.trace.db", "portfolio.lock.db")) {
				Files.deleteIfExists(DIR.resolve(file));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String url = "jdbc:h2:file:" + DIR.resolve("portfolio")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		registry.add("spring.datasource.url", () -> url);
	}

	@Test
	void analyses() throws Exception {
		this.results.put("run.at", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS));
		try (Connection connection = this.dataSource.getConnection()) {
			this.results.put("run.database", connection.getMetaData().getDatabaseProductName() + " "
					+ connection.getMetaData().getDatabaseProductVersion());
		}
		this.results.put("run.customers", CUSTOMERS);
		this.results.put("run.cpus", Runtime.getRuntime().availableProcessors());
		this.results.put("run.java", System.getProperty("java.runtime.version"));
		long start = System.nanoTime();
		fill();
		this.results.put("fill.ms", BenchResults.ms(System.nanoTime() - start));
		this.results.put("db.customer", count("customer"));
		this.results.put("db.revenue_year", count("revenue_year"));
		this.results.put("db.customer_standing", count("customer_standing"));
		this.results.put("db.customer_level", count("customer_level"));
		this.results.put("db.invoice_lines_represented",
				this.jdbc.queryForObject("select sum(lines) from revenue_year", Long.class));
		assertThat(count("customer")).isEqualTo(CUSTOMERS);

		int[] fromYears = { FIRST_YEAR, FIRST_YEAR + 1, FIRST_YEAR + 2 };
		time("concentration.revenue",
				(run) -> this.concentration.analyse(period(fromYears[run % 3]), Measure.REVENUE).orElseThrow());
		time("concentration.margin",
				(run) -> this.concentration.analyse(period(fromYears[run % 3]), Measure.MARGIN).orElseThrow());
		time("matrix", (run) -> this.matrix.analyse(period(fromYears[run % 3]), MatrixAxis.RELATIONSHIP,
				MatrixAxis.ATTRACTIVENESS, "quadrant"));
		time("segments.businessType", (run) -> this.groups.segments(period(fromYears[run % 3]), "businessType"));
		time("segments.relationshipType",
				(run) -> this.groups.segments(period(fromYears[run % 3]), "relationshipType"));
		time("clusters", (run) -> this.groups.clusters(period(fromYears[run % 3]), null));
		time("similar", (run) -> this.similar.similar(FIRST_ID + 7919L * (run + 1) % CUSTOMERS));
		this.results.report(DIR);
	}

	private static AnalysisFilter period(int from) {
		return AnalysisFilter.none().withPeriod(from, LAST_YEAR);
	}

	/**
	 * Times an analysis twice over: computed (the data changed just before each run, so
	 * the analysis cache must read and compute afresh) and cached (the same question
	 * asked again with nothing changed in between).
	 */
	private void time(String name, IntFunction<Object> analysis) {
		if (!COMPUTED) {
			cachedOnly(name, analysis);
			return;
		}
		CacheTimings.Runs runs = new CacheTimings(this.jdbc, WARMUP, RUNS).time(analysis);
		this.results.put(name + ".computed", runs.computed());
		this.results.put(name + ".cached", runs.cached());
	}

	/** Computes each question once, then times it asked again with nothing changed. */
	private void cachedOnly(String name, IntFunction<Object> analysis) {
		long[] cached = new long[RUNS];
		for (int run = 0; run < RUNS; run++) {
			Object result = analysis.apply(run);
			long start = System.nanoTime();
			Object again = analysis.apply(run);
			cached[run] = System.nanoTime() - start;
			assertThat(again).isSameAs(result);
		}
		this.results.put(name + ".cached", cached);
	}

	private void put(String name, long[] nanos) {
		Arrays.sort(nanos);
		this.results.put(name + ".p50_ms", BenchResults.ms(CacheTimings.percentile(nanos, 50)));
		this.results.put(name + ".p95_ms", BenchResults.ms(CacheTimings.percentile(nanos, 95)));
		this.results.put(name + ".max_ms", BenchResults.ms(nanos[nanos.length - 1]));
	}

	/** The portfolio, written in batches: customers, tags, years, scores and answers. */
	private void fill() {
		SplittableRandom random = new SplittableRandom(SEED);
		Map<String, Long> criteria = new LinkedHashMap<>();
		Map<String, List<Object[]>> levels = new LinkedHashMap<>();
		this.jdbc.query("select id, code, kind from criterion where kind <> 'TEXT' order by position", (rs) -> {
			criteria.put(rs.getString(2), rs.getLong(1));
		});
		this.jdbc.query(
				"""
						select c.code, l.code, l.position, l.score from criterion_level l join criterion c on c.id = l.criterion_id
						order by c.code, l.position
						""",
				(rs) -> {
					levels.computeIfAbsent(rs.getString(1), (key) -> new ArrayList<>())
						.add(new Object[] { rs.getString(2), rs.getInt(3), rs.getInt(4) });
				});
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> customers = new ArrayList<>();
		List<Object[]> tags = new ArrayList<>();
		List<Object[]> years = new ArrayList<>();
		List<Object[]> standings = new ArrayList<>();
		List<Object[]> answers = new ArrayList<>();
		for (int i = 0; i < CUSTOMERS; i++) {
			long id = FIRST_ID + i;
			// three kinds of customer, so that segments and clusters have something to
			// find
			int kind = random.nextInt(3);
			customers.add(new Object[] { id, "Customer " + id, "B" + id,
					BUSINESS_TYPES.get(random.nextInt(BUSINESS_TYPES.size())),
					(random.nextInt(10) == 0) ? "ENDED" : "ACTIVE", now, now });
			if (random.nextInt(5) == 0) {
				tags.add(new Object[] { id, TAGS.get(random.nextInt(TAGS.size())) });
			}
			double size = Math.exp(random.nextGaussian() * 1.4 + 9 + kind);
			boolean margins = random.nextInt(10) < 7;
			for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
				if (random.nextInt(5) == 0) {
					continue;
				}
				BigDecimal revenue = BigDecimal.valueOf(size * (0.6 + random.nextDouble() * 0.8))
					.setScale(2, RoundingMode.HALF_UP);
				BigDecimal margin = margins ? revenue.multiply(BigDecimal.valueOf(random.nextDouble() * 0.45 - 0.1))
					.setScale(2, RoundingMode.HALF_UP) : null;
				years.add(new Object[] { id, year, revenue, margin, margins ? revenue : BigDecimal.ZERO,
						1 + random.nextInt(40) });
			}
			if (random.nextInt(100) < 85) {
				double attractiveness = Math
					.round(Math.min(100, Math.max(0, 30 + 20 * kind + random.nextGaussian() * 15)) * 10) / 10.0;
				double relationship = Math
					.round(Math.min(100, Math.max(0, 80 - 25 * kind + random.nextGaussian() * 15)) * 10) / 10.0;
				standings.add(new Object[] { id, attractiveness, relationship, criteria.size() });
				for (Map.Entry<String, Long> criterion : criteria.entrySet()) {
					List<Object[]> options = levels.get(criterion.getKey());
					if (options == null || random.nextInt(10) == 0) {
						continue;
					}
					int pick = Math.min(options.size() - 1, Math.max(0,
							(int) Math.round(kind * (options.size() - 1) / 2.0 + random.nextGaussian() * 0.7)));
					Object[] level = options.get(pick);
					answers.add(new Object[] { id, criterion.getValue(), level[0], "," + level[0] + ",", level[1],
							level[2] });
				}
			}
		}
		batch("insert into customer (id, name, external_ref, business_type, status, created_at, updated_at, version)"
				+ " values (?, ?, ?, ?, ?, ?, ?, 0)", customers);
		batch("insert into customer_tag (customer_id, tag) values (?, ?)", tags);
		batch("insert into revenue_year (customer_id, fiscal_year, revenue, margin, revenue_with_margin, lines)"
				+ " values (?, ?, ?, ?, ?, ?)", years);
		batch("insert into customer_standing (customer_id, attractiveness, relationship_strength, rated_criteria)"
				+ " values (?, ?, ?, ?)", standings);
		batch("insert into customer_level (customer_id, criterion_id, level_code, level_codes, level_position,"
				+ " level_score) values (?, ?, ?, ?, ?, ?)", answers);
		if (DATABASE.equals("postgres")) {
			this.jdbc.execute("analyze");
		}
	}

	private void batch(String sql, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += BATCH) {
			this.jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
		}
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
