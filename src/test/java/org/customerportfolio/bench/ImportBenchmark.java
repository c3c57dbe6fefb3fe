package org.customerportfolio.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.customerportfolio.customer.CustomerKey;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.invoicing.DecimalMark;
import org.customerportfolio.invoicing.ImportAnalysis;
import org.customerportfolio.invoicing.ImportPreview;
import org.customerportfolio.invoicing.ImportResult;
import org.customerportfolio.invoicing.ImportSettings;
import org.customerportfolio.invoicing.InvoiceImport;
import org.customerportfolio.invoicing.RevenueFigures;
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
 * How fast a large invoice file imports, through the application's ordinary import
 * service in the started application, on H2 (a file database under {@code target/bench})
 * or on PostgreSQL (embedded). Not a test: it runs only with
 * {@code ./mvnw -Pbench verify}, see {@code docs/PERFORMANCE.md}.
 * <p>
 * It writes a Dutch export of {@code bench.lines} lines (deterministic from
 * {@code bench.seed}), imports it once into an empty database, checks that everything
 * arrived, times the figures read afterwards, and prints {@code BENCH key=value} lines,
 * also appended to {@code target/bench/results.txt}.
 */
@SpringBootTest
@ActiveProfiles("test")
@Tag("bench")
class ImportBenchmark {

	static final long LINES = Long.getLong("bench.lines", 100_000);

	static final int CUSTOMERS = Integer.getInteger("bench.customers", 10_000);

	static final long SEED = Long.getLong("bench.seed", 42);

	static final int FIRST_YEAR = Integer.getInteger("bench.firstYear", 2021);

	static final int LAST_YEAR = Integer.getInteger("bench.lastYear", 2025);

	static final String DATABASE = BenchDatabase.DATABASE;

	static final boolean PROFILE = Boolean.parseBoolean(System.getProperty("bench.profile", "true"));

	static final long PROFILE_INTERVAL = Long.getLong("bench.profile.intervalMs", 20);

	static final int FIGURE_RUNS = Integer.getInteger("bench.figureRuns", 9);

	/**
	 * After the import, time the read-only passes on their own: what finding the file's
	 * formats costs, and what checking it costs with and without that.
	 */
	static final boolean PASSES = Boolean.parseBoolean(System.getProperty("bench.passes", "true"));

	/** Import the same file a second time: every line replaced. */
	static final boolean REIMPORT = Boolean.parseBoolean(System.getProperty("bench.reimport", "false"));

	static final Path DIR = BenchDatabase.DIR;

	static {
		BenchDatabase.choose();
	}

	@Autowired
	private InvoiceImport imports;

	@Autowired
	private RevenueFigures figures;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private DataSource dataSource;

	private final BenchResults results = new BenchResults();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		BenchDatabase.register(registry, "portfolio");
	}

	@Test
	void importInvoices() throws Exception {
		environment();
		Path file = DIR.resolve("invoices-%d-seed%d-c%d.csv".formatted(LINES, SEED, CUSTOMERS));
		InvoiceFileGenerator.Generated generated = InvoiceFileGenerator.write(file, LINES, CUSTOMERS, SEED, FIRST_YEAR,
				LAST_YEAR);
		this.results.put("file.generation_ms", generated.millis());
		this.results.put("file.lines", generated.lines());
		this.results.put("file.invoices", generated.invoices());
		this.results.put("file.customers", generated.customersUsed());
		this.results.put("file.mb", mb(generated.bytes()));
		this.results.put("file.total_amount", generated.totalAmount().toPlainString());

		ImportResult result = timedImport("import", generated);
		assertThat(result.lines()).isEqualTo(LINES);
		assertThat(result.invoices()).isEqualTo(generated.invoices());
		assertThat(result.customersCreated()).isEqualTo(generated.customersUsed());
		assertThat(result.totalAmount()).isEqualByComparingTo(generated.totalAmount());
		assertThat(this.jdbc.queryForObject("select count(*) from invoice_line", Long.class)).isEqualTo(LINES);
		this.results.put("db.revenue_month_rows",
				this.jdbc.queryForObject("select count(*) from revenue_month", Long.class));

		figures();
		if (PASSES) {
			passes(generated);
		}

		if (REIMPORT) {
			ImportResult again = timedImport("reimport", generated);
			assertThat(again.lines()).isEqualTo(LINES);
			assertThat(again.customersCreated()).isZero();
			assertThat(this.jdbc.queryForObject("select count(*) from invoice_line", Long.class)).isEqualTo(LINES);
		}
		this.results.report();
	}

	private ImportResult timedImport(String name, InvoiceFileGenerator.Generated generated) {
		System.gc();
		ImportResult result;
		long elapsed;
		List<ProgressWatch.Tick> ticks;
		long startOffset;
		try (ImportProfiler profiler = new ImportProfiler(Thread.currentThread(), PROFILE_INTERVAL, PROFILE);
				ProgressWatch watch = new ProgressWatch(this.jdbc, 10)) {
			long start = System.nanoTime();
			startOffset = start - watch.started();
			result = this.imports.commit(generated.path(), generated.path().getFileName().toString(),
					ImportSettings.automatic(), "bench");
			elapsed = System.nanoTime() - start;
			watch.close();
			profiler.close();
			ticks = watch.ticks();
			if (watch.failure() != null) {
				System.out.println("BENCH-NOTE progress watch failed: " + watch.failure());
			}
			this.results.put(name + ".lines", result.lines());
			this.results.put(name + ".invoices", result.invoices());
			this.results.put(name + ".customers_created", result.customersCreated());
			this.results.put(name + ".total_ms", BenchResults.ms(elapsed));
			this.results.put(name + ".lines_per_second", Math.round(result.lines() / (elapsed / 1e9)));
			phases(name, ticks, startOffset, elapsed, result.lines());
			this.results.put(name + ".heap_peak_used_mb", mb(profiler.maxHeapUsed()));
			this.results.put(name + ".heap_max_after_gc_mb", mb(profiler.maxHeapAfterGc()));
			this.results.put(name + ".heap_pool_peaks_sum_mb", mb(profiler.poolPeaks()));
			this.results.put(name + ".heap_max_mb", mb(Runtime.getRuntime().maxMemory()));
			this.results.put(name + ".gc_count", profiler.gcCount());
			this.results.put(name + ".gc_ms", profiler.gcMillis());
			if (PROFILE) {
				profile(name, profiler);
			}
		}
		return result;
	}

	/**
	 * The validation and write passes, from the import's record: the total appears when
	 * validation is over; then the written count climbs every 5,000 lines. Before the
	 * first lines are written the import creates customers and deletes earlier lines of
	 * the same invoices; after the last ones it recomputes the monthly totals and
	 * commits. Those two are estimated from the write rate between the first and last
	 * progress.
	 */
	private void phases(String name, List<ProgressWatch.Tick> ticks, long startOffset, long elapsed, long lines) {
		Long validated = null;
		ProgressWatch.Tick first = null;
		ProgressWatch.Tick last = null;
		for (ProgressWatch.Tick tick : ticks) {
			if (validated == null && tick.totalRows() != null) {
				validated = tick.nanos() - startOffset;
			}
			if (tick.processedRows() > 0 && tick.status().equals("RUNNING")) {
				if (first == null) {
					first = tick;
				}
				last = tick;
			}
		}
		if (validated == null) {
			this.results.put(name + ".phases", "not seen (import too short for the progress watch)");
			return;
		}
		this.results.put(name + ".validation_pass_ms", BenchResults.ms(validated));
		this.results.put(name + ".write_pass_ms", BenchResults.ms(elapsed - validated));
		if (first != null && last != null && last.processedRows() > first.processedRows()) {
			double nanosPerLine = (double) (last.nanos() - first.nanos())
					/ (last.processedRows() - first.processedRows());
			long beforeLines = Math
				.round(first.nanos() - startOffset - validated - first.processedRows() * nanosPerLine);
			long afterLines = Math
				.round(elapsed - (last.nanos() - startOffset) - (lines - last.processedRows()) * nanosPerLine);
			this.results.put(name + ".write.before_lines_ms(customers, delete, reopen)~", BenchResults.ms(beforeLines));
			this.results.put(name + ".write.lines_ms(read, parse, insert)~",
					BenchResults.ms(Math.round(lines * nanosPerLine)));
			this.results.put(name + ".write.lines_per_second~", Math.round(1e9 / nanosPerLine));
			this.results.put(name + ".write.after_lines_ms(month totals, commit)~", BenchResults.ms(afterLines));
		}
	}

	private void profile(String name, ImportProfiler profiler) {
		long samples = profiler.samples();
		long sampled = profiler.sampledNanos();
		this.results.put(name + ".profile.samples", samples);
		if (samples == 0) {
			return;
		}
		for (Map.Entry<String, Long> phase : profiler.phases()) {
			this.results.put(name + ".profile.step." + phase.getKey(), share(phase.getValue(), sampled));
		}
		for (Map.Entry<String, Long> phase : profiler.phases()) {
			if (phase.getValue() * 20 < sampled) {
				break;
			}
			int j = 1;
			for (Map.Entry<String, Long> frame : profiler.phaseFrames(phase.getKey(), 5)) {
				this.results.put(name + ".profile.in." + phase.getKey() + "." + (j++),
						share(frame.getValue(), sampled) + " " + frame.getKey());
			}
		}
		int i = 1;
		for (Map.Entry<String, Long> frame : profiler.appFrames(15)) {
			this.results.put(name + ".profile.app_frame." + (i++),
					share(frame.getValue(), sampled) + " " + frame.getKey());
		}
		i = 1;
		for (Map.Entry<String, Long> frame : profiler.selfFrames(15)) {
			this.results.put(name + ".profile.top_frame." + (i++),
					share(frame.getValue(), sampled) + " " + frame.getKey());
		}
	}

	/** Sampled time as milliseconds and share of all sampled time. */
	private static String share(long nanos, long whole) {
		return String.format(Locale.ROOT, "%.0fms(%.1f%%)", nanos / 1e6, 100.0 * nanos / whole);
	}

	/**
	 * The read-only passes of an import, each on its own and warm: analysing the file
	 * (encoding, separator, and the date order and decimal mark found from every value),
	 * the preview as the import runs it (finding the formats, then reading and checking
	 * every row), and the preview with the formats given, which skips finding them.
	 */
	private void passes(InvoiceFileGenerator.Generated generated) {
		Path path = generated.path();
		String name = path.getFileName().toString();
		long start = System.nanoTime();
		ImportAnalysis analysis = this.imports.analyse(path, name);
		this.results.put("passes.analyse_ms", BenchResults.ms(System.nanoTime() - start));
		assertThat(analysis.dateCandidates()).containsExactly("dd-MM-yyyy");
		assertThat(analysis.decimalMark()).isEqualTo(DecimalMark.COMMA);
		start = System.nanoTime();
		ImportPreview automatic = this.imports.preview(path, name, ImportSettings.automatic());
		this.results.put("passes.preview_automatic_ms", BenchResults.ms(System.nanoTime() - start));
		assertThat(automatic.lines()).isEqualTo(LINES);
		start = System.nanoTime();
		ImportPreview explicit = this.imports.preview(path, name,
				new ImportSettings(Map.of(), "dd-MM-yyyy", DecimalMark.COMMA));
		this.results.put("passes.preview_formats_given_ms", BenchResults.ms(System.nanoTime() - start));
		assertThat(explicit.lines()).isEqualTo(LINES);
	}

	/** The figures pages read after an import: warm, median of several runs. */
	private void figures() {
		this.results.put("figures.portfolio_first_ms", BenchResults.ms(time(() -> this.figures.portfolio())));
		this.results.put("figures.portfolio_years", this.figures.portfolio().size());
		this.results.put("figures.portfolio_median_ms", median(() -> this.figures.portfolio()));

		List<CustomerKey> keys = new ArrayList<>(this.customers.keys());
		long top = keys.stream()
			.filter((key) -> InvoiceFileGenerator.reference(0).equals(key.externalRef()))
			.findFirst()
			.orElseThrow()
			.id();
		this.results.put("figures.customer_largest_lines",
				this.jdbc.queryForObject("select count(*) from invoice_line where customer_id = ?", Long.class, top));
		this.results.put("figures.customer_largest_median_ms", median(() -> this.figures.customer(top)));
		SplittableRandom random = new SplittableRandom(SEED);
		long[] some = new long[20];
		for (int i = 0; i < some.length; i++) {
			some[i] = keys.get(random.nextInt(keys.size())).id();
		}
		int[] next = { 0 };
		this.results.put("figures.customer_random_median_ms",
				median(() -> this.figures.customer(some[next[0]++ % some.length])));
	}

	private static String median(Supplier<?> call) {
		for (int i = 0; i < 3; i++) {
			call.get();
		}
		long[] runs = new long[FIGURE_RUNS];
		for (int i = 0; i < runs.length; i++) {
			runs[i] = time(call);
		}
		Arrays.sort(runs);
		return BenchResults.ms(runs[runs.length / 2]);
	}

	private static long time(Supplier<?> call) {
		long start = System.nanoTime();
		call.get();
		return System.nanoTime() - start;
	}

	private void environment() throws SQLException {
		this.results.put("run.at", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS));
		this.results.put("run.database",
				DATABASE + (DATABASE.equals("h2") ? " (" + BenchDatabase.H2 + ")" : " (embedded)"));
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			this.results.put("run.database_version",
					meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
		}
		this.results.put("run.lines", LINES);
		this.results.put("run.customers", CUSTOMERS);
		this.results.put("run.seed", SEED);
		this.results.put("run.years", FIRST_YEAR + "-" + LAST_YEAR);
		this.results.put("run.cpus", Runtime.getRuntime().availableProcessors());
		this.results.put("run.heap_max_mb", mb(Runtime.getRuntime().maxMemory()));
		this.results.put("run.java",
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		this.results.put("run.gc", String.join(",",
				ManagementFactory.getGarbageCollectorMXBeans().stream().map((gc) -> gc.getName()).toList()));
		this.results.put("run.os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		this.results.put("run.profile_sampling", PROFILE ? PROFILE_INTERVAL + "ms" : "off");
	}

	private static String mb(long bytes) {
		return String.valueOf(Math.round(bytes / (1024.0 * 1024.0)));
	}

}
