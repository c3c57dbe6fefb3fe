package org.customerportfolio.customer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * The shape every customer, contact and team member must have: lengths, formats, known
 * codes. Input is tidied first (trimmed, blanks to nothing, VAT numbers and country codes
 * in capitals), then checked; all problems are reported at once.
 */
final class CustomerRules {

	static final int MAX_TAGS = 20;

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private static final Pattern EXTERNAL_REF = Pattern.compile("[^\\p{Cntrl}]{1,64}");

	private static final Pattern REGISTRATION = Pattern.compile("[A-Za-z0-9 .-]{4,20}");

	private static final Pattern VAT = Pattern.compile("[A-Z]{2}[A-Z0-9+*]{2,13}");

	private static final Pattern TAG = Pattern.compile("[^,<>\\p{Cntrl}]{1,50}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}");

	private static final Pattern PHONE = Pattern.compile("[0-9+() ./-]{5,50}");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

	private CustomerRules() {
	}

	static CustomerDetails tidy(CustomerDetails details) {
		String vat = trim(details.vatNumber());
		String country = trim(details.country());
		String website = trim(details.website());
		if (website != null && !website.contains("://")) {
			website = "https://" + website;
		}
		Set<String> tags = new LinkedHashSet<>();
		for (String tag : details.tags()) {
			String trimmed = trim(tag);
			if (trimmed != null) {
				tags.add(trimmed);
			}
		}
		return new CustomerDetails(nonNull(trim(details.name())), trim(details.externalRef()),
				trim(details.businessType()), trim(details.registrationNumber()),
				(vat != null) ? vat.replaceAll("[\\s.]", "").toUpperCase(Locale.ROOT) : null,
				(country != null) ? country.toUpperCase(Locale.ROOT) : null, trim(details.city()), website,
				details.status(), List.copyOf(tags), trimKeepLines(details.notes()), details.accountManagerId());
	}

	static void check(CustomerDetails details) {
		List<RuleViolation> problems = new ArrayList<>();
		text(problems, "name", details.name(), true, 200);
		if (details.externalRef() != null && !EXTERNAL_REF.matcher(details.externalRef()).matches()) {
			problems.add(new RuleViolation("externalRef", "customer.externalRef.invalid", 64));
		}
		if (details.registrationNumber() != null && !REGISTRATION.matcher(details.registrationNumber()).matches()) {
			problems.add(new RuleViolation("registrationNumber", "customer.registrationNumber.invalid"));
		}
		if (details.vatNumber() != null && !VAT.matcher(details.vatNumber()).matches()) {
			problems.add(new RuleViolation("vatNumber", "customer.vatNumber.invalid"));
		}
		if (details.country() != null && !COUNTRIES.contains(details.country())) {
			problems.add(new RuleViolation("country", "customer.country.invalid"));
		}
		text(problems, "city", details.city(), false, 100);
		if (details.website() != null && !isWebAddress(details.website())) {
			problems.add(new RuleViolation("website", "customer.website.invalid"));
		}
		if (details.tags().size() > MAX_TAGS) {
			problems.add(new RuleViolation("tags", "customer.tags.tooMany", MAX_TAGS));
		}
		for (String tag : details.tags()) {
			if (!TAG.matcher(tag).matches()) {
				problems.add(new RuleViolation("tags", "customer.tag.invalid", 50));
				break;
			}
		}
		text(problems, "notes", details.notes(), false, 10000);
		failIfAny(problems);
	}

	static ContactDetails tidy(ContactDetails details) {
		return new ContactDetails(nonNull(trim(details.name())), trim(details.jobTitle()), trim(details.email()),
				trim(details.phone()), details.role(), trimKeepLines(details.notes()));
	}

	static void check(ContactDetails details) {
		List<RuleViolation> problems = new ArrayList<>();
		text(problems, "name", details.name(), true, 200);
		text(problems, "jobTitle", details.jobTitle(), false, 200);
		if (details.email() != null && (details.email().length() > 254 || !EMAIL.matcher(details.email()).matches())) {
			problems.add(new RuleViolation("email", "contact.email.invalid"));
		}
		if (details.phone() != null && (!PHONE.matcher(details.phone()).matches()
				|| details.phone().chars().filter(Character::isDigit).count() < 5)) {
			problems.add(new RuleViolation("phone", "contact.phone.invalid"));
		}
		text(problems, "notes", details.notes(), false, 4000);
		failIfAny(problems);
	}

	static TeamMemberDetails tidy(TeamMemberDetails details) {
		String colleague = trim(details.colleagueName());
		return new TeamMemberDetails(details.userId(), (details.userId() != null) ? null : colleague, details.role());
	}

	static void check(TeamMemberDetails details) {
		List<RuleViolation> problems = new ArrayList<>();
		if (details.userId() == null && details.colleagueName() == null) {
			problems.add(new RuleViolation("colleagueName", "teamMember.person.required"));
		}
		text(problems, "colleagueName", details.colleagueName(), false, 200);
		failIfAny(problems);
	}

	static void failIfAny(List<RuleViolation> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static void text(List<RuleViolation> problems, String field, @Nullable String value, boolean required,
			int max) {
		if (value == null || value.isEmpty()) {
			if (required) {
				problems.add(new RuleViolation(field, "field.required"));
			}
		}
		else if (value.length() > max) {
			problems.add(new RuleViolation(field, "field.tooLong", max));
		}
		else if (CONTROL.matcher(value).find()) {
			problems.add(new RuleViolation(field, "field.controlCharacters"));
		}
	}

	private static boolean isWebAddress(String value) {
		if (value.length() > 300) {
			return false;
		}
		try {
			URI uri = new URI(value);
			String scheme = uri.getScheme();
			String host = uri.getHost();
			return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && host != null
					&& host.contains(".") && uri.getUserInfo() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static @Nullable String trim(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	private static @Nullable String trimKeepLines(@Nullable String value) {
		String trimmed = trim(value);
		return (trimmed != null) ? trimmed.replace("\r\n", "\n") : null;
	}

	private static String nonNull(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
