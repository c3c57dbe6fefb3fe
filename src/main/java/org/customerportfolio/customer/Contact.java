package org.customerportfolio.customer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person on the customer's side and the part they play in the relationship. Removing
 * one archives it.
 */
@Table("contact")
class Contact {

	@Id
	private @Nullable Long id;

	@Version
	private @Nullable Long version;

	private final long customerId;

	private String name;

	private @Nullable String jobTitle;

	private @Nullable String email;

	private @Nullable String phone;

	private ContactRole role;

	private @Nullable String notes;

	private boolean archived;

	@PersistenceCreator
	Contact(@Nullable Long id, @Nullable Long version, long customerId, String name, @Nullable String jobTitle,
			@Nullable String email, @Nullable String phone, ContactRole role, @Nullable String notes,
			boolean archived) {
		this.id = id;
		this.version = version;
		this.customerId = customerId;
		this.name = name;
		this.jobTitle = jobTitle;
		this.email = email;
		this.phone = phone;
		this.role = role;
		this.notes = notes;
		this.archived = archived;
	}

	static Contact add(long customerId, ContactDetails details) {
		return new Contact(null, null, customerId, details.name(), details.jobTitle(), details.email(), details.phone(),
				details.role(), details.notes(), false);
	}

	void update(ContactDetails details) {
		this.name = details.name();
		this.jobTitle = details.jobTitle();
		this.email = details.email();
		this.phone = details.phone();
		this.role = details.role();
		this.notes = details.notes();
	}

	void archive() {
		this.archived = true;
	}

	ContactDetails details() {
		return new ContactDetails(this.name, this.jobTitle, this.email, this.phone, this.role, this.notes);
	}

	ContactView view() {
		return new ContactView(id(), version(), this.customerId, this.name, this.jobTitle, this.email, this.phone,
				this.role, this.notes);
	}

	static Map<String, String> auditSnapshot(ContactDetails details) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("contact.name", details.name());
		values.put("contact.jobTitle", Objects.toString(details.jobTitle(), ""));
		values.put("contact.email", Objects.toString(details.email(), ""));
		values.put("contact.phone", Objects.toString(details.phone(), ""));
		values.put("contact.role", details.role().name());
		values.put("contact.notes", Objects.toString(details.notes(), ""));
		return values;
	}

	long id() {
		return Objects.requireNonNull(this.id, "contact not saved yet");
	}

	long version() {
		return (this.version != null) ? this.version : 0;
	}

	long customerId() {
		return this.customerId;
	}

	boolean archived() {
		return this.archived;
	}

}
