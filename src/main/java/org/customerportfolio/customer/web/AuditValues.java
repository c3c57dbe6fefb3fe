package org.customerportfolio.customer.web;

import java.util.Map;

import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.shared.Formats;
import org.customerportfolio.shared.Language;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Audit values as a person reads them: codes the log keeps (ACTIVE, DECISION_MAKER,
 * contractor) shown as their labels in the user's language. Templates reach it as
 * {@code @auditValues}.
 */
@Component("auditValues")
class AuditValues {

	private final MessageSource messages;

	private final CustomerManagement customers;

	private final Formats formats;

	AuditValues(MessageSource messages, CustomerManagement customers, Formats formats) {
		this.messages = messages;
		this.customers = customers;
		this.formats = formats;
	}

	public @Nullable String display(@Nullable String field, @Nullable String value) {
		return display(field, value, null);
	}

	/**
	 * As {@link #display(String, String)}, with the business type labels the page has
	 * already read (so a long audit log does not read them once per cell).
	 */
	public @Nullable String display(@Nullable String field, @Nullable String value,
			@Nullable Map<String, String> businessTypeLabels) {
		if (field == null || value == null) {
			return value;
		}
		if ("country".equals(field)) {
			return this.formats.country(value);
		}
		if ("businessType".equals(field)) {
			if (businessTypeLabels != null) {
				return businessTypeLabels.getOrDefault(value, value);
			}
			Language language = Language.of(LocaleContextHolder.getLocale());
			return this.customers.businessTypes()
				.stream()
				.filter((type) -> type.code().equals(value))
				.map((type) -> type.label(language))
				.findFirst()
				.orElse(value);
		}
		String prefix = switch (field) {
			case "status" -> "status.";
			case "contact.role" -> "contactRole.";
			case "teamMember.role" -> "teamRole.";
			case "strategy" -> "strategy.";
			default -> null;
		};
		return (prefix != null) ? this.messages.getMessage(prefix + value, null, value, LocaleContextHolder.getLocale())
				: value;
	}

}
