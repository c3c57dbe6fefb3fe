package org.customerportfolio.hostile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerMother;
import org.customerportfolio.hostile.HostileFiles.Base;
import org.customerportfolio.hostile.HostileFiles.HostileFile;
import org.customerportfolio.hostile.HostileFiles.Slot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The hostile import corpus ({@link HostileFiles}) against every import entry point: the
 * invoice import's API and its pages (upload, column mapping, preview), the sheet
 * import's API and its pages (upload, preview, apply). Every file must end in a 4xx or a
 * report, no 500, no stack trace, nothing saved when it is refused, and the application
 * must answer the next request. Each file at each entry point is its own test.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileImportIntegrationTests {

	/** Names a browser or a script may send with an upload. */
	static final List<String> HOSTILE_FILE_NAMES = List.of("../../etc/passwd", "..\\..\\windows\\win.ini", "/", "", " ",
			"a\u0000b.csv", "x".repeat(1000) + ".csv", "<script>alert(1)</script>.csv", "CON",
			"file\r\nSet-Cookie: hostile=1.csv", "/tmp/hostile-upload.csv", "%2e%2e%2fetc%2fpasswd", "..");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private UserDetailsService userDetails;

	@Autowired
	private JdbcClient jdbc;

	private UserDetails editor;

	private String bearer;

	private Base invoiceBase;

	private Base sheetBase;

	private List<HostileFile> invoiceCorpus;

	private List<HostileFile> sheetCorpus;

	private final Map<String, int[]> outcomes = new LinkedHashMap<>();

	private long started;

	@BeforeAll
	void corpus() throws Exception {
		this.started = System.nanoTime();
		UserSummary user = TestUsers.create(this.accounts, Role.EDITOR);
		this.editor = this.userDetails.loadUserByUsername(user.username());
		this.bearer = "Bearer " + this.accounts.issueToken(user.id(), "hostile corpus").secret();
		this.invoiceBase = new Base("facturen",
				List.of("Klantnummer", "Klantnaam", "Factuurnummer", "Factuurdatum", "Bedrag"),
				List.of("HOSTILE-1", "Hostile Klant", "HF-1", "15-01-2025", "100,00"),
				Map.of(Slot.TEXT, 1, Slot.NUMBER, 4, Slot.DATE, 3));
		this.sheetBase = sheetBase();
		this.invoiceCorpus = HostileFiles.corpus(this.invoiceBase);
		this.sheetCorpus = HostileFiles.corpus(this.sheetBase);
	}

	@AfterAll
	void report() {
		long seconds = (System.nanoTime() - this.started) / 1_000_000_000L;
		System.out.printf("Hostile import corpus: %d invoice files, %d sheet files, %d cases in %d s%n",
				this.invoiceCorpus.size(), this.sheetCorpus.size(),
				this.outcomes.values().stream().mapToInt((counts) -> counts[0] + counts[1]).sum(), seconds);
		this.outcomes.forEach((entry, counts) -> System.out.printf("  %s: %d refused or reported, %d imported%n", entry,
				counts[0], counts[1]));
	}

	/**
	 * One exported row of the sheet, for a customer of its own, with the columns the
	 * import reads.
	 */
	private Base sheetBase() throws Exception {
		String tag = "hostile-sheet-" + System.nanoTime();
		this.customers.register(CustomerMother.customer().named("Hostile Sheet").tagged(tag).details(), "test");
		MvcResult export = this.mvc
			.perform(get("/api/v1/portfolio/export").param("format", "csv")
				.param("columns", "name,strategy,criterion.relationship_type,criterion.decision_criteria")
				.param("f.tags", tag)
				.header("Authorization", this.bearer))
			.andReturn();
		assertThat(export.getResponse().getStatus()).isEqualTo(200);
		String text = new String(export.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8).replace("\uFEFF",
				"");
		List<String> lines = text.lines().filter((line) -> !line.isBlank()).toList();
		List<String> header = List.of(lines.get(0).split(";", -1));
		List<String> row = List.of(lines.get(1).split(";", -1));
		// the columns asked for, after the id: name, strategy, two criteria
		return new Base("portfolio", header, row, Map.of(Slot.TEXT, 2, Slot.NUMBER, 3, Slot.DATE, 4));
	}

	@Test
	void theCorpusIsLargeEnough() {
		assertThat(this.invoiceCorpus).hasSizeGreaterThanOrEqualTo(200);
		assertThat(this.sheetCorpus).hasSizeGreaterThanOrEqualTo(200);
		assertThat(this.invoiceCorpus.stream().map(HostileFile::name).distinct()).hasSameSizeAs(this.invoiceCorpus);
	}

	/**
	 * The base files import cleanly: the hostile ones fail for what their rule breaks.
	 */
	@Test
	void theControlFilesImport() throws Exception {
		for (HostileFile control : HostileFiles.controls(this.invoiceBase)) {
			MvcResult result = invoiceApi(control, true);
			assertThat(result.getResponse().getStatus()).as(control.name() + ": " + HostileSupport.body(result))
				.isEqualTo(200);
			assertThat((List<?>) JsonPath.read(HostileSupport.body(result), "$.problems")).as(control.name()).isEmpty();
		}
		for (HostileFile control : HostileFiles.controls(this.sheetBase)) {
			MvcResult result = sheetApi(control, true);
			assertThat(result.getResponse().getStatus()).as(control.name() + ": " + HostileSupport.body(result))
				.isEqualTo(200);
		}
	}

	@TestFactory
	Stream<DynamicNode> invoiceImportApi() {
		return cases("invoice API", this.invoiceCorpus, (file, description) -> {
			MvcResult result = invoiceApi(file, false);
			return JsonPath.read(HostileSupport.body(result), "$.imported");
		});
	}

	@TestFactory
	Stream<DynamicNode> invoiceImportPages() {
		return cases("invoice pages", this.invoiceCorpus, (file, description) -> {
			MvcResult upload = HostileSupport.perform(this.mvc,
					multipart("/imports/invoices").file(part(file)).with(csrf()).with(user(this.editor)), description);
			HostileSupport.assertHandled(upload, description + " upload");
			String target = upload.getResponse().getRedirectedUrl();
			if (target == null || !target.matches("/imports/invoices/[^/]+")) {
				return false;
			}
			MvcResult mapping = HostileSupport.perform(this.mvc, get(target).with(user(this.editor)), description);
			HostileSupport.assertHandled(mapping, description + " mapping");
			if (mapping.getResponse().getStatus() != 200) {
				return false;
			}
			MvcResult preview = HostileSupport.perform(this.mvc,
					post(target + "/preview").param("column.customerRef", "Klantnummer")
						.param("column.customerName", "Klantnaam")
						.param("column.invoiceNumber", "Factuurnummer")
						.param("column.invoiceDate", "Factuurdatum")
						.param("column.amount", "Bedrag")
						.param("dateFormat", "dd-MM-yyyy")
						.param("decimalMark", "comma")
						.with(csrf())
						.with(user(this.editor)),
					description);
			HostileSupport.assertHandled(preview, description + " preview");
			return false;
		});
	}

	@TestFactory
	Stream<DynamicNode> sheetImportApi() {
		return cases("sheet API", this.sheetCorpus, (file, description) -> {
			MvcResult result = sheetApi(file, false);
			return JsonPath.read(HostileSupport.body(result), "$.imported");
		});
	}

	@TestFactory
	Stream<DynamicNode> sheetImportPages() {
		return cases("sheet pages", this.sheetCorpus, (file, description) -> {
			MvcResult upload = HostileSupport.perform(this.mvc,
					multipart("/portfolio/import").file(part(file)).with(csrf()).with(user(this.editor)), description);
			HostileSupport.assertHandled(upload, description + " upload");
			String target = upload.getResponse().getRedirectedUrl();
			if (target == null || !target.matches("/portfolio/import/[^/]+")) {
				return false;
			}
			MvcResult preview = HostileSupport.perform(this.mvc, get(target).with(user(this.editor)), description);
			HostileSupport.assertHandled(preview, description + " preview");
			if (preview.getResponse().getStatus() != 200) {
				return false;
			}
			MvcResult apply = HostileSupport.perform(this.mvc, post(target).with(csrf()).with(user(this.editor)),
					description);
			HostileSupport.assertHandled(apply, description + " apply");
			return "/portfolio".equals(apply.getResponse().getRedirectedUrl());
		});
	}

	/**
	 * A valid file under a hostile name, at every entry point: the name is never a path.
	 */
	@TestFactory
	Stream<DynamicNode> hostileFileNames() {
		HostileFile invoice = HostileFiles.controls(this.invoiceBase).get(0);
		HostileFile sheet = HostileFiles.controls(this.sheetBase).get(0);
		List<DynamicNode> tests = new ArrayList<>();
		for (String name : HOSTILE_FILE_NAMES) {
			String shown = name.replaceAll("\\p{Cntrl}", "?");
			shown = (shown.length() > 40) ? shown.substring(0, 40) + "…" : shown;
			tests.add(fileNameCase("invoice API " + shown,
					multipart("/api/v1/imports/invoices").file(named(invoice, name))
						.header("Authorization", this.bearer)));
			tests.add(fileNameCase("invoice pages " + shown,
					multipart("/imports/invoices").file(named(invoice, name)).with(csrf()).with(user(this.editor))));
			tests.add(fileNameCase("sheet API " + shown, multipart("/api/v1/portfolio/import").file(named(sheet, name))
				.header("Authorization", this.bearer)));
			tests.add(fileNameCase("sheet pages " + shown,
					multipart("/portfolio/import").file(named(sheet, name)).with(csrf()).with(user(this.editor))));
		}
		return tests.stream();
	}

	private DynamicTest fileNameCase(String description, org.springframework.test.web.servlet.RequestBuilder request) {
		return DynamicTest.dynamicTest(description, () -> {
			MvcResult result = HostileSupport.perform(this.mvc, request, description);
			HostileSupport.assertHandled(result, description);
			String redirect = result.getResponse().getRedirectedUrl();
			if (redirect != null) {
				MvcResult next = HostileSupport.perform(this.mvc, get(redirect).with(user(this.editor)), description);
				HostileSupport.assertHandled(next, description + " next page");
			}
			assertThat(Path.of("/tmp/hostile-upload.csv")).doesNotExist();
			assertThat(Path.of("/tmp/hostile-zip-slip.txt")).doesNotExist();
			HostileSupport.assertStillAnswers(this.mvc, this.bearer);
		});
	}

	/**
	 * Runs one entry point over a corpus; the step answers whether the file was imported.
	 */
	private Stream<DynamicNode> cases(String entry, List<HostileFile> corpus, Step step) {
		int[] counts = this.outcomes.computeIfAbsent(entry, (key) -> new int[2]);
		return Stream.of(DynamicContainer.dynamicContainer(entry, corpus.stream().map((file) -> {
			String description = entry + " " + file;
			return DynamicTest.dynamicTest(file.toString(), () -> {
				Map<String, Long> before = HostileSupport.rowCounts(this.jdbc);
				boolean imported = step.run(file, description);
				if (imported) {
					counts[1]++;
				}
				else {
					counts[0]++;
					assertThat(HostileSupport.rowCounts(this.jdbc)).as("%s: nothing saved", description)
						.isEqualTo(before);
				}
				HostileSupport.assertStillAnswers(this.mvc, this.bearer);
				assertThat(Path.of("/tmp/hostile-zip-slip.txt")).doesNotExist();
			});
		})));
	}

	private MvcResult invoiceApi(HostileFile file, boolean dryRun) {
		String description = "invoice API " + file;
		MvcResult result = HostileSupport.perform(this.mvc,
				multipart("/api/v1/imports/invoices").file(part(file))
					.param("dryRun", String.valueOf(dryRun))
					.header("Authorization", this.bearer),
				description);
		HostileSupport.assertHandled(result, description);
		return result;
	}

	private MvcResult sheetApi(HostileFile file, boolean dryRun) {
		String description = "sheet API " + file;
		MvcResult result = HostileSupport.perform(this.mvc,
				multipart("/api/v1/portfolio/import").file(part(file))
					.param("dryRun", String.valueOf(dryRun))
					.header("Authorization", this.bearer),
				description);
		HostileSupport.assertHandled(result, description);
		return result;
	}

	private static MockMultipartFile part(HostileFile file) {
		return named(file, file.fileName());
	}

	private static MockMultipartFile named(HostileFile file, String name) {
		return new MockMultipartFile("file", name, "application/octet-stream", file.content());
	}

	/**
	 * One step of a case: performs the requests and answers whether the file was
	 * imported.
	 */
	@FunctionalInterface
	interface Step {

		boolean run(HostileFile file, String description) throws Exception;

	}

}
