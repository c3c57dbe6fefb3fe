package org.customerportfolio.analysis.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.analysis.readmodel.CustomerProfiles;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.shared.Language;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The names users read for group keys (codes, ids, levels) and for criteria and their
 * levels, in the user's language.
 */
@Component
class GroupLabels {

	private final CustomerManagement customers;

	private final AccountManagement accounts;

	private final MessageSource messages;

	GroupLabels(CustomerManagement customers, AccountManagement accounts, MessageSource messages) {
		this.customers = customers;
		this.accounts = accounts;
		this.messages = messages;
	}

	/** Labels of the groups of a grouping, by key; the empty key is "none". */
	Map<String, String> groups(String by, CustomerProfiles.Portfolio portfolio) {
		Language language = language();
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("", message("analysis.segments.noGroup"));
		switch (by) {
			case "businessType" ->
				this.customers.businessTypes().forEach((type) -> labels.put(type.code(), type.label(language)));
			case "status" -> {
				labels.put("ACTIVE", message("status.ACTIVE"));
				labels.put("ENDED", message("status.ENDED"));
			}
			case "manager" ->
				this.accounts.users().forEach((user) -> labels.put(String.valueOf(user.id()), user.displayName()));
			case "abc" -> {
				labels.put("A", message("analysis.segments.abc.A"));
				labels.put("B", message("analysis.segments.abc.B"));
				labels.put("C", message("analysis.segments.abc.C"));
			}
			case "cluster" -> {
				for (int i = 1; i <= 10; i++) {
					labels.put(String.valueOf(i), this.messages.getMessage("analysis.clusters.name", new Object[] { i },
							LocaleContextHolder.getLocale()));
				}
			}
			case "tag" -> {
				// tags are their own names
			}
			default -> portfolio.criterion(by.substring(by.indexOf(':') + 1))
				.ifPresent((criterion) -> criterion.levels()
					.forEach((level) -> labels.put(level.code(), level.label(language))));
		}
		return labels;
	}

	/** Criterion names and level labels, by criterion code and level code. */
	Map<String, String> criteria(CustomerProfiles.Portfolio portfolio) {
		Map<String, String> names = new LinkedHashMap<>();
		for (Criterion criterion : portfolio.criteria()) {
			names.put(criterion.code(), criterion.name(language()));
		}
		return names;
	}

	Map<String, Map<String, String>> levels(CustomerProfiles.Portfolio portfolio) {
		Map<String, Map<String, String>> levels = new LinkedHashMap<>();
		for (Criterion criterion : portfolio.criteria()) {
			Map<String, String> labels = new LinkedHashMap<>();
			criterion.levels().forEach((level) -> labels.put(level.code(), level.label(language())));
			levels.put(criterion.code(), labels);
		}
		return levels;
	}

	String message(String code) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(code, null, code, locale);
	}

	String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

	private static Language language() {
		return Language.of(LocaleContextHolder.getLocale());
	}

}
