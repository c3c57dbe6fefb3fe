package org.customerportfolio.customer.web;

import org.customerportfolio.customer.ContactDetails;
import org.customerportfolio.customer.ContactRole;
import org.customerportfolio.customer.ContactView;
import org.jspecify.annotations.Nullable;

/**
 * The contact form as the browser sends it.
 */
record ContactForm(@Nullable String name, @Nullable String jobTitle, @Nullable String email, @Nullable String phone,
		@Nullable ContactRole role, @Nullable String notes, @Nullable Long version) {

	static ContactForm empty() {
		return new ContactForm("", "", "", "", ContactRole.DECISION_MAKER, "", null);
	}

	static ContactForm of(ContactView contact) {
		return new ContactForm(contact.name(), contact.jobTitle(), contact.email(), contact.phone(), contact.role(),
				contact.notes(), contact.version());
	}

	ContactDetails details() {
		return new ContactDetails((this.name != null) ? this.name : "", this.jobTitle, this.email, this.phone,
				(this.role != null) ? this.role : ContactRole.OTHER, this.notes);
	}

	ContactForm withVersion(long version) {
		return new ContactForm(this.name, this.jobTitle, this.email, this.phone, this.role, this.notes, version);
	}

}
