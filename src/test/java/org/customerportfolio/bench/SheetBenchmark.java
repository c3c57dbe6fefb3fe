package org.customerportfolio.bench;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.sql.DataSource;

import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.Level;
import org.customerportfolio.sheet.PortfolioSheet;
import org.customerportfolio.sheet.SheetColumns;
import org.customerportfolio.sheet.SheetExport;
import org.customerportfolio.sheet.SheetQuery;
import org.customerportfolio.shared.Language;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the portfolio sheet holds up with a large portfolio: fills the read models in bulk
 * with {@code bench.sheetCustomers} generated customers (default 100,000; deterministic
 * from {@code bench.seed}), then prints the server's time for one page of the grid
 * (p50/p95 over repeated warm requests) for several sorts and filters, and the time and
 * heap of exporting every row with every column to XLSX and CSV. Not a test: run it with
 * {@code ./mvnw -Pbench test -Dtest=SheetBenchmark -Dbench.database=h2|postgres}.
 */
@SpringBootTest
@ActiveProfiles("test")
@Tag("bench")
class SheetBenchmark {

	static final int CUSTOMERS = Integer.getInteger("bench.sheetCustomers", 100_000);

	static final long SEED = Long.getLong("bench.seed", 42);

	static final int RUNS = Integer.getInteger("bench.runs", 40);

	private static final String[] CITIES = { "Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Groningen", "Zwolle",
			"Arnhem", "Breda", "Leiden", "Delft", "Haarlem", "Maastricht", "Tilburg", "Almere", "Nijmegen" };

	private static final String[] WORDS = { "Bouw", "Infra", "Advies", "Techniek", "Water", "Energie", "Wonen", "Groep",
			"Holding", "Projecten", "Vastgoed", "Installaties" };

	private static final String[] TYPES = { "investor", "government", "municipal", "manufacturer", "contractor",
			"consultant", "other" };

	private static final String[] STRATEGIES = { "DEVELOP", "MAINTAIN", "IMPROVE", "END" };

	static {
		BenchDatabase.choose();
	}

	@Autowired
	private PortfolioSheet sheet;

	@Autowired
	private SheetExport export;

	@Autowired
	private CriteriaManagement criteria;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private DataSource dataSource;

	private final BenchResults results = new BenchResults();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		BenchDatabase.register(registry, "sheet");
	}

	@Test
	void sheet() throws Exception {
		environment();
		long start = System.nanoTime();
		fill();
		this.results.put("fill.customers", CUSTOMERS);
		this.results.put("fill.seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
		this.jdbc.execute(DATABASE_ANALYSE);

		SheetColumns.Catalogue catalogue = this.sheet.catalogue();
		String everything = String.join(",", catalogue.byKey().keySet());
		this.results.put("grid.columns_all", catalogue.byKey().size());
		page(catalogue, "default_name_asc");
		page(catalogue, "revenue_desc", "sort", "revenueThisYear,desc");
		page(catalogue, "level_asc_filter_type", "sort", "criterion.relationship_type,asc", "f.businessType",
				"contractor");
		page(catalogue, "name_contains", "f.name", "bouw 12");
		page(catalogue, "score_range_sort_strength", "f.attractiveness", "50..80", "sort", "relationshipStrength,desc");
		page(catalogue, "levels_and_tag", "f.criterion.relationship_type", "partnership,recurring",
				"f.criterion.business_outlook", "growing", "f.tags", "key account");
		page(catalogue, "grouped_strategy", "group", "strategy", "sort", "revenueThisYear,desc");
		page(catalogue, "deep_page_1000", "page", "1000");
		page(catalogue, "all_columns_revenue_desc", "columns", everything, "sort", "revenueThisYear,desc");

		exportTimed(catalogue, "xlsx", everything);
		exportTimed(catalogue, "csv", everything);
		this.results.report();
	}

	private static final String DATABASE_ANALYSE = "analyze";

	private void page(SheetColumns.Catalogue catalogue, String name, String... parameters) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		for (int i = 0; i < parameters.length; i += 2) {
			params.add(parameters[i], parameters[i + 1]);
		}
		SheetQuery query = SheetQuery.parse(params, catalogue);
		for (int i = 0; i < 5; i++) {
			this.sheet.page(query.withPage(query.page() + 50 + i), catalogue);
		}
		long[] runs = new long[RUNS];
		long rows = 0;
		for (int i = 0; i < RUNS; i++) {
			// a different page every time: no database may answer from a cached result
			SheetQuery different = query.withPage(query.page() + (i % 20));
			long start = System.nanoTime();
			PortfolioSheet.SheetPage page = this.sheet.page(different, catalogue);
			runs[i] = System.nanoTime() - start;
			rows = page.rows().totalElements();
		}
		Arrays.sort(runs);
		this.results.put("grid." + name + ".p50_ms", BenchResults.ms(runs[RUNS / 2]));
		this.results.put("grid." + name + ".p95_ms", BenchResults.ms(runs[(int) Math.ceil(RUNS * 0.95) - 1]));
		this.results.put("grid." + name + ".matching", rows);
	}

	private void exportTimed(SheetColumns.Catalogue catalogue, String format, String columns) throws Exception {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("columns", columns);
		params.add("sort", "name,asc");
		SheetQuery query = SheetQuery.parse(params, catalogue);
		System.gc();
		long[] bytes = { 0 };
		OutputStream counting = new OutputStream() {

			@Override
			public void write(int b) {
				bytes[0]++;
			}

			@Override
			public void write(byte[] b, int off, int len) {
				bytes[0] += len;
			}

		};
		if (format.equals("xlsx")) {
			long start = System.nanoTime();
			long[] count = { 0 };
			this.sheet.forEachRow(query, catalogue, (row) -> count[0]++);
			this.results.put("export.read_only.seconds",
					String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9));
			System.gc();
		}
		HeapWatch heap = new HeapWatch();
		heap.start();
		long start = System.nanoTime();
		if (format.equals("xlsx")) {
			this.export.xlsx(query, catalogue, Language.EN, counting);
		}
		else {
			this.export.csv(query, catalogue, Language.EN, ';', counting);
		}
		long elapsed = System.nanoTime() - start;
		heap.finish();
		this.results.put("export." + format + ".rows", CUSTOMERS);
		this.results.put("export." + format + ".columns", query.columns().size() + 2);
		this.results.put("export." + format + ".seconds", String.format(Locale.ROOT, "%.2f", elapsed / 1e9));
		this.results.put("export." + format + ".mb", bytes[0] / (1024 * 1024));
		this.results.put("export." + format + ".peak_heap_used_mb", heap.peak() / (1024 * 1024));
	}

	/**
	 * Fills customers and the read models the sheet reads, in bulk, as imports and
	 * evaluations would.
	 */
	private void fill() {
		Random random = new Random(SEED);
		List<Criterion> current = this.criteria.current();
		Instant now = Instant.now();
		List<Object[]> customers = new ArrayList<>();
		for (int i = 1; i <= CUSTOMERS; i++) {
			String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + i;
			customers.add(new Object[] { name, "B%07d".formatted(i), TYPES[random.nextInt(TYPES.length)],
					CITIES[random.nextInt(CITIES.length)], Timestamp.from(now) });
			if (customers.size() == 5000) {
				insertCustomers(customers);
			}
		}
		insertCustomers(customers);
		List<Long> ids = this.jdbc.queryForList("select id from customer order by id", Long.class);
		assertThat(ids).hasSize(CUSTOMERS);
		List<Object[]> levels = new ArrayList<>();
		List<Object[]> standings = new ArrayList<>();
		List<Object[]> figures = new ArrayList<>();
		List<Object[]> plans = new ArrayList<>();
		List<Object[]> tags = new ArrayList<>();
		java.sql.Date today = java.sql.Date.valueOf(java.time.LocalDate.now());
		for (long id : ids) {
			for (Criterion criterion : current) {
				if (criterion.levels().isEmpty() || random.nextInt(10) == 0) {
					continue;
				}
				int index = random.nextInt(criterion.levels().size());
				Level level = criterion.levels().get(index);
				levels.add(new Object[] { id, criterion.id(), level.code(), "," + level.code() + ",", index + 1,
						criterion.scored() ? level.score() : null });
			}
			standings.add(new Object[] { id, Timestamp.from(now.minus(random.nextInt(900), ChronoUnit.DAYS)),
					BigDecimal.valueOf(random.nextInt(1001), 1), BigDecimal.valueOf(random.nextInt(1001), 1),
					random.nextInt(11) });
			double size = Math.exp(8 + 2.2 * random.nextGaussian());
			BigDecimal last = BigDecimal.valueOf(size).setScale(2, java.math.RoundingMode.HALF_UP);
			BigDecimal thisYear = BigDecimal.valueOf(size * (0.4 + random.nextDouble()))
				.setScale(2, java.math.RoundingMode.HALF_UP);
			figures.add(new Object[] { id, today, thisYear, last, last.multiply(new BigDecimal("0.9")),
					thisYear.subtract(last), BigDecimal.valueOf(random.nextInt(2001) - 1000, 1),
					thisYear.multiply(new BigDecimal("0.2")), BigDecimal.valueOf(random.nextInt(600) - 100, 1),
					last.multiply(new BigDecimal("1.05")), thisYear, last });
			if (random.nextInt(10) < 3) {
				plans.add(new Object[] { id, STRATEGIES[random.nextInt(STRATEGIES.length)], Timestamp.from(now) });
			}
			if (random.nextInt(5) == 0) {
				tags.add(new Object[] { id, "key account" });
			}
			if (levels.size() >= 20_000) {
				flush(levels, standings, figures, plans, tags);
			}
		}
		flush(levels, standings, figures, plans, tags);
	}

	private void insertCustomers(List<Object[]> customers) {
		this.jdbc.batchUpdate("""
				insert into customer (name, external_ref, business_type, city, country, status, archived, created_at,
				                      updated_at, version)
				values (?, ?, ?, ?, 'NL', 'ACTIVE', false, ?, ?, 0)
				""",
				customers.stream()
					.map((row) -> new Object[] { row[0], row[1], row[2], row[3], row[4], row[4] })
					.toList());
		customers.clear();
	}

	private void flush(List<Object[]> levels, List<Object[]> standings, List<Object[]> figures, List<Object[]> plans,
			List<Object[]> tags) {
		this.jdbc.batchUpdate("""
				insert into customer_level (customer_id, criterion_id, level_code, level_codes, level_position,
				                            level_score)
				values (?, ?, ?, ?, ?, ?)
				""", levels);
		this.jdbc.batchUpdate("""
				insert into customer_standing (customer_id, evaluated_at, evaluated_by, attractiveness,
				                               relationship_strength, rated_criteria)
				values (?, ?, 'bench', ?, ?, ?)
				""", standings);
		this.jdbc.batchUpdate("""
				insert into customer_figures (customer_id, basis_date, revenue_this_year, revenue_last_year,
				    revenue_last_year_to_date, revenue_change, revenue_change_percent, margin_this_year, margin_percent,
				    projection, trailing_twelve, previous_twelve)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", figures);
		this.jdbc.batchUpdate("""
				insert into relationship_plan (customer_id, strategy, updated_at, updated_by, version)
				values (?, ?, ?, 'bench', 0)
				""", plans);
		this.jdbc.batchUpdate("insert into customer_tag (customer_id, tag) values (?, ?)", tags);
		levels.clear();
		standings.clear();
		figures.clear();
		plans.clear();
		tags.clear();
	}

	private void environment() throws Exception {
		this.results.put("run.at", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS));
		this.results.put("run.benchmark", "sheet");
		this.results.put("run.database", BenchDatabase.DATABASE
				+ (BenchDatabase.DATABASE.equals("h2") ? " (" + BenchDatabase.H2 + ")" : " (embedded)"));
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			this.results.put("run.database_version",
					meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
		}
		this.results.put("run.cpus", Runtime.getRuntime().availableProcessors());
		this.results.put("run.heap_max_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		this.results.put("run.java",
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		this.results.put("run.runs", RUNS);
	}

}
