package org.customerportfolio.customer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.audit.AuditLog.Subject;
import org.customerportfolio.shared.Chunks;
import org.customerportfolio.shared.DataChanges;
import org.customerportfolio.shared.EditConflictException;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.NotFoundException;
import org.customerportfolio.shared.PageQuery;
import org.customerportfolio.shared.PageSlice;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers and changes customers, their contacts and their team, and answers what pages
 * and the API ask of them. Every change is checked against the rules, refused when based
 * on a stale version, and written to the audit log in the same transaction.
 */
@Service
@Transactional
public class CustomerManagement {

	static final String CUSTOMER = "CUSTOMER";

	static final String CONTACT = "CONTACT";

	static final String TEAM_MEMBER = "TEAM_MEMBER";

	private final Customers customers;

	private final Contacts contacts;

	private final TeamMembers teamMembers;

	private final BusinessTypes businessTypes;

	private final CustomerSearch search;

	private final AccountManagement accounts;

	private final AuditLog audit;

	private final DataChanges changes;

	private final Clock clock;

	CustomerManagement(Customers customers, Contacts contacts, TeamMembers teamMembers, BusinessTypes businessTypes,
			CustomerSearch search, AccountManagement accounts, AuditLog audit, DataChanges changes, Clock clock) {
		this.customers = customers;
		this.contacts = contacts;
		this.teamMembers = teamMembers;
		this.businessTypes = businessTypes;
		this.search = search;
		this.accounts = accounts;
		this.audit = audit;
		this.changes = changes;
		this.clock = clock;
	}

	public CustomerView register(CustomerDetails input, String actor) {
		CustomerDetails details = checked(input, null);
		Customer customer = save(Customer.register(details, this.clock.instant()));
		Subject subject = new Subject(CUSTOMER, customer.id(), customer.version(), customer.id(), actor);
		this.audit.recordAction(subject, "CREATED");
		this.audit.recordChanges(subject, "CREATED", Map.of(), details.auditSnapshot(this::userName));
		return view(customer);
	}

	/**
	 * Changes a customer as of the version the user started from; refused with the
	 * changes made since when someone else saved first.
	 */
	public CustomerView update(long id, long basedOnVersion, CustomerDetails input, String actor) {
		Customer customer = existing(id);
		customer.requireNotArchived();
		if (customer.version() != basedOnVersion) {
			throw conflict(CUSTOMER, id, customer.version(), basedOnVersion);
		}
		CustomerDetails before = customer.details();
		CustomerDetails details = checked(input, customer);
		customer.update(details, this.clock.instant());
		try {
			customer = save(customer);
		}
		catch (OptimisticLockingFailureException ex) {
			throw conflict(CUSTOMER, id, existing(id).version(), basedOnVersion);
		}
		this.audit.recordChanges(new Subject(CUSTOMER, id, customer.version(), id, actor), "UPDATED",
				before.auditSnapshot(this::userName), details.auditSnapshot(this::userName));
		return view(customer);
	}

	public CustomerView archive(long id, String actor) {
		Customer customer = existing(id);
		customer.archive(this.clock.instant());
		customer = save(customer);
		this.audit.recordAction(new Subject(CUSTOMER, id, customer.version(), id, actor), "ARCHIVED");
		return view(customer);
	}

	public CustomerView restore(long id, String actor) {
		Customer customer = existing(id);
		customer.restore(this.clock.instant());
		customer = save(customer);
		this.audit.recordAction(new Subject(CUSTOMER, id, customer.version(), id, actor), "RESTORED");
		return view(customer);
	}

	@Transactional(readOnly = true)
	public CustomerView customer(long id) {
		return view(existing(id));
	}

	@Transactional(readOnly = true)
	public PageSlice<CustomerView> search(CustomerFilter filter, PageQuery page) {
		Map<Long, String> names = userNames();
		return this.search.search(filter, page, (id) -> names.getOrDefault(id, "#" + id));
	}

	/** The fields a customer list can be sorted on. */
	public static java.util.Set<String> sortableFields() {
		return CustomerSearch.sortable();
	}

	/**
	 * Every customer's id, reference and name, archived ones included: what an import
	 * matches its rows on.
	 */
	@Transactional(readOnly = true)
	public List<CustomerKey> keys() {
		return this.search.keys();
	}

	/**
	 * Registers the customers an import names but nobody has registered yet: each with
	 * its reference, and its name (the reference when the file has none, until someone
	 * renames it). Answers their ids in the same order. Recorded in the audit log as
	 * created by the import, with name and reference.
	 */
	public List<Long> registerFromImport(List<NewImportedCustomer> imported, String actor) {
		List<Customer> created = new ArrayList<>(imported.size());
		for (NewImportedCustomer customer : imported) {
			CustomerDetails details = CustomerRules.tidy(new CustomerDetails(customer.name(), customer.reference(),
					null, null, null, null, null, null, CustomerStatus.ACTIVE, List.of(), null, null));
			CustomerRules.check(details);
			created.add(Customer.register(details, this.clock.instant()));
		}
		this.changes.record();
		List<Long> ids = new ArrayList<>(created.size());
		List<AuditLog.Changes> audited = new ArrayList<>(created.size());
		for (Customer customer : this.customers.saveAll(created)) {
			Subject subject = new Subject(CUSTOMER, customer.id(), customer.version(), customer.id(), actor);
			audited.add(new AuditLog.Changes(subject, Map.of(), Map.of("name", customer.name(), "externalRef",
					Objects.toString(customer.details().externalRef(), ""))));
			ids.add(customer.id());
		}
		this.audit.recordChangesOfAll("IMPORTED", audited);
		return ids;
	}

	/** A customer an import names: its reference (if the file has one) and its name. */
	public record NewImportedCustomer(@Nullable String reference, String name) {
	}

	@Transactional(readOnly = true)
	/**
	 * Holds these customers' rows until the current transaction ends, so that changes to
	 * one customer from several requests or instances take turns: the second sees what
	 * the first committed (and its version checks can tell).
	 */
	public void lock(Collection<Long> customerIds) {
		Chunks.of(customerIds.stream().sorted().toList(), 1000).forEach(this.search::lock);
	}

	public List<String> tags() {
		return this.search.tags();
	}

	@Transactional(readOnly = true)
	public List<BusinessType> businessTypes() {
		return this.businessTypes.findAllByOrderByPosition();
	}

	public ContactView addContact(long customerId, ContactDetails input, String actor) {
		activeCustomer(customerId);
		ContactDetails details = CustomerRules.tidy(input);
		CustomerRules.check(details);
		Contact contact = this.contacts.save(Contact.add(customerId, details));
		Subject subject = new Subject(CONTACT, contact.id(), contact.version(), customerId, actor);
		this.audit.recordAction(subject, "CREATED");
		this.audit.recordChanges(subject, "CREATED", Map.of(), Contact.auditSnapshot(details));
		return contact.view();
	}

	public ContactView updateContact(long customerId, long contactId, long basedOnVersion, ContactDetails input,
			String actor) {
		activeCustomer(customerId);
		Contact contact = existingContact(customerId, contactId);
		if (contact.version() != basedOnVersion) {
			throw conflict(CONTACT, contactId, contact.version(), basedOnVersion);
		}
		ContactDetails before = contact.details();
		ContactDetails details = CustomerRules.tidy(input);
		CustomerRules.check(details);
		contact.update(details);
		try {
			contact = this.contacts.save(contact);
		}
		catch (OptimisticLockingFailureException ex) {
			throw conflict(CONTACT, contactId, existingContact(customerId, contactId).version(), basedOnVersion);
		}
		this.audit.recordChanges(new Subject(CONTACT, contactId, contact.version(), customerId, actor), "UPDATED",
				Contact.auditSnapshot(before), Contact.auditSnapshot(details));
		return contact.view();
	}

	public void removeContact(long customerId, long contactId, String actor) {
		activeCustomer(customerId);
		Contact contact = existingContact(customerId, contactId);
		contact.archive();
		contact = this.contacts.save(contact);
		this.audit.recordAction(new Subject(CONTACT, contactId, contact.version(), customerId, actor), "REMOVED");
	}

	@Transactional(readOnly = true)
	public ContactView contact(long customerId, long contactId) {
		return existingContact(customerId, contactId).view();
	}

	@Transactional(readOnly = true)
	public List<ContactView> contacts(long customerId) {
		existing(customerId);
		return this.contacts.findByCustomerIdAndArchivedFalseOrderByName(customerId)
			.stream()
			.map(Contact::view)
			.toList();
	}

	public TeamMemberView addTeamMember(long customerId, TeamMemberDetails input, String actor) {
		activeCustomer(customerId);
		TeamMemberDetails details = checked(input, null);
		TeamMember member = this.teamMembers.save(TeamMember.add(customerId, details));
		Subject subject = new Subject(TEAM_MEMBER, member.id(), member.version(), customerId, actor);
		this.audit.recordAction(subject, "CREATED");
		this.audit.recordChanges(subject, "CREATED", Map.of(), TeamMember.auditSnapshot(details, this::userName));
		return view(member);
	}

	public TeamMemberView updateTeamMember(long customerId, long memberId, long basedOnVersion, TeamMemberDetails input,
			String actor) {
		activeCustomer(customerId);
		TeamMember member = existingMember(customerId, memberId);
		if (member.version() != basedOnVersion) {
			throw conflict(TEAM_MEMBER, memberId, member.version(), basedOnVersion);
		}
		TeamMemberDetails before = member.details();
		TeamMemberDetails details = checked(input, before);
		member.update(details);
		try {
			member = this.teamMembers.save(member);
		}
		catch (OptimisticLockingFailureException ex) {
			throw conflict(TEAM_MEMBER, memberId, existingMember(customerId, memberId).version(), basedOnVersion);
		}
		this.audit.recordChanges(new Subject(TEAM_MEMBER, memberId, member.version(), customerId, actor), "UPDATED",
				TeamMember.auditSnapshot(before, this::userName), TeamMember.auditSnapshot(details, this::userName));
		return view(member);
	}

	public void removeTeamMember(long customerId, long memberId, String actor) {
		activeCustomer(customerId);
		TeamMember member = existingMember(customerId, memberId);
		member.archive();
		member = this.teamMembers.save(member);
		this.audit.recordAction(new Subject(TEAM_MEMBER, memberId, member.version(), customerId, actor), "REMOVED");
	}

	@Transactional(readOnly = true)
	public TeamMemberView teamMember(long customerId, long memberId) {
		return view(existingMember(customerId, memberId));
	}

	@Transactional(readOnly = true)
	public List<TeamMemberView> team(long customerId) {
		existing(customerId);
		return this.teamMembers.findByCustomerIdAndArchivedFalseOrderById(customerId).stream().map(this::view).toList();
	}

	private CustomerDetails checked(CustomerDetails input, Customer current) {
		CustomerDetails details = CustomerRules.tidy(input);
		List<RuleViolation> problems = new ArrayList<>();
		try {
			CustomerRules.check(details);
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.violations());
		}
		if (details.externalRef() != null) {
			this.customers.findByExternalRef(details.externalRef())
				.filter((other) -> current == null || other.id() != current.id())
				.ifPresent((other) -> problems.add(new RuleViolation("externalRef", "customer.externalRef.taken",
						details.externalRef(), other.name())));
		}
		String previousType = (current != null) ? current.details().businessType() : null;
		if (details.businessType() != null && !details.businessType().equals(previousType)
				&& this.businessTypes.findByCode(details.businessType()).filter(BusinessType::active).isEmpty()) {
			problems.add(new RuleViolation("businessType", "customer.businessType.unknown", details.businessType()));
		}
		Long previousManager = (current != null) ? current.details().accountManagerId() : null;
		if (details.accountManagerId() != null && !details.accountManagerId().equals(previousManager)
				&& this.accounts.user(details.accountManagerId()).filter(UserSummary::enabled).isEmpty()) {
			problems.add(new RuleViolation("accountManagerId", "customer.accountManager.unknown"));
		}
		CustomerRules.failIfAny(problems);
		return details;
	}

	private TeamMemberDetails checked(TeamMemberDetails input, TeamMemberDetails current) {
		TeamMemberDetails details = CustomerRules.tidy(input);
		CustomerRules.check(details);
		Long previousUser = (current != null) ? current.userId() : null;
		if (details.userId() != null && !details.userId().equals(previousUser)
				&& this.accounts.user(details.userId()).filter(UserSummary::enabled).isEmpty()) {
			throw new InvalidInputException(List.of(new RuleViolation("userId", "teamMember.user.unknown")));
		}
		return details;
	}

	private Customer save(Customer customer) {
		this.changes.record();
		try {
			return this.customers.save(customer);
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException(List.of(new RuleViolation("externalRef", "customer.externalRef.taken",
					customer.details().externalRef(), "")));
		}
	}

	private EditConflictException conflict(String type, long id, long currentVersion, long basedOnVersion) {
		return new EditConflictException(currentVersion, this.audit.changesSince(type, id, basedOnVersion));
	}

	private Customer existing(long id) {
		return this.customers.findById(id).orElseThrow(() -> new NotFoundException("customer.notFound", id));
	}

	private void activeCustomer(long id) {
		existing(id).requireNotArchived();
	}

	private Contact existingContact(long customerId, long contactId) {
		return this.contacts.findById(contactId)
			.filter((contact) -> contact.customerId() == customerId && !contact.archived())
			.orElseThrow(() -> new NotFoundException("contact.notFound", contactId));
	}

	private TeamMember existingMember(long customerId, long memberId) {
		return this.teamMembers.findById(memberId)
			.filter((member) -> member.customerId() == customerId && !member.archived())
			.orElseThrow(() -> new NotFoundException("teamMember.notFound", memberId));
	}

	private CustomerView view(Customer customer) {
		CustomerDetails details = customer.details();
		return new CustomerView(customer.id(), customer.version(), details.name(), details.externalRef(),
				details.businessType(), details.registrationNumber(), details.vatNumber(), details.country(),
				details.city(), details.website(), details.status(), details.tags(), details.notes(),
				details.accountManagerId(),
				(details.accountManagerId() != null) ? userName(details.accountManagerId()) : null, customer.archived(),
				customer.createdAt(), customer.updatedAt());
	}

	private TeamMemberView view(TeamMember member) {
		TeamMemberDetails details = member.details();
		String name = (details.userId() != null) ? userName(details.userId())
				: Objects.requireNonNullElse(details.colleagueName(), "");
		return new TeamMemberView(member.id(), member.version(), member.customerId(), details.userId(),
				details.colleagueName(), name, details.role());
	}

	private String userName(long userId) {
		return this.accounts.user(userId).map(UserSummary::displayName).orElse("#" + userId);
	}

	private Map<Long, String> userNames() {
		Map<Long, String> names = new java.util.HashMap<>();
		this.accounts.users().forEach((user) -> names.put(user.id(), user.displayName()));
		return names;
	}

}
