package org.customerportfolio.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.NewUser;
import org.customerportfolio.account.Role;
import org.customerportfolio.analysis.AnalysisFilter;
import org.customerportfolio.analysis.MatrixAxis;
import org.customerportfolio.analysis.Measure;
import org.customerportfolio.analysis.readmodel.ConcentrationAnalysis;
import org.customerportfolio.analysis.readmodel.GroupAnalysis;
import org.customerportfolio.analysis.readmodel.MatrixAnalysis;
import org.customerportfolio.analysis.readmodel.SimilarCustomers;
import org.customerportfolio.example.ExamplePortfolio;
import org.customerportfolio.invoicing.ImportResult;
import org.customerportfolio.invoicing.ImportSettings;
import org.customerportfolio.invoicing.InvoiceImport;
import org.customerportfolio.retention.Dashboard;
import org.customerportfolio.retention.EarlyWarnings;
import org.customerportfolio.retention.PortfolioReview;
import org.customerportfolio.retention.RetentionAnalysis;
import org.customerportfolio.shared.Language;
import org.customerportfolio.sheet.PortfolioSheet;
import org.customerportfolio.sheet.SheetColumns;
import org.customerportfolio.sheet.SheetExport;
import org.customerportfolio.sheet.SheetQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof of scale in one command (issue 8): a portfolio of the chosen size generated
 * into an empty database, then every figure that matters timed on it — generation and
 * import throughput, every analysis (computed after a data change, and cached), the
 * warnings, retention, dashboard and review, pages of the portfolio sheet, the XLSX
 * export, an HTTP load of logged-in users browsing and editing, the heap's peak, and the
 * start-up of a fresh process on an empty database. Not a test; see docs/PERFORMANCE.md.
 *
 * <pre>
 * ./mvnw -Pbench verify -Dtest=ScaleBenchmark -Dbench.database=h2|postgres -Dbench.scale.customers=100000
 * </pre>
 *
 * By default 100 invoice lines per customer over five years (100,000 customers: 10 M
 * lines), 32 HTTP clients for 60 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("bench")
class ScaleBenchmark {

	static final int CUSTOMERS = Integer.getInteger("bench.scale.customers", 1_000);

	static final int YEARS = Integer.getInteger("bench.scale.years", 5);

	static final long LINES_PER_YEAR = Long.getLong("bench.scale.linesPerYear", CUSTOMERS * 20L);

	static final long SEED = Long.getLong("bench.seed", 42);

	static final int RUNS = Integer.getInteger("bench.runs", 15);

	static final int IMPORT_CUSTOMERS = Integer.getInteger("bench.scale.importCustomers",
			Math.max(1, Math.min(CUSTOMERS, 10_000)));

	static final int CLIENTS = Integer.getInteger("bench.scale.clients", 32);

	static final int LOAD_SECONDS = Integer.getInteger("bench.scale.loadSeconds", 60);

	private static final String PASSWORD = "bench-password-1";

	static {
		BenchDatabase.choose();
	}

	@Autowired
	private ExamplePortfolio example;

	@Autowired
	private InvoiceImport imports;

	@Autowired
	private ConcentrationAnalysis concentration;

	@Autowired
	private MatrixAnalysis matrix;

	@Autowired
	private GroupAnalysis groups;

	@Autowired
	private SimilarCustomers similar;

	@Autowired
	private EarlyWarnings warnings;

	@Autowired
	private RetentionAnalysis retention;

	@Autowired
	private Dashboard dashboard;

	@Autowired
	private PortfolioReview review;

	@Autowired
	private PortfolioSheet sheet;

	@Autowired
	private SheetExport export;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private DataSource dataSource;

	@LocalServerPort
	private int port;

	private final BenchResults results = new BenchResults();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		BenchDatabase.register(registry, "scale");
	}

	@Test
	void scale() throws Exception {
		HeapWatch heap = new HeapWatch();
		heap.start();
		environment();

		long start = System.nanoTime();
		ExamplePortfolio.Loaded loaded = this.example
			.generate(new ExamplePortfolio.Scale(CUSTOMERS, YEARS, LINES_PER_YEAR, SEED), "bench");
		long elapsed = System.nanoTime() - start;
		this.results.put("generate.customers", loaded.customers());
		this.results.put("generate.lines", loaded.lines());
		this.results.put("generate.evaluations", loaded.evaluations());
		this.results.put("generate.seconds", seconds(elapsed));
		this.results.put("generate.lines_per_second", Math.round(loaded.lines() / (elapsed / 1e9)));
		if (BenchDatabase.DATABASE.equals("postgres")) {
			this.jdbc.execute("analyze");
		}

		importTimed();
		analyses();
		sheetPages();
		exportTimed();
		load();
		heap.finish();
		this.results.put("heap.peak_used_mb", heap.peak() / (1024 * 1024));
		this.results.put("heap.peak_after_gc_mb", HeapWatch.afterGc() / (1024 * 1024));
		this.results.put("heap.max_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		startUp();
		this.results.report();
	}

	/**
	 * The ordinary import of an accounting file for part of the portfolio (one invoice
	 * per customer and month; invoices it shares with the database are replaced).
	 */
	private void importTimed() throws IOException {
		Path file = Files.createTempFile("scale-import", ".csv");
		try {
			long lines = Math.max(1, LINES_PER_YEAR * IMPORT_CUSTOMERS / CUSTOMERS);
			ExamplePortfolio.writeCsv(new ExamplePortfolio.Scale(IMPORT_CUSTOMERS, 1, lines, SEED + 1), LocalDate.now(),
					file);
			this.results.put("import.file_mb", Files.size(file) / (1024 * 1024));
			System.gc();
			long start = System.nanoTime();
			ImportResult result = this.imports.commit(file, file.getFileName().toString(), ImportSettings.automatic(),
					"bench");
			long elapsed = System.nanoTime() - start;
			this.results.put("import.lines", result.lines());
			this.results.put("import.seconds", seconds(elapsed));
			this.results.put("import.lines_per_second", Math.round(result.lines() / (elapsed / 1e9)));
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private void analyses() {
		long first = this.jdbc.queryForObject("select min(id) from customer", Long.class);
		long last = this.jdbc.queryForObject("select max(id) from customer", Long.class);
		AnalysisFilter all = AnalysisFilter.none();
		time("analysis.concentration_revenue", (run) -> this.concentration.analyse(all, Measure.REVENUE));
		time("analysis.concentration_margin", (run) -> this.concentration.analyse(all, Measure.MARGIN));
		time("analysis.matrix",
				(run) -> this.matrix.analyse(all, MatrixAxis.RELATIONSHIP, MatrixAxis.ATTRACTIVENESS, "quadrant"));
		time("analysis.segments_business_type", (run) -> this.groups.segments(all, "businessType"));
		time("analysis.segments_relationship_type", (run) -> this.groups.segments(all, "relationshipType"));
		time("analysis.clusters", (run) -> this.groups.clusters(all, null));
		time("analysis.similar", (run) -> this.similar.similar(first + (7919L * (run + 1)) % (last - first + 1)));
		time("analysis.retention", (run) -> this.retention.figures());
		time("analysis.warnings", (run) -> this.warnings.current());
		time("page.dashboard", (run) -> this.dashboard.headlines());
		timeOnce("page.review_since_a_year", () -> this.review.since(LocalDate.now().minusYears(1)));
	}

	/**
	 * An analysis computed (the data changed just before, as after any edit) and cached
	 * (asked again with nothing changed).
	 */
	private void time(String name, java.util.function.IntFunction<Object> analysis) {
		CacheTimings.Runs runs = new CacheTimings(this.jdbc, 3, RUNS).time(analysis);
		percentiles(name + ".computed", runs.computed());
		percentiles(name + ".cached", runs.cached());
	}

	private void timeOnce(String name, Supplier<Object> work) {
		work.get();
		long start = System.nanoTime();
		assertThat(work.get()).isNotNull();
		this.results.put(name + ".ms", BenchResults.ms(System.nanoTime() - start));
	}

	private void sheetPages() {
		SheetColumns.Catalogue catalogue = this.sheet.catalogue();
		page(catalogue, "default_name_asc");
		page(catalogue, "revenue_desc", "sort", "revenueThisYear,desc");
		page(catalogue, "level_asc_filter_type", "sort", "criterion.relationship_type,asc", "f.businessType",
				"contractor");
		page(catalogue, "name_contains", "f.name", "bouw");
		page(catalogue, "score_range_sort_strength", "f.attractiveness", "50..80", "sort", "relationshipStrength,desc");
		page(catalogue, "grouped_strategy", "group", "strategy", "sort", "revenueThisYear,desc");
		page(catalogue, "deep_page", "page", String.valueOf(Math.max(0, CUSTOMERS / 50 / 2)));
	}

	private void page(SheetColumns.Catalogue catalogue, String name, String... parameters) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		for (int i = 0; i < parameters.length; i += 2) {
			params.add(parameters[i], parameters[i + 1]);
		}
		SheetQuery query = SheetQuery.parse(params, catalogue);
		for (int i = 0; i < 5; i++) {
			this.sheet.page(query.withPage(query.page() + i), catalogue);
		}
		long[] runs = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			SheetQuery different = query.withPage(query.page() + (i % 10));
			long start = System.nanoTime();
			this.sheet.page(different, catalogue);
			runs[i] = System.nanoTime() - start;
		}
		percentiles("sheet." + name, runs);
	}

	private void exportTimed() {
		SheetColumns.Catalogue catalogue = this.sheet.catalogue();
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("columns", String.join(",", catalogue.byKey().keySet()));
		params.add("f.status", "");
		SheetQuery query = SheetQuery.parse(params, catalogue);
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
		long start = System.nanoTime();
		this.export.xlsx(query, catalogue, Language.EN, counting);
		this.results.put("export.xlsx.rows", CUSTOMERS);
		this.results.put("export.xlsx.columns", query.columns().size() + 2);
		this.results.put("export.xlsx.seconds", seconds(System.nanoTime() - start));
		this.results.put("export.xlsx.mb", bytes[0] / (1024 * 1024));
	}

	/**
	 * Logged-in users over HTTP: most browse the sheet, the analyses and the customers;
	 * one request in twenty rates a cell of the sheet.
	 */
	private void load() throws Exception {
		List<LoadClient.Login> logins = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			String name = "load" + i + "-" + System.nanoTime();
			this.accounts.createUser(new NewUser(name, "Load " + i, PASSWORD, Role.EDITOR, Language.EN), "bench");
			logins.add(new LoadClient.Login(name, PASSWORD));
		}
		long first = this.jdbc.queryForObject("select min(id) from customer", Long.class);
		long last = this.jdbc.queryForObject("select max(id) from customer", Long.class);
		List<LoadClient.Page> pages = List.of(new LoadClient.Page("dashboard", "/", 2),
				new LoadClient.Page("sheet", "/portfolio?page={page}", 4),
				new LoadClient.Page("sheet_sorted", "/portfolio?sort=revenueThisYear,desc&page={page}", 4),
				new LoadClient.Page("customers", "/customers?page={page}", 2),
				new LoadClient.Page("customer", "/customers/" + (first + (last - first) / 2), 2),
				new LoadClient.Page("concentration", "/analysis/concentration", 2),
				new LoadClient.Page("matrix", "/analysis/matrix", 1),
				new LoadClient.Page("segments", "/analysis/segments", 1),
				new LoadClient.Page("warnings", "/warnings", 1));
		String[] levels = { "partnership", "recurring", "incidental", "at_risk" };
		LoadClient client = new LoadClient(URI.create("http://localhost:" + this.port), pages);
		System.gc();
		long before = HeapWatch.afterGc();
		Map<String, String> figures = client.run(logins, Duration.ofSeconds(LOAD_SECONDS), 0.05,
				(n) -> edit(first + (n * 7919L) % (last - first + 1), levels[n % levels.length]));
		figures.forEach(this.results::put);
		System.gc();
		this.results.put("load.heap_after_gc_before_mb", before / (1024 * 1024));
		this.results.put("load.heap_after_gc_after_mb", HeapWatch.afterGc() / (1024 * 1024));
	}

	/** A rating as the sheet sends it: with the evaluation the user's grid showed. */
	private LoadClient.Edit edit(long customerId, String level) {
		List<Long> seen = this.jdbc.queryForList("select evaluation_id from customer_standing where customer_id = ?",
				Long.class, customerId);
		return new LoadClient.Edit(customerId, "criterion.relationship_type", level,
				seen.isEmpty() ? null : seen.get(0));
	}

	/**
	 * A fresh process on an empty H2 database, from launch to its first answered request.
	 */
	private void startUp() throws Exception {
		Path data = Files.createTempDirectory("scale-startup");
		int free;
		try (ServerSocket socket = new ServerSocket(0)) {
			free = socket.getLocalPort();
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
				"org.customerportfolio.PortfolioApplication", "--server.port=" + free)
			.redirectErrorStream(true)
			.redirectOutput(data.resolve("out.log").toFile());
		builder.environment().put("PORTFOLIO_DATA_DIR", data.toString());
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		long start = System.nanoTime();
		Process process = builder.start();
		try {
			long deadline = start + Duration.ofSeconds(120).toNanos();
			while (System.nanoTime() < deadline) {
				try {
					HttpResponse<Void> response = http.send(
							HttpRequest.newBuilder(URI.create("http://localhost:" + free + "/login")).GET().build(),
							HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() < 500) {
						this.results.put("startup.empty_h2_to_first_request_ms",
								BenchResults.ms(System.nanoTime() - start));
						return;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(20);
			}
			this.results.put("startup.empty_h2_to_first_request_ms", "timed out (see " + data.resolve("out.log") + ")");
		}
		finally {
			process.destroy();
			process.waitFor();
		}
	}

	private void environment() throws Exception {
		this.results.put("run.at", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS));
		this.results.put("run.benchmark", "scale");
		try (Connection connection = this.dataSource.getConnection()) {
			this.results.put("run.database", connection.getMetaData().getDatabaseProductName() + " "
					+ connection.getMetaData().getDatabaseProductVersion());
		}
		this.results.put("run.customers", CUSTOMERS);
		this.results.put("run.years", YEARS);
		this.results.put("run.lines_per_year", LINES_PER_YEAR);
		this.results.put("run.cpus", Runtime.getRuntime().availableProcessors());
		this.results.put("run.heap_max_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		this.results.put("run.java",
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
	}

	private void percentiles(String name, long[] nanos) {
		Arrays.sort(nanos);
		this.results.put(name + ".p50_ms", BenchResults.ms(CacheTimings.percentile(nanos, 50)));
		this.results.put(name + ".p95_ms", BenchResults.ms(CacheTimings.percentile(nanos, 95)));
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
	}

}
