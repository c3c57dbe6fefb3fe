package org.customerportfolio.customer;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Customer details for tests: believable defaults, each with a unique name and reference,
 * changed one field at a time.
 */
public final class CustomerMother {

	private static final AtomicInteger counter = new AtomicInteger();

	private String name;

	private String reference;

	private String businessType = "consultant";

	private String vat = "NL859318732B01";

	private String city = "Utrecht";

	private List<String> tags = List.of("key account");

	private Long accountManagerId;

	private CustomerMother(int n) {
		this.name = "Ingenieursbureau Jansen " + n;
		this.reference = "T-" + System.nanoTime() % 1000000 + "-" + n;
	}

	public static CustomerMother customer() {
		return new CustomerMother(counter.incrementAndGet());
	}

	public CustomerMother named(String name) {
		this.name = name;
		return this;
	}

	public CustomerMother withReference(String reference) {
		this.reference = reference;
		return this;
	}

	public CustomerMother inCity(String city) {
		this.city = city;
		return this;
	}

	public CustomerMother tagged(String... tags) {
		this.tags = List.of(tags);
		return this;
	}

	public CustomerMother managedBy(Long userId) {
		this.accountManagerId = userId;
		return this;
	}

	public CustomerMother ofType(String businessType) {
		this.businessType = businessType;
		return this;
	}

	public CustomerMother withVat(String vat) {
		this.vat = vat;
		return this;
	}

	public CustomerDetails details() {
		return new CustomerDetails(this.name, this.reference, this.businessType, "12345678", this.vat, "NL", this.city,
				"https://jansen.example.nl", CustomerStatus.ACTIVE, this.tags, "Since 2019", this.accountManagerId);
	}

}
