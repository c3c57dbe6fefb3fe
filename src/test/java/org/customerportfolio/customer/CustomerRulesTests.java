package org.customerportfolio.customer;

import java.util.List;

import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The shape rules for customers and contacts, without a database.
 */
class CustomerRulesTests {

	@Test
	void tidiesInputBeforeCheckingIt() {
		CustomerDetails tidied = CustomerRules
			.tidy(new CustomerDetails("  Van Dijk BV ", " ", "contractor", null, "be 0123.456.789", "be", " Gent ",
					"vandijk.be", CustomerStatus.ACTIVE, List.of(" a ", "", "b", "a"), "line one\r\nline two", null));

		assertThat(tidied.name()).isEqualTo("Van Dijk BV");
		assertThat(tidied.externalRef()).isNull();
		assertThat(tidied.vatNumber()).isEqualTo("BE0123456789");
		assertThat(tidied.country()).isEqualTo("BE");
		assertThat(tidied.city()).isEqualTo("Gent");
		assertThat(tidied.website()).isEqualTo("https://vandijk.be");
		assertThat(tidied.tags()).containsExactly("a", "b");
		assertThat(tidied.notes()).isEqualTo("line one\nline two");
		assertThatNoException().isThrownBy(() -> CustomerRules.check(tidied));
	}

	@ParameterizedTest
	@ValueSource(strings = { "NL859318732B01", "BE0123456789", "DE123456789", "FRXX999999999" })
	void acceptsEuropeanVatNumbers(String vat) {
		assertThatNoException().isThrownBy(() -> CustomerRules.check(customerWithVat(vat)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "123456789", "N1234", "NL", "NL12345678901234567", "NL-123" })
	void refusesMalformedVatNumbers(String vat) {
		assertThat(violations(customerWithVat(vat))).extracting(RuleViolation::code)
			.containsExactly("customer.vatNumber.invalid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "https://localhost", "ftp://files.example.nl",
			"https://user:pass@example.nl", "https://exa mple.nl" })
	void refusesWebsitesThatAreNotPlainWebAddresses(String website) {
		CustomerDetails details = new CustomerDetails("X", null, null, null, null, null, null, website,
				CustomerStatus.ACTIVE, List.of(), null, null);

		assertThat(violations(details)).extracting(RuleViolation::field).containsExactly("website");
	}

	@Test
	void limitsLengthsAndRefusesControlCharacters() {
		CustomerDetails details = new CustomerDetails("x".repeat(201), null, null, null, null, null, "Delft\u0000",
				null, CustomerStatus.ACTIVE, List.of(), "n".repeat(10001), null);

		assertThat(violations(details)).extracting(RuleViolation::field, RuleViolation::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("name", "field.tooLong"),
					org.assertj.core.groups.Tuple.tuple("city", "field.controlCharacters"),
					org.assertj.core.groups.Tuple.tuple("notes", "field.tooLong"));
	}

	@Test
	void limitsTheNumberAndShapeOfTags() {
		List<String> many = java.util.stream.IntStream.range(0, 21).mapToObj((i) -> "tag" + i).toList();

		assertThat(violations(customerWithTags(many))).extracting(RuleViolation::code)
			.containsExactly("customer.tags.tooMany");
		assertThat(violations(customerWithTags(List.of("<b>")))).extracting(RuleViolation::code)
			.containsExactly("customer.tag.invalid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "piet@example", "piet example.nl", "@example.nl", "piet@@example.nl" })
	void refusesMalformedEmailAddresses(String email) {
		ContactDetails contact = new ContactDetails("Piet", null, email, null, ContactRole.USER, null);

		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> CustomerRules.check(contact))
			.satisfies((invalid) -> assertThat(invalid.violations()).extracting(RuleViolation::field)
				.containsExactly("email"));
	}

	@Test
	void acceptsUsualPhoneNumbersAndRefusesWords() {
		assertThatNoException().isThrownBy(() -> CustomerRules
			.check(new ContactDetails("Piet", null, null, "+31 (0)30-123 45 67", ContactRole.USER, null)));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(
				() -> CustomerRules.check(new ContactDetails("Piet", null, null, "call me", ContactRole.USER, null)));
	}

	@Test
	void aTeamMemberIsAUserOrANamedColleague() {
		assertThat(CustomerRules.tidy(new TeamMemberDetails(7L, "ignored", TeamRole.SPECIALIST)).colleagueName())
			.isNull();
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(
				() -> CustomerRules.check(CustomerRules.tidy(new TeamMemberDetails(null, "  ", TeamRole.OTHER))));
	}

	private static CustomerDetails customerWithVat(String vat) {
		return new CustomerDetails("X", null, null, null, vat, null, null, null, CustomerStatus.ACTIVE, List.of(), null,
				null);
	}

	private static CustomerDetails customerWithTags(List<String> tags) {
		return new CustomerDetails("X", null, null, null, null, null, null, null, CustomerStatus.ACTIVE, tags, null,
				null);
	}

	private static List<RuleViolation> violations(CustomerDetails details) {
		try {
			CustomerRules.check(details);
			return List.of();
		}
		catch (InvalidInputException ex) {
			return ex.violations();
		}
	}

}
