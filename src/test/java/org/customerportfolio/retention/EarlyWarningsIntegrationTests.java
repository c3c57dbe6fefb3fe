package org.customerportfolio.retention;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.customer.CustomerKey;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerMother;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.evaluation.EvaluationManagement;
import org.customerportfolio.plan.PlanManagement;
import org.customerportfolio.shared.EditConflictException;
import org.customerportfolio.shared.Formats;
import org.customerportfolio.shared.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Early warnings raised by the set-based rules on real evaluations and imported invoices,
 * the thresholds and when each warning was first seen.
 */
@IntegrationTest
@Tag("persistence")
class EarlyWarningsIntegrationTests {

	@Autowired
	private EarlyWarnings warnings;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private EvaluationManagement evaluations;

	@Autowired
	private PlanManagement plans;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private AuditLog audit;

	@Autowired
	private Formats formats;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	private CustomerView customer;

	@BeforeEach
	void customer() {
		this.customer = this.customers.register(CustomerMother.customer().details(), "test");
	}

	@Test
	void warnsOfARelationshipAtRiskAndAFailingOutlook() {
		assertThat(kinds(this.customer.id())).isEmpty();

		this.evaluations.record(this.customer.id(),
				answers("relationship_type", "at_risk", "business_outlook", "failing"), null, "anna");

		assertThat(kinds(this.customer.id())).containsExactly(WarningKind.AT_RISK, WarningKind.OUTLOOK_FAILING);
		assertThat(this.warnings.current()).filteredOn((warning) -> warning.customerId() == this.customer.id())
			.hasSize(2);
	}

	@Test
	void warnsWhenARatingDropsSinceThePreviousEvaluation() {
		// strength: (100 + 100) / 2 = 100, then (33 + 0) / 2 = 16.5: 83.5 points lower
		this.evaluations.record(this.customer.id(),
				answers("relationship_type", "partnership", "share_of_wallet", "large"), null, "anna");
		assertThat(kinds(this.customer.id())).doesNotContain(WarningKind.RATING_DROPPED);

		this.evaluations.record(this.customer.id(),
				answers("relationship_type", "incidental", "share_of_wallet", "small"), null, "anna");

		assertThat(this.warnings.of(this.customer.id()))
			.filteredOn((warning) -> warning.kind() == WarningKind.RATING_DROPPED)
			.singleElement()
			.satisfies((warning) -> assertThat(warning.value()).isEqualByComparingTo("83.5"));
	}

	@Test
	void aDropBelowTheThresholdRaisesNoWarning() {
		// attractiveness: five criteria at 100, then sales potential moderate (67):
		// (67 + 4 × 100) / 5 = 93.4, 6.6 points lower, below the default 10
		this.evaluations.record(this.customer.id(), answers("sales_potential", "high", "learning", "high",
				"rnd_cooperation", "ongoing", "profitability", "high", "business_outlook", "growing"), null, "anna");
		this.evaluations.record(this.customer.id(), answers("sales_potential", "moderate", "learning", "high",
				"rnd_cooperation", "ongoing", "profitability", "high", "business_outlook", "growing"), null, "anna");

		assertThat(kinds(this.customer.id())).doesNotContain(WarningKind.RATING_DROPPED);
	}

	@Test
	void warnsWhenTheLastTwelveMonthsFellBelowTheTwelveBefore() throws Exception {
		String reference = "W-" + System.nanoTime();
		LocalDate month = this.formats.today().withDayOfMonth(1);
		importInvoices(reference, "2000", month.minusMonths(18), "200", month.minusMonths(6));
		long id = idOf(reference);

		// 200 against 2,000: 90 % less, beyond the 20 % threshold
		assertThat(this.warnings.of(id)).filteredOn((warning) -> warning.kind() == WarningKind.REVENUE_FALLING)
			.singleElement()
			.satisfies((warning) -> assertThat(warning.value()).isEqualByComparingTo("-90.0"));
	}

	@Test
	void warnsOfOneCustomerAboveAShareOfTotalRevenue() throws Exception {
		String reference = "C-" + System.nanoTime();
		LocalDate month = this.formats.today().withDayOfMonth(1);
		importInvoices(reference, "90000000", month.minusMonths(2), "90000000", month.minusMonths(3));

		assertThat(kinds(idOf(reference))).contains(WarningKind.CONCENTRATION);
	}

	@Test
	void warnsWhenNotEvaluatedForTwelveMonths() {
		assertThat(kinds(this.customer.id())).doesNotContain(WarningKind.NOT_EVALUATED);

		this.jdbc.sql("update customer set created_at = :at where id = :id")
			.param("at", java.sql.Timestamp.from(Instant.now().minusSeconds(400L * 24 * 3600)))
			.param("id", this.customer.id())
			.update();

		assertThat(this.warnings.of(this.customer.id()))
			.filteredOn((warning) -> warning.kind() == WarningKind.NOT_EVALUATED)
			.singleElement()
			.satisfies((warning) -> assertThat(warning.value()).isNull());
	}

	@Test
	void anEndedRelationshipRaisesNoWarnings() {
		this.evaluations.record(this.customer.id(), answers("relationship_type", "at_risk"), null, "anna");
		assertThat(kinds(this.customer.id())).contains(WarningKind.AT_RISK);

		this.plans.endRelationship(this.customer.id(), "Nothing left to gain", this.formats.today(), "anna");

		assertThat(kinds(this.customer.id())).isEmpty();
	}

	@Test
	void remembersWhenAWarningFirstAppeared() {
		Instant before = Instant.now().minusSeconds(1);
		this.evaluations.record(this.customer.id(), answers("business_outlook", "failing"), null, "anna");

		assertThat(this.warnings.newSince(before)).extracting((fresh) -> fresh.warning().customerId())
			.contains(this.customer.id());
		assertThat(this.warnings.newSince(Instant.now().plusSeconds(60))).isEmpty();
	}

	@Test
	void administratorsChangeThresholdsWithinTheirRangeAndEveryChangeIsAudited() {
		WarningSetting setting = setting(WarningKind.RATING_DROPPED);

		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.warnings
			.update(WarningKind.RATING_DROPPED, true, new BigDecimal("-5"), setting.version(), "admin"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.warnings.update(WarningKind.NOT_EVALUATED, true, new BigDecimal("1.5"),
					setting(WarningKind.NOT_EVALUATED).version(), "admin"));

		WarningSetting changed = this.warnings.update(WarningKind.RATING_DROPPED, true, new BigDecimal("15"),
				setting.version(), "admin");
		try {
			assertThat(changed.threshold()).isEqualByComparingTo("15");
			assertThat(this.audit.ofSubject(EarlyWarnings.SETTING, WarningKind.RATING_DROPPED.ordinal() + 1, 10))
				.anySatisfy((entry) -> {
					assertThat(entry.field()).isEqualTo("warning.threshold");
					assertThat(entry.newValue()).isEqualTo("15");
				});
			assertThatExceptionOfType(EditConflictException.class).isThrownBy(() -> this.warnings
				.update(WarningKind.RATING_DROPPED, true, BigDecimal.TEN, setting.version(), "other"));
		}
		finally {
			this.warnings.update(WarningKind.RATING_DROPPED, true, setting.threshold(), changed.version(), "admin");
		}
	}

	@Test
	void answersTheApiWithTheWarningsAndTheRules() throws Exception {
		UserSummary viewer = TestUsers.create(this.accounts, Role.VIEWER);
		this.evaluations.record(this.customer.id(), answers("relationship_type", "at_risk"), null, "anna");

		this.mvc
			.perform(get("/api/v1/customers/{id}/warnings", this.customer.id())
				.with(httpBasic(viewer.username(), TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[0].kind").value("AT_RISK"))
			.andExpect(jsonPath("$.rules.length()").value(6));
		this.mvc
			.perform(get("/api/v1/warnings").param("kind", "AT_RISK")
				.with(httpBasic(viewer.username(), TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[?(@.customerId == " + this.customer.id() + ")].kind").value("AT_RISK"));
	}

	private List<WarningKind> kinds(long customerId) {
		return this.warnings.of(customerId).stream().map(EarlyWarning::kind).toList();
	}

	private WarningSetting setting(WarningKind kind) {
		return this.warnings.settings().stream().filter((setting) -> setting.kind() == kind).findFirst().orElseThrow();
	}

	private void importInvoices(String reference, String firstAmount, LocalDate firstDate, String secondAmount,
			LocalDate secondDate) throws Exception {
		UserSummary editor = TestUsers.create(this.accounts, Role.EDITOR);
		String csv = "Order ID,Customer ID,Company Name,Order Date,Category,Product,Amount\r\n" + reference + "-1,"
				+ reference + ",Falling " + reference + "," + firstDate + ",Consulting,Advice," + firstAmount + "\r\n"
				+ reference + "-2," + reference + ",Falling " + reference + "," + secondDate + ",Consulting,Advice,"
				+ secondAmount + "\r\n";
		this.mvc
			.perform(multipart("/api/v1/imports/invoices")
				.file(new MockMultipartFile("file", "invoices.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.with(httpBasic(editor.username(), TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(true));
	}

	private long idOf(String reference) {
		return this.customers.keys()
			.stream()
			.filter((key) -> reference.equals(key.externalRef()))
			.map(CustomerKey::id)
			.findFirst()
			.orElseThrow();
	}

	private static Map<String, List<String>> answers(String... keysAndValues) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			answers.put(keysAndValues[i], List.of(keysAndValues[i + 1]));
		}
		return answers;
	}

}
