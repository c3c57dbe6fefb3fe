package org.customerportfolio.customer;

import java.util.List;
import java.util.UUID;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.audit.AuditEntry;
import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.shared.EditConflictException;
import org.customerportfolio.shared.FieldChange;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.NotFoundException;
import org.customerportfolio.shared.PageQuery;
import org.customerportfolio.shared.PageSlice;
import org.customerportfolio.shared.RuleViolation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Customers, contacts and team members through the module's API, against the real
 * database (H2, and PostgreSQL in the second run).
 */
@IntegrationTest
@Tag("persistence")
class CustomerManagementIntegrationTests {

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private AuditLog audit;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void registersACustomerWithTidiedValuesAndRecordsItInTheAuditLog() {
		UserSummary manager = TestUsers.create(this.accounts, Role.EDITOR);
		CustomerDetails details = CustomerMother.customer()
			.named("  Bouwbedrijf Pietersen  ")
			.withVat("nl 8593.18732.b01")
			.tagged("regio noord", " key account ", "regio noord")
			.managedBy(manager.id())
			.details();

		CustomerView customer = this.customers.register(details, "tester");

		assertThat(customer.name()).isEqualTo("Bouwbedrijf Pietersen");
		assertThat(customer.vatNumber()).isEqualTo("NL859318732B01");
		assertThat(customer.tags()).containsExactly("key account", "regio noord");
		assertThat(customer.accountManagerName()).isEqualTo(manager.displayName());
		assertThat(customer.version()).isZero();
		List<AuditEntry> entries = this.audit.ofCustomer(customer.id(), 100);
		assertThat(entries).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("CREATED");
			assertThat(entry.field()).isEqualTo("name");
			assertThat(entry.newValue()).isEqualTo("Bouwbedrijf Pietersen");
			assertThat(entry.actor()).isEqualTo("tester");
		});
	}

	@Test
	void storesTheCustomerInTheColumnsTheMigrationsDefine() {
		CustomerView customer = this.customers.register(CustomerMother.customer().tagged("a", "b").details(), "tester");

		String status = this.jdbc.sql("select status from customer where id = ?")
			.param(customer.id())
			.query(String.class)
			.single();
		List<String> tags = this.jdbc.sql("select tag from customer_tag where customer_id = ? order by tag")
			.param(customer.id())
			.query(String.class)
			.list();
		assertThat(status).isEqualTo("ACTIVE");
		assertThat(tags).containsExactly("a", "b");
	}

	@Test
	void updatesAndRecordsEachChangedFieldWithOldAndNewValue() {
		CustomerView customer = this.customers.register(CustomerMother.customer().inCity("Utrecht").details(), "a");

		CustomerDetails changed = CustomerMother.customer()
			.named(customer.name())
			.withReference(customer.externalRef())
			.inCity("Amersfoort")
			.details();
		CustomerView updated = this.customers.update(customer.id(), customer.version(), changed, "b");

		assertThat(updated.city()).isEqualTo("Amersfoort");
		assertThat(updated.version()).isEqualTo(customer.version() + 1);
		assertThat(this.audit.ofCustomer(customer.id(), 100)).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("UPDATED");
			assertThat(entry.field()).isEqualTo("city");
			assertThat(entry.oldValue()).isEqualTo("Utrecht");
			assertThat(entry.newValue()).isEqualTo("Amersfoort");
			assertThat(entry.actor()).isEqualTo("b");
		});
		assertThat(this.audit.ofCustomer(customer.id(), 100)).filteredOn((entry) -> "UPDATED".equals(entry.action()))
			.extracting(AuditEntry::field)
			.containsExactly("city");
	}

	@Test
	void refusesAStaleEditAndTellsWhatChangedSince() {
		CustomerView customer = this.customers.register(CustomerMother.customer().inCity("Utrecht").details(), "a");
		CustomerDetails first = CustomerMother.customer()
			.named(customer.name())
			.withReference(customer.externalRef())
			.inCity("Zwolle")
			.details();
		CustomerDetails second = CustomerMother.customer()
			.named("Renamed by the second editor")
			.withReference(customer.externalRef())
			.details();
		this.customers.update(customer.id(), customer.version(), first, "anna");

		assertThatExceptionOfType(EditConflictException.class)
			.isThrownBy(() -> this.customers.update(customer.id(), customer.version(), second, "bram"))
			.satisfies((conflict) -> {
				assertThat(conflict.currentVersion()).isEqualTo(customer.version() + 1);
				assertThat(conflict.changesSince())
					.extracting(FieldChange::field, FieldChange::oldValue, FieldChange::newValue, FieldChange::actor)
					.containsExactly(org.assertj.core.groups.Tuple.tuple("city", "Utrecht", "Zwolle", "anna"));
			});
		assertThat(this.customers.customer(customer.id()).name()).isEqualTo(customer.name());
	}

	@Test
	void refusesADuplicateExternalReferenceAndSavesNothing() {
		CustomerView existing = this.customers.register(CustomerMother.customer().details(), "a");
		long before = count();

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.customers
				.register(CustomerMother.customer().withReference(existing.externalRef()).details(), "a"))
			.satisfies((invalid) -> assertThat(invalid.violations())
				.extracting(RuleViolation::field, RuleViolation::code)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("externalRef", "customer.externalRef.taken")));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void reportsEveryInvalidFieldAtOnce() {
		CustomerDetails bad = new CustomerDetails(" ", "ok-ref-" + UUID.randomUUID().toString().substring(0, 8),
				"no-such-type", "!", "12", "XX", "x".repeat(101), "javascript:alert(1)", CustomerStatus.ACTIVE,
				List.of("a,b"), null, 999_999L);

		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.customers.register(bad, "a"))
			.satisfies((invalid) -> assertThat(invalid.violations()).extracting(RuleViolation::field)
				.containsExactlyInAnyOrder("name", "registrationNumber", "vatNumber", "country", "city", "website",
						"tags", "businessType", "accountManagerId"));
	}

	@Test
	void archivesAndRestoresWithoutLosingAnything() {
		CustomerView customer = this.customers.register(CustomerMother.customer().details(), "a");

		this.customers.archive(customer.id(), "a");

		assertThat(this.customers.customer(customer.id()).archived()).isTrue();
		assertThat(search(new CustomerFilter(customer.name(), null, null, null, null, false)).content()).isEmpty();
		assertThat(search(new CustomerFilter(customer.name(), null, null, null, null, true)).content())
			.extracting(CustomerView::id)
			.containsExactly(customer.id());
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> this.customers.update(customer.id(),
				customer.version() + 1, CustomerMother.customer().details(), "a"));
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> this.customers.addContact(customer.id(), contact("Piet"), "a"));

		this.customers.restore(customer.id(), "a");

		assertThat(this.customers.customer(customer.id()).archived()).isFalse();
		assertThat(this.audit.ofCustomer(customer.id(), 100)).extracting(AuditEntry::action)
			.contains("ARCHIVED", "RESTORED");
	}

	@Test
	void answersNotFoundForAnUnknownCustomer() {
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.customers.customer(987_654_321L));
	}

	@Test
	void searchesNameReferenceAndCityAndFiltersByTagTypeAndManager() {
		String marker = "Zoek" + UUID.randomUUID().toString().substring(0, 6);
		UserSummary manager = TestUsers.create(this.accounts, Role.EDITOR);
		CustomerView a = this.customers
			.register(CustomerMother.customer().named(marker + " Alfa").ofType("contractor").details(), "t");
		CustomerView b = this.customers.register(CustomerMother.customer()
			.named(marker + " Beta")
			.tagged("vip-" + marker)
			.managedBy(manager.id())
			.details(), "t");
		CustomerView c = this.customers.register(CustomerMother.customer().inCity(marker + "stad").details(), "t");

		assertThat(search(new CustomerFilter(marker.toLowerCase(), null, null, null, null, false)).content())
			.extracting(CustomerView::id)
			.containsExactlyInAnyOrder(a.id(), b.id(), c.id());
		assertThat(search(new CustomerFilter(a.externalRef(), null, null, null, null, false)).content())
			.extracting(CustomerView::id)
			.containsExactly(a.id());
		assertThat(search(new CustomerFilter(marker, "contractor", null, null, null, false)).content())
			.extracting(CustomerView::id)
			.containsExactly(a.id());
		assertThat(search(new CustomerFilter(null, null, null, null, "vip-" + marker, false)).content())
			.extracting(CustomerView::id)
			.containsExactly(b.id());
		assertThat(search(new CustomerFilter(null, null, null, manager.id(), null, false)).content())
			.extracting(CustomerView::accountManagerName)
			.containsExactly(manager.displayName());
	}

	@Test
	void treatsLikeWildcardsInTheSearchTextAsPlainCharacters() {
		String marker = "Pct" + UUID.randomUUID().toString().substring(0, 6);
		CustomerView percent = this.customers.register(CustomerMother.customer().named(marker + " 100% bouw").details(),
				"t");
		this.customers.register(CustomerMother.customer().named(marker + " 100 bouw").details(), "t");

		assertThat(search(new CustomerFilter(marker + " 100%", null, null, null, null, false)).content())
			.extracting(CustomerView::id)
			.containsExactly(percent.id());
	}

	@Test
	void pagesAndSortsInTheDatabase() {
		String marker = "Page" + UUID.randomUUID().toString().substring(0, 6);
		for (String letter : List.of("c", "a", "e", "b", "d")) {
			this.customers.register(CustomerMother.customer().named(marker + " " + letter).details(), "t");
		}
		CustomerFilter filter = new CustomerFilter(marker, null, null, null, null, false);

		PageSlice<CustomerView> first = this.customers.search(filter,
				PageQuery.of(0, 2, "name,desc", CustomerManagement.sortableFields(), "name"));
		PageSlice<CustomerView> last = this.customers.search(filter,
				PageQuery.of(2, 2, "name,desc", CustomerManagement.sortableFields(), "name"));

		assertThat(first.totalElements()).isEqualTo(5);
		assertThat(first.totalPages()).isEqualTo(3);
		assertThat(first.content()).extracting(CustomerView::name).containsExactly(marker + " e", marker + " d");
		assertThat(last.content()).extracting(CustomerView::name).containsExactly(marker + " a");
	}

	@Test
	void keepsContactsWithTheirRoleAndArchivesRemovedOnes() {
		CustomerView customer = this.customers.register(CustomerMother.customer().details(), "a");
		ContactView piet = this.customers.addContact(customer.id(), new ContactDetails("Piet de Boer", "Directeur",
				"piet@example.nl", "+31 30 123 4567", ContactRole.DECISION_MAKER, null), "a");
		this.customers.addContact(customer.id(), contact("Anna"), "a");

		ContactView updated = this.customers.updateContact(customer.id(), piet.id(), piet.version(),
				new ContactDetails("Piet de Boer", "CEO", "piet@example.nl", null, ContactRole.DECISION_MAKER, null),
				"a");
		this.customers.removeContact(customer.id(), updated.id(), "a");

		assertThat(this.customers.contacts(customer.id())).extracting(ContactView::name).containsExactly("Anna");
		assertThat(this.jdbc.sql("select archived from contact where id = ?")
			.param(piet.id())
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.audit.ofCustomer(customer.id(), 100)).anySatisfy((entry) -> {
			assertThat(entry.subjectType()).isEqualTo("CONTACT");
			assertThat(entry.field()).isEqualTo("contact.jobTitle");
			assertThat(entry.oldValue()).isEqualTo("Directeur");
			assertThat(entry.newValue()).isEqualTo("CEO");
		});
		assertThatExceptionOfType(EditConflictException.class).isThrownBy(() -> this.customers
			.updateContact(customer.id(), this.customers.contacts(customer.id()).get(0).id(), 42, contact("X"), "a"));
	}

	@Test
	void refusesAnInvalidContact() {
		CustomerView customer = this.customers.register(CustomerMother.customer().details(), "a");

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.customers.addContact(customer.id(),
					new ContactDetails("", null, "not-an-email", "12", ContactRole.USER, null), "a"))
			.satisfies((invalid) -> assertThat(invalid.violations()).extracting(RuleViolation::field)
				.containsExactlyInAnyOrder("name", "email", "phone"));
		assertThat(this.customers.contacts(customer.id())).isEmpty();
	}

	@Test
	void keepsTeamMembersAsUsersOrNamedColleagues() {
		CustomerView customer = this.customers.register(CustomerMother.customer().details(), "a");
		UserSummary user = TestUsers.create(this.accounts, Role.EDITOR);

		this.customers.addTeamMember(customer.id(), new TeamMemberDetails(user.id(), null, TeamRole.ACCOUNT_MANAGER),
				"a");
		this.customers.addTeamMember(customer.id(),
				new TeamMemberDetails(null, "Karin (finance)", TeamRole.EXECUTIVE_SPONSOR), "a");

		assertThat(this.customers.team(customer.id())).extracting(TeamMemberView::displayName, TeamMemberView::role)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(user.displayName(), TeamRole.ACCOUNT_MANAGER),
					org.assertj.core.groups.Tuple.tuple("Karin (finance)", TeamRole.EXECUTIVE_SPONSOR));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.customers
			.addTeamMember(customer.id(), new TeamMemberDetails(null, " ", TeamRole.SPECIALIST), "a"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.customers
			.addTeamMember(customer.id(), new TeamMemberDetails(999_999L, null, TeamRole.SPECIALIST), "a"));
	}

	private PageSlice<CustomerView> search(CustomerFilter filter) {
		return this.customers.search(filter, PageQuery.of(0, 50, null, CustomerManagement.sortableFields(), "name"));
	}

	private long count() {
		return this.jdbc.sql("select count(*) from customer").query(Long.class).single();
	}

	private static ContactDetails contact(String name) {
		return new ContactDetails(name, null, null, null, ContactRole.OTHER, null);
	}

}
