package org.customerportfolio.customer.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.audit.AuditEntry;
import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.customer.BusinessType;
import org.customerportfolio.customer.ContactDetails;
import org.customerportfolio.customer.ContactRole;
import org.customerportfolio.customer.ContactView;
import org.customerportfolio.customer.CustomerDetails;
import org.customerportfolio.customer.CustomerFilter;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerStatus;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.customer.TeamMemberDetails;
import org.customerportfolio.customer.TeamMemberView;
import org.customerportfolio.customer.TeamRole;
import org.customerportfolio.shared.PageQuery;
import org.customerportfolio.shared.PageSlice;
import org.customerportfolio.shared.VersionRequiredException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST API for customers, their contacts and team members. Changes name the version
 * they are based on (the {@code version} field or an {@code If-Match} header with the
 * ETag); a stale one is answered with 409 and what changed since.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Customers", description = "Customers, their contacts and our team members")
class CustomerApi {

	private final CustomerManagement customers;

	private final AuditLog audit;

	CustomerApi(CustomerManagement customers, AuditLog audit) {
		this.customers = customers;
		this.audit = audit;
	}

	@GetMapping("/customers")
	@Operation(summary = "Customers, page by page, searched and filtered",
			description = "Sortable on name, externalRef, city, businessType, status, createdAt, updatedAt; "
					+ "size at most 200.")
	PageResponse<CustomerResponse> list(
			@Parameter(description = "text in name, external reference or city") @RequestParam(
					required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String businessType,
			@RequestParam(required = false) @Nullable CustomerStatus status,
			@RequestParam(required = false) @Nullable Long accountManagerId,
			@RequestParam(required = false) @Nullable String tag,
			@Parameter(description = "true lists the archived customers instead of the others") @RequestParam(
					defaultValue = "false") boolean archived,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@Parameter(description = "field,asc or field,desc") @RequestParam(required = false) @Nullable String sort) {
		PageQuery query = PageQuery.of(page, size, sort, CustomerManagement.sortableFields(), "name");
		PageSlice<CustomerView> found = this.customers
			.search(new CustomerFilter(q, businessType, status, accountManagerId, tag, archived), query);
		return PageResponse.of(found.map(CustomerResponse::of));
	}

	@PostMapping(path = "/customers", consumes = "application/json")
	@Operation(summary = "Register a customer")
	ResponseEntity<CustomerResponse> create(@RequestBody CustomerRequest request,
			@AuthenticationPrincipal PortfolioUser user) {
		CustomerView customer = this.customers.register(request.details(), user.getUsername());
		return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.id()))
			.eTag(etag(customer.version()))
			.body(CustomerResponse.of(customer));
	}

	@GetMapping("/customers/{id}")
	@Operation(summary = "One customer, archived or not")
	ResponseEntity<CustomerResponse> get(@PathVariable long id) {
		CustomerView customer = this.customers.customer(id);
		return ResponseEntity.ok().eTag(etag(customer.version())).body(CustomerResponse.of(customer));
	}

	@PutMapping(path = "/customers/{id}", consumes = "application/json")
	@Operation(summary = "Change a customer",
			description = "Send the version you read (field version or If-Match); 409 with the changes since "
					+ "when someone else saved first, 428 without a version.")
	ResponseEntity<CustomerResponse> update(@PathVariable long id, @RequestBody CustomerRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal PortfolioUser user) {
		long version = version(request.version(), ifMatch);
		CustomerView customer = this.customers.update(id, version, request.details(), user.getUsername());
		return ResponseEntity.ok().eTag(etag(customer.version())).body(CustomerResponse.of(customer));
	}

	@DeleteMapping("/customers/{id}")
	@Operation(summary = "Archive a customer (nothing is ever deleted; restore brings it back)")
	ResponseEntity<Void> archive(@PathVariable long id, @AuthenticationPrincipal PortfolioUser user) {
		this.customers.archive(id, user.getUsername());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/customers/{id}/restore")
	@Operation(summary = "Restore an archived customer")
	CustomerResponse restore(@PathVariable long id, @AuthenticationPrincipal PortfolioUser user) {
		return CustomerResponse.of(this.customers.restore(id, user.getUsername()));
	}

	@GetMapping("/customers/{id}/audit")
	@Operation(summary = "The customer's audit log, newest first")
	List<AuditEntry> audit(@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
		this.customers.customer(id);
		return this.audit.ofCustomer(id, Math.max(1, Math.min(limit, 1000)));
	}

	@GetMapping("/customers/{id}/contacts")
	@Operation(summary = "The customer's contacts")
	List<ContactView> contacts(@PathVariable long id) {
		return this.customers.contacts(id);
	}

	@PostMapping(path = "/customers/{id}/contacts", consumes = "application/json")
	@Operation(summary = "Add a contact")
	ResponseEntity<ContactView> addContact(@PathVariable long id, @RequestBody ContactRequest request,
			@AuthenticationPrincipal PortfolioUser user) {
		ContactView contact = this.customers.addContact(id, request.details(), user.getUsername());
		return ResponseEntity.created(URI.create("/api/v1/customers/" + id + "/contacts/" + contact.id()))
			.eTag(etag(contact.version()))
			.body(contact);
	}

	@GetMapping("/customers/{id}/contacts/{contactId}")
	@Operation(summary = "One contact")
	ResponseEntity<ContactView> contact(@PathVariable long id, @PathVariable long contactId) {
		ContactView contact = this.customers.contact(id, contactId);
		return ResponseEntity.ok().eTag(etag(contact.version())).body(contact);
	}

	@PutMapping(path = "/customers/{id}/contacts/{contactId}", consumes = "application/json")
	@Operation(summary = "Change a contact")
	ResponseEntity<ContactView> updateContact(@PathVariable long id, @PathVariable long contactId,
			@RequestBody ContactRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal PortfolioUser user) {
		ContactView contact = this.customers.updateContact(id, contactId, version(request.version(), ifMatch),
				request.details(), user.getUsername());
		return ResponseEntity.ok().eTag(etag(contact.version())).body(contact);
	}

	@DeleteMapping("/customers/{id}/contacts/{contactId}")
	@Operation(summary = "Remove a contact (it stays in the audit log)")
	ResponseEntity<Void> removeContact(@PathVariable long id, @PathVariable long contactId,
			@AuthenticationPrincipal PortfolioUser user) {
		this.customers.removeContact(id, contactId, user.getUsername());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/customers/{id}/team-members")
	@Operation(summary = "Our team for this customer")
	List<TeamMemberView> team(@PathVariable long id) {
		return this.customers.team(id);
	}

	@PostMapping(path = "/customers/{id}/team-members", consumes = "application/json")
	@Operation(summary = "Add a team member: a user (userId) or a colleague without an account (colleagueName)")
	ResponseEntity<TeamMemberView> addTeamMember(@PathVariable long id, @RequestBody TeamMemberRequest request,
			@AuthenticationPrincipal PortfolioUser user) {
		TeamMemberView member = this.customers.addTeamMember(id, request.details(), user.getUsername());
		return ResponseEntity.created(URI.create("/api/v1/customers/" + id + "/team-members/" + member.id()))
			.eTag(etag(member.version()))
			.body(member);
	}

	@GetMapping("/customers/{id}/team-members/{memberId}")
	@Operation(summary = "One team member")
	ResponseEntity<TeamMemberView> teamMember(@PathVariable long id, @PathVariable long memberId) {
		TeamMemberView member = this.customers.teamMember(id, memberId);
		return ResponseEntity.ok().eTag(etag(member.version())).body(member);
	}

	@PutMapping(path = "/customers/{id}/team-members/{memberId}", consumes = "application/json")
	@Operation(summary = "Change a team member")
	ResponseEntity<TeamMemberView> updateTeamMember(@PathVariable long id, @PathVariable long memberId,
			@RequestBody TeamMemberRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal PortfolioUser user) {
		TeamMemberView member = this.customers.updateTeamMember(id, memberId, version(request.version(), ifMatch),
				request.details(), user.getUsername());
		return ResponseEntity.ok().eTag(etag(member.version())).body(member);
	}

	@DeleteMapping("/customers/{id}/team-members/{memberId}")
	@Operation(summary = "Remove a team member (it stays in the audit log)")
	ResponseEntity<Void> removeTeamMember(@PathVariable long id, @PathVariable long memberId,
			@AuthenticationPrincipal PortfolioUser user) {
		this.customers.removeTeamMember(id, memberId, user.getUsername());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/business-types")
	@Operation(summary = "The configured business types, with their labels in Dutch and English")
	List<BusinessType> businessTypes() {
		return this.customers.businessTypes();
	}

	private static String etag(long version) {
		return "\"" + version + "\"";
	}

	private static long version(@Nullable Long bodyVersion, @Nullable String ifMatch) {
		if (bodyVersion != null) {
			return bodyVersion;
		}
		if (ifMatch != null) {
			String value = ifMatch.trim();
			if (value.startsWith("W/")) {
				value = value.substring(2);
			}
			value = value.replace("\"", "");
			try {
				return Long.parseLong(value);
			}
			catch (NumberFormatException ex) {
				throw new VersionRequiredException();
			}
		}
		throw new VersionRequiredException();
	}

	record CustomerRequest(@Nullable String name, @Nullable String externalRef, @Nullable String businessType,
			@Nullable String registrationNumber, @Nullable String vatNumber, @Nullable String country,
			@Nullable String city, @Nullable String website, @Nullable CustomerStatus status,
			@Nullable List<String> tags, @Nullable String notes, @Nullable Long accountManagerId,
			@Nullable Long version) {

		CustomerDetails details() {
			return new CustomerDetails((this.name != null) ? this.name : "", this.externalRef, this.businessType,
					this.registrationNumber, this.vatNumber, this.country, this.city, this.website,
					(this.status != null) ? this.status : CustomerStatus.ACTIVE,
					(this.tags != null) ? this.tags.stream().filter(java.util.Objects::nonNull).toList() : List.of(),
					this.notes, this.accountManagerId);
		}

	}

	record CustomerResponse(long id, long version, String name, @Nullable String externalRef,
			@Nullable String businessType, @Nullable String registrationNumber, @Nullable String vatNumber,
			@Nullable String country, @Nullable String city, @Nullable String website, CustomerStatus status,
			List<String> tags, @Nullable String notes, @Nullable Long accountManagerId,
			@Nullable String accountManagerName, boolean archived, Instant createdAt, Instant updatedAt) {

		static CustomerResponse of(CustomerView view) {
			return new CustomerResponse(view.id(), view.version(), view.name(), view.externalRef(), view.businessType(),
					view.registrationNumber(), view.vatNumber(), view.country(), view.city(), view.website(),
					view.status(), view.tags(), view.notes(), view.accountManagerId(), view.accountManagerName(),
					view.archived(), view.createdAt(), view.updatedAt());
		}

	}

	record ContactRequest(@Nullable String name, @Nullable String jobTitle, @Nullable String email,
			@Nullable String phone, @Nullable ContactRole role, @Nullable String notes, @Nullable Long version) {

		ContactDetails details() {
			return new ContactDetails((this.name != null) ? this.name : "", this.jobTitle, this.email, this.phone,
					(this.role != null) ? this.role : ContactRole.OTHER, this.notes);
		}

	}

	record TeamMemberRequest(@Nullable Long userId, @Nullable String colleagueName, @Nullable TeamRole role,
			@Nullable Long version) {

		TeamMemberDetails details() {
			return new TeamMemberDetails(this.userId, this.colleagueName,
					(this.role != null) ? this.role : TeamRole.OTHER);
		}

	}

	record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

		static <T> PageResponse<T> of(PageSlice<T> slice) {
			return new PageResponse<>(slice.content(), slice.page(), slice.size(), slice.totalElements(),
					slice.totalPages());
		}

	}

}
