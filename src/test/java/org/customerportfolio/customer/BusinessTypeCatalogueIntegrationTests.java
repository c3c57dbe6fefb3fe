package org.customerportfolio.customer;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.Language;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The configurable list of business types, with the defaults a fresh installation ships.
 */
@IntegrationTest
@Tag("persistence")
class BusinessTypeCatalogueIntegrationTests {

	@Autowired
	private BusinessTypeCatalogue catalogue;

	@Autowired
	private CustomerManagement customers;

	@Test
	void shipsTheDefaultBusinessTypesInBothLanguages() {
		assertThat(this.catalogue.all()).extracting(BusinessType::code)
			.startsWith("investor", "government", "municipal", "manufacturer", "contractor", "consultant", "other");
		assertThat(this.catalogue.all()).filteredOn((type) -> type.code().equals("municipal"))
			.singleElement()
			.satisfies((type) -> {
				assertThat(type.label(Language.NL)).isEqualTo("Gemeentelijke organisatie");
				assertThat(type.label(Language.EN)).isEqualTo("Municipal organisation");
			});
	}

	@Test
	void aRetiredTypeIsNoLongerOfferedButCustomersThatHaveItKeepIt() {
		String code = "retired_" + System.nanoTime() % 100000;
		BusinessType type = this.catalogue.add(code, "Woningcorporatie", "Housing association", "admin");
		CustomerView customer = this.customers.register(CustomerMother.customer().ofType(code).details(), "x");

		this.catalogue.update(type.id(), type.version(), type.labelNl(), type.labelEn(), type.position(), false,
				"admin");

		CustomerView renamed = this.customers.update(customer.id(), customer.version(),
				CustomerMother.customer().withReference(customer.externalRef()).ofType(code).named("Renamed").details(),
				"x");
		assertThat(renamed.businessType()).isEqualTo(code);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.customers.register(CustomerMother.customer().ofType(code).details(), "x"));
	}

	@Test
	void refusesBadCodesDuplicatesAndEmptyLabels() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.catalogue.add("Not A Code", "a", "b", "admin"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.catalogue.add("contractor", "a", "b", "admin"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.catalogue.add("fresh_code", " ", "b", "admin"));
	}

}
