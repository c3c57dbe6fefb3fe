package org.customerportfolio.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestDatabase;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.backup.BackupArchive.Manifest;
import org.customerportfolio.backup.BackupArchive.TableEntry;
import org.customerportfolio.customer.ContactDetails;
import org.customerportfolio.customer.ContactRole;
import org.customerportfolio.customer.CustomerDetails;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerStatus;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.evaluation.EvaluationManagement;
import org.customerportfolio.invoicing.ManualProjections;
import org.customerportfolio.plan.PlanManagement;
import org.customerportfolio.plan.Strategy;
import org.customerportfolio.shared.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole portfolio carried from H2 to PostgreSQL and back through backup archives,
 * with every table compared row by row after each step, and the archives that must be
 * refused without changing anything. The source is the test application's H2 database,
 * filled through the modules' own services; the targets are fresh installations (Flyway
 * only) on an embedded PostgreSQL and on H2, reached with plain JDBC.
 */
@IntegrationTest
class BackupRoundTripIntegrationTests {

	private static EmbeddedPostgres postgres;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private EvaluationManagement evaluations;

	@Autowired
	private PlanManagement plans;

	@Autowired
	private ManualProjections projections;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private MockMvc mvc;

	@TempDir
	private Path directory;

	@BeforeAll
	static void startPostgres() throws IOException {
		// the source is H2; in the build's PostgreSQL run the context itself is
		// PostgreSQL
		assumeThat(TestDatabase.isPostgres()).isFalse();
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void carriesEveryTableFromH2ToPostgresqlAndBack() throws Exception {
		fillThePortfolio();
		Map<String, List<String>> original = BackupFixtures.snapshot(this.dataSource);
		assertThat(original).allSatisfy((table, rows) -> {
			if (Set
				.of("customer", "contact", "customer_tag", "evaluation", "evaluation_value", "invoice_line",
						"invoice_import", "revenue_month", "revenue_year", "customer_standing", "customer_level",
						"relationship_plan", "plan_goal", "plan_action", "plan_decision", "manual_projection",
						"audit_entry", "app_user", "api_token", "criterion", "criterion_level")
				.contains(table)) {
				assertThat(rows).as("rows of %s in the source", table).isNotEmpty();
			}
		});

		Path fromH2 = BackupFixtures.archive(this.dataSource, this.directory.resolve("from-h2.zip"));
		DataSource onPostgres = freshPostgres("roundtrip");
		new BackupArchive(onPostgres).restore(fromH2);
		assertSameTables(BackupFixtures.snapshot(onPostgres), original);

		Path fromPostgres = BackupFixtures.archive(onPostgres, this.directory.resolve("from-postgres.zip"));
		DataSource backOnH2 = BackupFixtures.freshH2("backup-roundtrip");
		new BackupArchive(backOnH2).restore(fromPostgres);
		assertSameTables(BackupFixtures.snapshot(backOnH2), original);

		// new rows continue after the restored ids on both databases
		insertsContinueAfterTheRestoredIds(onPostgres);
		insertsContinueAfterTheRestoredIds(backOnH2);
	}

	@Test
	void keepsEveryKindOfValueExactly() throws Exception {
		String create = "create table backup_kinds (id bigint generated by default as identity primary key, "
				+ "flag boolean, amount numeric(19, 4), ratio double precision, label varchar(4000), on_day date, "
				+ "local_time timestamp, zoned timestamp with time zone, content bytea)";
		DataSource source = BackupFixtures.freshH2("backup-kinds-source");
		execute(source, create,
				"insert into backup_kinds (flag, amount, ratio, label, on_day, local_time, zoned, content) values "
						+ "(true, 1234567890.1234, 0.1, 'line one\nline \"two\", ''quoted''; tab\t☃ Zoë 東京', "
						+ "date '2024-02-29', timestamp '2024-03-31 02:30:00.123456', "
						+ "timestamp with time zone '2024-10-27 02:30:00.654321+02:00', X'00ff10'),"
						+ "(false, -0.0001, -1e300, '', date '1900-01-01', null, null, X''),"
						+ "(null, null, null, null, null, null, null, null)");
		Path archive = BackupFixtures.archive(source, this.directory.resolve("kinds.zip"));
		DataSource onPostgres = freshPostgres("kinds");
		execute(onPostgres, create);
		new BackupArchive(onPostgres).restore(archive);
		DataSource backOnH2 = BackupFixtures.freshH2("backup-kinds-target");
		execute(backOnH2, create);
		new BackupArchive(backOnH2)
			.restore(BackupFixtures.archive(onPostgres, this.directory.resolve("kinds-from-postgres.zip")));

		Map<String, List<String>> original = BackupFixtures.snapshot(source);
		assertThat(original.get("backup_kinds")).hasSize(3)
			.anySatisfy((row) -> assertThat(row).contains("amount=<1234567890.1234>", "content=<AP8Q>",
					"zoned=<2024-10-27T00:30:00.654321Z>", "local_time=<2024-03-31T02:30:00.123456>",
					"line one\nline \"two\", 'quoted'; tab\t☃ Zoë 東京"));
		assertSameTables(BackupFixtures.snapshot(onPostgres), original);
		assertSameTables(BackupFixtures.snapshot(backOnH2), original);
	}

	@Test
	void everyTableIsBackedUpOrExplicitlyLeftOut() throws Exception {
		Manifest manifest = new BackupArchive(this.dataSource)
			.manifest(BackupFixtures.archive(this.dataSource, this.directory.resolve("tables.zip")));
		Set<String> archived = new TreeSet<>(manifest.tables().stream().map(TableEntry::name).toList());
		Set<String> inSchema = tablesOf(this.dataSource);

		assertThat(inSchema).as("every table is in the archive or in DatabaseTables.EXCLUDED")
			.allSatisfy(
					(table) -> assertThat(archived.contains(table) || DatabaseTables.EXCLUDED.contains(table)).as(table)
						.isTrue());
		assertThat(inSchema).as("the exclusions and installation tables name real tables")
			.containsAll(DatabaseTables.EXCLUDED)
			.containsAll(DatabaseTables.INSTALLATION);
		assertThat(archived).doesNotContainAnyElementsOf(DatabaseTables.EXCLUDED);
		assertThat(manifest.schemaVersion()).isEqualTo(latestMigration());
	}

	@Test
	void refusesAnInstallationThatHoldsPortfolioData() throws Exception {
		this.customers.register(customer("Already here", null), "test");
		Path archive = BackupFixtures.archive(BackupFixtures.freshH2("backup-empty-source"),
				this.directory.resolve("empty.zip"));
		Map<String, List<String>> before = BackupFixtures.snapshot(this.dataSource);

		assertThatExceptionOfType(BackupRefusedException.class)
			.isThrownBy(() -> new BackupArchive(this.dataSource).restore(archive))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(BackupRefusedException.Reason.NOT_EMPTY);
				assertThat(ex.code()).isEqualTo("backup.notEmpty");
				assertThat((String) ex.arguments()[0]).contains("customer");
			});
		assertSameTables(BackupFixtures.snapshot(this.dataSource), before);
	}

	@Test
	void refusesATruncatedArchiveAndChangesNothing() throws Exception {
		DataSource target = BackupFixtures.freshH2("backup-truncated");
		Path archive = BackupFixtures.archive(this.dataSource, this.directory.resolve("whole.zip"));
		byte[] bytes = Files.readAllBytes(archive);
		Path truncated = Files.write(this.directory.resolve("truncated.zip"),
				java.util.Arrays.copyOf(bytes, bytes.length / 2));
		Map<String, List<String>> before = BackupFixtures.snapshot(target);

		assertRefused(target, truncated, "backup.damaged.notZip");
		assertRefused(target, Files.writeString(this.directory.resolve("notes.zip"), "not a zip"),
				"backup.damaged.notZip");
		assertSameTables(BackupFixtures.snapshot(target), before);
	}

	@Test
	void refusesAnArchiveWhoseRowsWereChangedAfterLoadingEverythingBefore() throws Exception {
		fillThePortfolio();
		DataSource target = BackupFixtures.freshH2("backup-changed");
		Path archive = BackupFixtures.archive(this.dataSource, this.directory.resolve("original.zip"));
		Manifest manifest = new BackupArchive(target).manifest(archive);
		// loaded late (after customers, evaluations and criteria), the change breaks no
		// rule
		// of the database: only the checksum can tell
		TableEntry last = manifest.tables()
			.stream()
			.filter((table) -> table.name().equals("evaluation_value"))
			.findFirst()
			.orElseThrow();
		assertThat(last.rows()).isPositive();
		Path changed = rewrite(archive, this.directory.resolve("changed.zip"), Map.of(last.file(), (text) -> {
			int letter = text.indexOf('"') + 1;
			return text.substring(0, letter) + Character.toUpperCase(text.charAt(letter)) + text.substring(letter + 1);
		}));
		Path withoutLine = rewrite(archive, this.directory.resolve("short.zip"),
				Map.of(last.file(), (text) -> text.contains("\n") ? text.substring(0, text.lastIndexOf('\n')) : ""));
		Path brokenJson = rewrite(archive, this.directory.resolve("broken.zip"),
				Map.of(last.file(), (text) -> text + "\n{\"not\": \"a row\"}"));
		Map<String, List<String>> before = BackupFixtures.snapshot(target);

		assertRefused(target, changed, "backup.damaged.table");
		assertRefused(target, withoutLine, "backup.damaged.table");
		assertRefused(target, brokenJson, "backup.damaged.row");
		assertSameTables(BackupFixtures.snapshot(target), before);
	}

	@Test
	void refusesAnArchiveOfAnotherSchemaVersionAndChangesNothing() throws Exception {
		DataSource target = BackupFixtures.freshH2("backup-version");
		Path archive = BackupFixtures.archive(this.dataSource, this.directory.resolve("current.zip"));
		JsonMapper json = JsonMapper.builder().build();
		Path older = rewrite(archive, this.directory.resolve("older.zip"), Map.of(BackupArchive.MANIFEST, (text) -> {
			ObjectNode manifest = (ObjectNode) json.readTree(text);
			manifest.put("schemaVersion", "7");
			return json.writeValueAsString(manifest);
		}));
		Path noManifest = rewrite(archive, this.directory.resolve("no-manifest.zip"),
				Map.of(BackupArchive.MANIFEST, (text) -> "{\"format\": \"something else\"}"));
		Map<String, List<String>> before = BackupFixtures.snapshot(target);

		assertThatExceptionOfType(BackupRefusedException.class)
			.isThrownBy(() -> new BackupArchive(target).restore(older))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(BackupRefusedException.Reason.WRONG_VERSION);
				assertThat(ex.arguments()).containsExactly("7", latestMigration());
			});
		assertRefused(target, noManifest, "backup.damaged.noManifest");
		assertSameTables(BackupFixtures.snapshot(target), before);
	}

	@Test
	void theApiExplainsARefusalInTheCallersLanguage() throws Exception {
		UserSummary admin = TestUsers.create(this.accounts, Role.ADMIN, Language.NL);
		this.mvc
			.perform(multipart("/api/v1/admin/restore")
				.file(new MockMultipartFile("file", "backup.zip", "application/zip", "garbage".getBytes()))
				.with(httpBasic(admin.username(), TestUsers.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Het bestand is geen back-uparchief")))
			.andExpect(jsonPath("$.code").value("backup.damaged.notZip"));

		Path archive = BackupFixtures.archive(BackupFixtures.freshH2("backup-api-source"),
				this.directory.resolve("api.zip"));
		this.customers.register(customer("Makes it non-empty", null), "test");
		this.mvc
			.perform(multipart("/api/v1/admin/restore")
				.file(new MockMultipartFile("file", "backup.zip", "application/zip", Files.readAllBytes(archive)))
				.with(httpBasic(admin.username(), TestUsers.PASSWORD)))
			.andExpect(status().isConflict())
			.andExpect(
					jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("bevat al portefeuillegegevens")));
	}

	private void assertRefused(DataSource target, Path archive, String code) {
		assertThatExceptionOfType(BackupRefusedException.class)
			.isThrownBy(() -> new BackupArchive(target).restore(archive))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(BackupRefusedException.Reason.DAMAGED);
				assertThat(ex.code()).isEqualTo(code);
			});
	}

	private static void assertSameTables(Map<String, List<String>> actual, Map<String, List<String>> expected) {
		assertThat(actual.keySet()).isEqualTo(expected.keySet());
		expected.forEach(
				(table, rows) -> assertThat(actual.get(table)).as("rows of %s", table).containsExactlyElementsOf(rows));
	}

	private void fillThePortfolio() throws Exception {
		UserSummary editor = TestUsers.create(this.accounts, Role.EDITOR);
		this.accounts.issueToken(editor.id(), "nightly export");
		CustomerView tricky = this.customers.register(customer("Zoë's \"Bouw\" & Co — 東京 <b>", editor.id()),
				editor.username());
		this.customers
			.addContact(
					tricky.id(), new ContactDetails("Anne-Marie \"AM\" Ødegård", "Directeur, R&D", "am@example.nl",
							null, ContactRole.DECISION_MAKER, "Met on 3 May;\nprefers \"email\"\r\nOK"),
					editor.username());
		this.evaluations.record(
				tricky.id(), answers("relationship_type", "partnership", "business_outlook", "growing",
						"decision_criteria", "trust,supplier_quality"),
				"First look,\nwith a second line", editor.username());
		this.evaluations.record(tricky.id(), answers("relationship_type", "incidental", "business_outlook", "stable"),
				null, editor.username());
		long version = this.plans.plan(tricky.id()).version();
		this.plans.chooseStrategy(tricky.id(), version, Strategy.IMPROVE, "Because:\n\"less\" work",
				LocalDate.of(2026, 11, 1), editor.username());
		this.plans.addGoal(tricky.id(), "Twice the revenue ✓", LocalDate.of(2027, 6, 30), editor.username());
		this.plans.addAction(tricky.id(),
				new PlanManagement.ActionDetails("Call them", "Jan", LocalDate.of(2026, 12, 1), null),
				editor.username());
		this.plans.decide(tricky.id(), "Visit the site", "They asked", LocalDate.of(2026, 11, 2), editor.username());
		this.projections.record(tricky.id(), new BigDecimal("12345.67"), "Gut feeling", editor.username());

		String reference = "BK-" + System.nanoTime();
		String csv = "Order ID,Customer ID,Company Name,Order Date,Category,Product,Amount\r\n" + reference + "-1,"
				+ reference + ",\"Backup, Imported \"\"B.V.\"\"\",2025-03-04,Consulting,Advice,1234.56\r\n" + reference
				+ "-2," + reference + ",\"Backup, Imported \"\"B.V.\"\"\",2026-01-31,Design,Drawings,-99.99\r\n";
		this.mvc
			.perform(multipart("/api/v1/imports/invoices")
				.file(new MockMultipartFile("file", "invoices.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.with(httpBasic(editor.username(), TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(true));
	}

	private static CustomerDetails customer(String name, Long accountManager) {
		return new CustomerDetails(name, "BK-" + System.nanoTime(), "consultant", "12345678", "NL859318732B01", "NL",
				"'s-Hertogenbosch", null, CustomerStatus.ACTIVE, List.of("key account", "ß-tag"),
				"First line\nsecond line, \"quoted\"; tab\there ☃", accountManager);
	}

	private static Map<String, List<String>> answers(String... keysAndValues) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			answers.put(keysAndValues[i], List.of(keysAndValues[i + 1].split(",")));
		}
		return answers;
	}

	private void insertsContinueAfterTheRestoredIds(DataSource database) throws SQLException {
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			long highest = single(statement, "select max(id) from customer");
			statement.executeUpdate("insert into customer (name, status, created_at, updated_at, version) "
					+ "values ('After the restore', 'ACTIVE', current_timestamp, current_timestamp, 0)");
			assertThat(single(statement, "select id from customer where name = 'After the restore'"))
				.isGreaterThan(highest);
			long audit = single(statement, "select max(id) from audit_entry");
			statement.executeUpdate("insert into audit_entry (occurred_at, actor, subject_type, subject_id, action) "
					+ "values (current_timestamp, 'test', 'PORTFOLIO', 0, 'CHECKED')");
			assertThat(single(statement, "select max(id) from audit_entry")).isGreaterThan(audit);
		}
	}

	private static long single(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static void execute(DataSource database, String... statements) throws SQLException {
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private DataSource freshPostgres(String name) throws SQLException {
		execute(postgres.getPostgresDatabase(), "create database " + name);
		DataSource database = postgres.getDatabase("postgres", name);
		BackupFixtures.migrate(database);
		return database;
	}

	private static Set<String> tablesOf(DataSource database) throws SQLException {
		Set<String> tables = new TreeSet<>();
		try (Connection connection = database.getConnection();
				ResultSet result = connection.getMetaData()
					.getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
			while (result.next()) {
				tables.add(result.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
			}
		}
		return tables;
	}

	private static String latestMigration() throws IOException {
		List<Integer> versions = new ArrayList<>();
		try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
			files.map((file) -> file.getFileName().toString())
				.filter((file) -> file.matches("V\\d+__.*\\.sql"))
				.forEach((file) -> versions.add(Integer.valueOf(file.substring(1, file.indexOf("__")))));
		}
		return String.valueOf(versions.stream().mapToInt(Integer::intValue).max().orElseThrow());
	}

	/** Copies an archive, changing the text of some of its entries. */
	private static Path rewrite(Path archive, Path target,
			Map<String, java.util.function.UnaryOperator<String>> changes) throws IOException {
		try (ZipFile zip = new ZipFile(archive.toFile());
				OutputStream output = Files.newOutputStream(target);
				ZipOutputStream copy = new ZipOutputStream(output)) {
			for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
				copy.putNextEntry(new ZipEntry(entry.getName()));
				try (InputStream input = zip.getInputStream(entry)) {
					byte[] content = input.readAllBytes();
					if (changes.containsKey(entry.getName())) {
						content = changes.get(entry.getName())
							.apply(new String(content, StandardCharsets.UTF_8))
							.getBytes(StandardCharsets.UTF_8);
					}
					copy.write(content);
				}
				copy.closeEntry();
			}
		}
		return target;
	}

}
