package org.customerportfolio.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerMother;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.evaluation.EvaluationManagement;
import org.customerportfolio.evaluation.EvaluationView;
import org.customerportfolio.plan.RelationshipPlans;
import org.customerportfolio.plan.Strategy;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sheet's round trip as a user makes it: export, change cells in a spreadsheet,
 * import — with the preview listing every change, rows changed in the app since the
 * export left alone as conflicts, unknown columns ignored, invalid values refusing the
 * whole file, and formulas never let through.
 */
@IntegrationTest
@Tag("persistence")
class SheetRoundTripIntegrationTests {

	private static final String COLUMNS = "name,criterion.relationship_type,criterion.decision_criteria,strategy,"
			+ "attractiveness";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private EvaluationManagement evaluations;

	@Autowired
	private RelationshipPlans plans;

	@Autowired
	private AuditLog audit;

	private UserSummary editor;

	private String tag;

	private CustomerView recurring;

	private CustomerView partner;

	private CustomerView unrated;

	@BeforeEach
	void portfolio() {
		this.editor = TestUsers.create(this.accounts, Role.EDITOR);
		this.tag = "trip-" + System.nanoTime();
		this.recurring = register("Aa Recurring");
		this.partner = register("Bb Partner");
		this.unrated = register("Cc Unrated");
		this.evaluations.record(this.recurring.id(), Map.of("relationship_type", List.of("recurring"),
				"decision_criteria", List.of("trust"), "sales_potential", List.of("high")), null, "anna");
		this.evaluations.record(this.partner.id(), Map.of("relationship_type", List.of("partnership")), null, "anna");
	}

	private CustomerView register(String name) {
		return this.customers.register(CustomerMother.customer().named(name).tagged(this.tag).details(), "test");
	}

	@Test
	void changesMadeInExcelComeBackAsEvaluationsWithConflictsLeftAlone() throws Exception {
		List<List<String>> sheet = read(exportXlsx());
		assertThat(sheet.get(0)).containsExactly("Id", "Name", "Relationship type", "Supplier selection criteria",
				"Strategy", "Attractiveness", "Revision");
		assertThat(sheet).hasSize(4);
		assertThat(sheet.get(1).subList(0, 4)).containsExactly(String.valueOf(this.recurring.id()), "Aa Recurring",
				"Recurring", "Trust");

		// in Excel: a better relationship, a second selection criterion, a first rating,
		// a
		// strategy, a score typed over (computed: ignored), and a column of one's own
		sheet.get(0).add("My notes");
		set(sheet, 1, "Relationship type", "Partnership");
		set(sheet, 1, "Supplier selection criteria", "Trust, Purchase price");
		set(sheet, 1, "Attractiveness", "99");
		set(sheet, 2, "Strategy", "Maintain");
		set(sheet, 3, "Relationship type", "incidental");
		sheet.get(3).add("call in spring");
		// meanwhile, in the app: the partner is evaluated again
		this.evaluations.record(this.partner.id(), Map.of("relationship_type", List.of("recurring")), null, "bert");
		byte[] edited = write(sheet);

		this.mvc.perform(
				multipart("/api/v1/portfolio/import").file(file(edited)).param("dryRun", "true").with(as(this.editor)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(false))
			.andExpect(jsonPath("$.changes", hasSize(3)))
			.andExpect(jsonPath("$.changes[0].customerName").value("Aa Recurring"))
			.andExpect(jsonPath("$.changes[0].columnLabel").value("Relationship type"))
			.andExpect(jsonPath("$.changes[0].oldValue").value("Recurring"))
			.andExpect(jsonPath("$.changes[0].newValue").value("Partnership"))
			.andExpect(jsonPath("$.changes[1].newValue").value("Purchase price, Trust"))
			.andExpect(jsonPath("$.changes[2].customerName").value("Cc Unrated"))
			.andExpect(jsonPath("$.conflicts", hasSize(1)))
			.andExpect(jsonPath("$.conflicts[0].customerName").value("Bb Partner"))
			.andExpect(jsonPath("$.ignoredColumns[0]").value("My notes"))
			.andExpect(jsonPath("$.readOnlyColumns", org.hamcrest.Matchers.hasItems("Name", "Attractiveness")));
		assertThat(current(this.recurring).ratings().get("relationship_type").levelCode()).isEqualTo("recurring");

		this.mvc.perform(multipart("/api/v1/portfolio/import").file(file(edited)).with(as(this.editor)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(true));

		EvaluationView recurringNow = current(this.recurring);
		assertThat(recurringNow.ratings().get("relationship_type").levelCode()).isEqualTo("partnership");
		assertThat(recurringNow.ratings().get("decision_criteria").levelCodes()).containsExactly("purchase_price",
				"trust");
		assertThat(recurringNow.ratings().get("sales_potential").levelCode()).as("kept").isEqualTo("high");
		assertThat(recurringNow.evaluatedBy()).isEqualTo(this.editor.username());
		assertThat(recurringNow.comment()).contains("Imported from the sheet");
		assertThat(current(this.unrated).ratings().get("relationship_type").levelCode()).isEqualTo("incidental");
		assertThat(current(this.partner).ratings().get("relationship_type").levelCode()).isEqualTo("recurring");
		assertThat(this.plans.strategy(this.partner.id())).as("conflict: not applied").isEmpty();
		assertThat(this.audit.ofCustomer(this.recurring.id(), 20))
			.anySatisfy((entry) -> assertThat(entry.subjectType()).isEqualTo("EVALUATION"));
	}

	@Test
	void anInvalidLevelRefusesTheWholeFileAndSavesNothing() throws Exception {
		List<List<String>> sheet = read(exportXlsx());
		set(sheet, 1, "Strategy", "Develop");
		set(sheet, 2, "Relationship type", "Sometimes");

		this.mvc.perform(multipart("/api/v1/portfolio/import").file(file(write(sheet))).with(as(this.editor)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.imported").value(false))
			.andExpect(jsonPath("$.problems[0].row").value(3))
			.andExpect(jsonPath("$.problems[0].column").value("Relationship type"))
			.andExpect(jsonPath("$.problems[0].value").value("Sometimes"))
			.andExpect(jsonPath("$.problems[0].message")
				.value(containsString("Partnership, Recurring, Incidental, At risk")));

		assertThat(this.plans.strategy(this.recurring.id())).isEmpty();
	}

	@Test
	void aFileThatIsNotTheSheetIsRefusedClearly() throws Exception {
		byte[] other = "customer;amount\nAcme;12\n".getBytes(StandardCharsets.UTF_8);

		this.mvc
			.perform(multipart("/api/v1/portfolio/import")
				.file(new MockMultipartFile("file", "invoices.csv", "text/csv", other))
				.with(as(this.editor)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0].code").value("sheet.import.noId"))
			.andExpect(jsonPath("$.problems[0].message").value(containsString("invoices.csv")));
		this.mvc
			.perform(multipart("/api/v1/portfolio/import").file(new MockMultipartFile("file", "broken.xlsx",
					"application/octet-stream", new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3 }))
				.with(as(this.editor)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems[0].message").value(containsString("broken.xlsx")));
	}

	@Test
	void csvWithSemicolonsComesBackTooAndFormulasStayText() throws Exception {
		this.customers.update(this.unrated.id(), 0,
				CustomerMother.customer().named("=HYPERLINK(\"http://evil\")").tagged(this.tag).details(), "test");
		byte[] csv = this.mvc
			.perform(get("/api/v1/portfolio/export").param("format", "csv")
				.param("separator", ";")
				.param("columns", COLUMNS)
				.param("f.tags", this.tag)
				.with(as(this.editor)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).contains(";\"'=HYPERLINK(\"\"http://evil\"\")\";");
		assertThat(text).contains("Aa Recurring;Recurring;Trust;;100,0;");

		byte[] edited = text.replace("Aa Recurring;Recurring;", "Aa Recurring;At risk;")
			.getBytes(StandardCharsets.UTF_8);
		this.mvc
			.perform(multipart("/api/v1/portfolio/import")
				.file(new MockMultipartFile("file", "sheet.csv", "text/csv", edited))
				.with(as(this.editor)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.changes", hasSize(1)));
		assertThat(current(this.recurring).ratings().get("relationship_type").levelCode()).isEqualTo("at_risk");

		List<List<String>> xlsx = read(exportXlsx());
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(exportXlsx()))) {
			Cell name = workbook.getFirstSheet().read().get(1).getCell(1);
			assertThat(name.getType()).isEqualTo(CellType.STRING);
			assertThat(name.getText()).isEqualTo("=HYPERLINK(\"http://evil\")");
		}
		assertThat(xlsx).hasSize(4);
	}

	@Test
	void aViewerCannotImport() throws Exception {
		UserSummary viewer = TestUsers.create(this.accounts, Role.VIEWER);
		this.mvc.perform(multipart("/api/v1/portfolio/import").file(file(exportXlsx())).with(as(viewer)))
			.andExpect(status().isForbidden());
	}

	private byte[] exportXlsx() throws Exception {
		return this.mvc
			.perform(get("/api/v1/portfolio/export").param("format", "xlsx")
				.param("columns", COLUMNS)
				.param("f.tags", this.tag)
				.with(as(this.editor)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private EvaluationView current(CustomerView customer) {
		return this.evaluations.current(customer.id()).orElseThrow();
	}

	private static List<List<String>> read(byte[] xlsx) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getFirstSheet().read()) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getCellCount(); i++) {
					Cell cell = row.getCell(i);
					cells.add((cell != null) ? cell.getText() : "");
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	/**
	 * Writes the rows back as Excel saves a workbook: numbers as numbers, the rest as
	 * text.
	 */
	private static byte[] write(List<List<String>> rows) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "Microsoft Excel", "16.0");
		Worksheet sheet = workbook.newWorksheet("Sheet1");
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < rows.get(r).size(); c++) {
				String value = rows.get(r).get(c);
				if (r > 0 && value.matches("-?\\d+(\\.\\d+)?")) {
					sheet.value(r, c, new java.math.BigDecimal(value));
				}
				else if (!value.isEmpty()) {
					sheet.value(r, c, value);
				}
			}
		}
		workbook.finish();
		return out.toByteArray();
	}

	private static void set(List<List<String>> sheet, int row, String column, String value) {
		int index = sheet.get(0).indexOf(column);
		while (sheet.get(row).size() <= index) {
			sheet.get(row).add("");
		}
		sheet.get(row).set(index, value);
	}

	private static MockMultipartFile file(byte[] content) {
		return new MockMultipartFile("file", "portfolio.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
	}

	private static RequestPostProcessor as(UserSummary user) {
		return httpBasic(user.username(), TestUsers.PASSWORD);
	}

}
