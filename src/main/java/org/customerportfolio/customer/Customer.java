package org.customerportfolio.customer;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A company we sell to. Never deleted: archiving hides it from the working lists and
 * restoring brings it back, with all its history.
 */
@Table("customer")
public class Customer {

	@Id
	private @Nullable Long id;

	@Version
	private @Nullable Long version;

	private String name;

	private @Nullable String externalRef;

	private @Nullable String businessType;

	private @Nullable String registrationNumber;

	private @Nullable String vatNumber;

	private @Nullable String country;

	private @Nullable String city;

	private @Nullable String website;

	private CustomerStatus status;

	private @Nullable String notes;

	private @Nullable Long accountManagerId;

	@MappedCollection(idColumn = "customer_id")
	private Set<CustomerTag> tags;

	private boolean archived;

	private final Instant createdAt;

	private Instant updatedAt;

	@PersistenceCreator
	Customer(@Nullable Long id, @Nullable Long version, String name, @Nullable String externalRef,
			@Nullable String businessType, @Nullable String registrationNumber, @Nullable String vatNumber,
			@Nullable String country, @Nullable String city, @Nullable String website, CustomerStatus status,
			@Nullable String notes, @Nullable Long accountManagerId, Set<CustomerTag> tags, boolean archived,
			Instant createdAt, Instant updatedAt) {
		this.id = id;
		this.version = version;
		this.name = name;
		this.externalRef = externalRef;
		this.businessType = businessType;
		this.registrationNumber = registrationNumber;
		this.vatNumber = vatNumber;
		this.country = country;
		this.city = city;
		this.website = website;
		this.status = status;
		this.notes = notes;
		this.accountManagerId = accountManagerId;
		this.tags = new LinkedHashSet<>(tags);
		this.archived = archived;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	static Customer register(CustomerDetails details, Instant now) {
		Customer customer = new Customer(null, null, details.name(), null, null, null, null, null, null, null,
				details.status(), null, null, Set.of(), false, now, now);
		customer.apply(details, now);
		return customer;
	}

	void update(CustomerDetails details, Instant now) {
		requireNotArchived();
		apply(details, now);
	}

	void archive(Instant now) {
		if (this.archived) {
			throw new RuleViolation(null, "customer.alreadyArchived");
		}
		this.archived = true;
		this.updatedAt = now;
	}

	void restore(Instant now) {
		if (!this.archived) {
			throw new RuleViolation(null, "customer.notArchived");
		}
		this.archived = false;
		this.updatedAt = now;
	}

	void requireNotArchived() {
		if (this.archived) {
			throw new RuleViolation(null, "customer.archived.refused");
		}
	}

	private void apply(CustomerDetails details, Instant now) {
		this.name = details.name();
		this.externalRef = details.externalRef();
		this.businessType = details.businessType();
		this.registrationNumber = details.registrationNumber();
		this.vatNumber = details.vatNumber();
		this.country = details.country();
		this.city = details.city();
		this.website = details.website();
		this.status = details.status();
		this.notes = details.notes();
		this.accountManagerId = details.accountManagerId();
		this.tags = new LinkedHashSet<>(details.tags().stream().map(CustomerTag::new).toList());
		this.updatedAt = now;
	}

	public CustomerDetails details() {
		return new CustomerDetails(this.name, this.externalRef, this.businessType, this.registrationNumber,
				this.vatNumber, this.country, this.city, this.website, this.status, tagNames(), this.notes,
				this.accountManagerId);
	}

	public List<String> tagNames() {
		return this.tags.stream().map(CustomerTag::tag).sorted(Comparator.naturalOrder()).toList();
	}

	public long id() {
		if (this.id == null) {
			throw new IllegalStateException("Customer not saved yet");
		}
		return this.id;
	}

	public long version() {
		return (this.version != null) ? this.version : 0;
	}

	public String name() {
		return this.name;
	}

	public boolean archived() {
		return this.archived;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

}
