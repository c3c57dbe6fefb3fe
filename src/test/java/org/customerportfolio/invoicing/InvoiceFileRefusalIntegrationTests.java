package org.customerportfolio.invoicing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.customerportfolio.invoicing.InvoiceFiles.csv;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Files the import must refuse as a whole, saving nothing: empty, not a table at all,
 * dangerous, or without the columns an invoice line needs.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoiceFileRefusalIntegrationTests {

	private static final String HEADER = "Klantnummer;Klantnaam;Factuurnummer;Factuurdatum;Bedrag";

	private static final AtomicInteger sequence = new AtomicInteger();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UserDetailsService userDetails;

	/** Signed in directly: one password check per class, not one per request. */
	private UserDetails editor;

	private String run;

	private long linesBefore;

	@BeforeAll
	void editor() {
		this.editor = this.userDetails.loadUserByUsername(TestUsers.create(this.accounts, Role.EDITOR).username());
	}

	@BeforeEach
	void run() {
		this.run = "RF" + Long.toString(Math.floorMod(System.nanoTime(), 1_000_000_000_000L), 36).toUpperCase()
				+ sequence.incrementAndGet();
		this.linesBefore = allInvoiceLines();
	}

	@Test
	void refusesAnEmptyFile() throws Exception {
		assertRefused("leeg.csv", new byte[0], "import.file.empty");
	}

	@Test
	void refusesAFileHoldingOnlyAByteOrderMarkAsEmpty() throws Exception {
		assertRefused("leeg-utf8.csv", InvoiceFiles.utf8Bom(), "import.file.empty");
	}

	@Test
	void refusesAFileOfBlankLinesAsEmpty() throws Exception {
		assertRefused("blank.csv", "\r\n   \r\n\t\r\n\r\n".getBytes(UTF_8), "import.file.empty");
	}

	@Test
	void refusesAFileWithOnlyAHeader() throws Exception {
		MvcResult result = upload("header.csv", csv(UTF_8, HEADER));

		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(400);
		assertThat(codes(result)).singleElement().asString().startsWith("import.file.");
		assertThat(allInvoiceLines()).isEqualTo(this.linesBefore);
	}

	@Test
	void refusesAPictureRenamedToCsv() throws Exception {
		String answer = assertRefused("facturen.csv", InvoiceFiles.png(), "import.file.binary");

		assertThat(JsonPath.<String>read(answer, "$.problems[0].message")).startsWith("facturen.csv is not a text");
	}

	@Test
	void refusesAnOldExcelFile() throws Exception {
		assertRefused("facturen.xls", InvoiceFiles.oldExcel(), "import.file.oldOrEncrypted");
		assertRefused("facturen.xlsx", InvoiceFiles.oldExcel(), "import.file.oldOrEncrypted");
	}

	@Test
	void refusesAZipBombPosingAsXlsx() throws Exception {
		Path bomb = InvoiceFiles.zipBomb(300);
		assertThat(Files.size(bomb)).isLessThan(2L * 1024 * 1024);

		assertRefused("facturen.xlsx", Files.readAllBytes(bomb), "import.file.zipBomb");
	}

	@Test
	void refusesTenThousandColumns() throws Exception {
		StringJoiner header = new StringJoiner(";", HEADER + ";", "");
		StringJoiner line = new StringJoiner(";", ref() + ";Breed;" + this.run + "-F1;15-01-2026;10,00;", "");
		for (int i = 6; i <= 10_000; i++) {
			header.add("Kolom " + i);
			line.add(String.valueOf(i));
		}

		String answer = assertRefused("breed.csv", csv(UTF_8, header.toString(), line.toString()),
				"import.file.tooManyColumns");

		assertThat(JsonPath.<String>read(answer, "$.problems[0].message")).contains("200");
	}

	/**
	 * Which column is meant cannot be known: the file is readable, so the answer is the
	 * import's own refusal (422) with what to change.
	 */
	@Test
	void refusesDuplicateHeaders() throws Exception {
		byte[] file = csv(UTF_8, HEADER + ";Bedrag", ref() + ";Dubbel;" + this.run + "-F1;15-01-2026;10,00;12,00");

		MvcResult result = upload("dubbel.csv", file);

		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		assertThat(codes(result)).containsExactly("import.column.duplicate");
		assertThat(JsonPath.<String>read(body(result), "$.problems[0].column")).isEqualTo("Bedrag");
		assertNothingSaved();
	}

	@Test
	void reportsLinesWrittenWithAnotherSeparatorAsRowsMissingTheirValues() throws Exception {
		byte[] file = csv(UTF_8, HEADER, ref() + ";Goed;" + this.run + "-F1;15-01-2026;10,00",
				ref() + "," + "Komma," + this.run + "-F2,16-01-2026,11.00");

		MvcResult result = upload("gemengd.csv", file);

		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		assertThat(JsonPath.<List<Integer>>read(body(result), "$.problems[*].row")).containsOnly(3);
		assertThat(codes(result)).contains("import.value.required");
		assertNothingSaved();
	}

	@Test
	void refusesAnUnclosedQuoteWithoutSavingAnything() throws Exception {
		byte[] file = csv(UTF_8, HEADER, ref() + ";\"Open quote;" + this.run + "-F1;15-01-2026;10,00",
				ref() + ";Tweede;" + this.run + "-F2;16-01-2026;11,00");

		MvcResult result = upload("quote.csv", file);

		assertThat(result.getResponse().getStatus()).isBetween(400, 422);
		assertThat(body(result)).doesNotContain("Exception").doesNotContain("at org.");
		assertNothingSaved();
	}

	@Test
	void refusesAFileWithoutAMandatoryColumn() throws Exception {
		byte[] file = csv(UTF_8, "Klantnummer;Klantnaam;Factuurnummer;Bedrag",
				ref() + ";Zonder datum;" + this.run + "-F1;10,00");

		MvcResult result = upload("zonder-datum.csv", file);

		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		assertThat(codes(result)).containsExactly("import.column.missing");
		assertThat(JsonPath.<String>read(body(result), "$.problems[0].message")).contains("invoiceDate");
		assertNothingSaved();
	}

	@Test
	void importsExcelsUnicodeTextExport() throws Exception {
		byte[] text = ("Klantnummer\tKlantnaam\tFactuurnummer\tFactuurdatum\tBedrag\r\n" + ref() + "\tÉcole " + this.run
				+ "\t" + this.run + "-F1\t15-01-2026\t10,00\r\n")
			.getBytes(StandardCharsets.UTF_16LE);
		byte[] file = InvoiceFiles.concat(new byte[] { (byte) 0xFF, (byte) 0xFE }, text);

		MvcResult result = upload("unicode.txt", file);

		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
		assertThat(this.jdbc.sql("select name from customer where external_ref = :ref")
			.param("ref", ref())
			.query(String.class)
			.single()).isEqualTo("École " + this.run);
	}

	private String assertRefused(String fileName, byte[] content, String code) throws Exception {
		MvcResult result = upload(fileName, content);
		String answer = body(result);
		assertThat(result.getResponse().getStatus()).as(answer).isEqualTo(400);
		assertThat(JsonPath.<Boolean>read(answer, "$.imported")).isFalse();
		assertThat(codes(result)).containsExactly(code);
		assertNothingSaved();
		return answer;
	}

	private void assertNothingSaved() {
		assertThat(allInvoiceLines()).isEqualTo(this.linesBefore);
		assertThat(this.jdbc.sql("select count(*) from customer where external_ref like :prefix")
			.param("prefix", this.run + "%")
			.query(Long.class)
			.single()).isZero();
	}

	private MvcResult upload(String fileName, byte[] content) throws Exception {
		return this.mvc
			.perform(multipart("/api/v1/imports/invoices")
				.file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
				.with(user(this.editor)))
			.andReturn();
	}

	private String ref() {
		return this.run + "-K";
	}

	private long allInvoiceLines() {
		return this.jdbc.sql("select count(*) from invoice_line").query(Long.class).single();
	}

	private static List<String> codes(MvcResult result) throws Exception {
		return JsonPath.read(body(result), "$.problems[*].code");
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(UTF_8);
	}

}
