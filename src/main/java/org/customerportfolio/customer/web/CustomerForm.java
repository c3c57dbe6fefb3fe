package org.customerportfolio.customer.web;

import java.util.Arrays;
import java.util.List;

import org.customerportfolio.customer.CustomerDetails;
import org.customerportfolio.customer.CustomerStatus;
import org.customerportfolio.customer.CustomerView;
import org.jspecify.annotations.Nullable;

/**
 * The customer form as the browser sends it: tags as one comma-separated text.
 */
record CustomerForm(@Nullable String name, @Nullable String externalRef, @Nullable String businessType,
		@Nullable String registrationNumber, @Nullable String vatNumber, @Nullable String country,
		@Nullable String city, @Nullable String website, @Nullable CustomerStatus status, @Nullable String tags,
		@Nullable String notes, @Nullable Long accountManagerId, @Nullable Long version) {

	static CustomerForm empty(@Nullable Long accountManagerId) {
		return new CustomerForm("", "", "", "", "", "NL", "", "", CustomerStatus.ACTIVE, "", "", accountManagerId,
				null);
	}

	static CustomerForm of(CustomerView customer) {
		return new CustomerForm(customer.name(), customer.externalRef(), customer.businessType(),
				customer.registrationNumber(), customer.vatNumber(), customer.country(), customer.city(),
				customer.website(), customer.status(), String.join(", ", customer.tags()), customer.notes(),
				customer.accountManagerId(), customer.version());
	}

	CustomerDetails details() {
		List<String> tagList = (this.tags == null) ? List.of()
				: Arrays.stream(this.tags.split(",")).map(String::strip).filter((tag) -> !tag.isEmpty()).toList();
		return new CustomerDetails((this.name != null) ? this.name : "", this.externalRef, this.businessType,
				this.registrationNumber, this.vatNumber, this.country, this.city, this.website,
				(this.status != null) ? this.status : CustomerStatus.ACTIVE, tagList, this.notes,
				this.accountManagerId);
	}

	CustomerForm withVersion(long version) {
		return new CustomerForm(this.name, this.externalRef, this.businessType, this.registrationNumber, this.vatNumber,
				this.country, this.city, this.website, this.status, this.tags, this.notes, this.accountManagerId,
				version);
	}

}
