package org.customerportfolio.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The rules every configurable list (business types, service categories) shares: a code
 * of lower-case letters, digits and _, fixed once created, and a label of at most 100
 * characters in each language.
 */
public final class LabelledList {

	private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{1,49}");

	private LabelledList() {
	}

	/**
	 * What is wrong with a new entry; {@code taken} tells whether its code is already
	 * used.
	 */
	public static List<RuleViolation> checkNew(@Nullable String code, boolean taken, @Nullable String labelNl,
			@Nullable String labelEn) {
		List<RuleViolation> problems = new ArrayList<>();
		if (code == null || !CODE.matcher(code).matches()) {
			problems.add(new RuleViolation("code", "list.code.invalid"));
		}
		else if (taken) {
			problems.add(new RuleViolation("code", "list.code.taken", code));
		}
		problems.addAll(checkLabels(labelNl, labelEn));
		return problems;
	}

	public static List<RuleViolation> checkLabels(@Nullable String labelNl, @Nullable String labelEn) {
		List<RuleViolation> problems = new ArrayList<>();
		label(problems, "labelNl", labelNl);
		label(problems, "labelEn", labelEn);
		return problems;
	}

	public static void failIfAny(List<RuleViolation> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static void label(List<RuleViolation> problems, String field, @Nullable String value) {
		String label = (value == null) ? "" : value.strip();
		if (label.isEmpty()) {
			problems.add(new RuleViolation(field, "field.required"));
		}
		else if (label.length() > 100) {
			problems.add(new RuleViolation(field, "field.tooLong", 100));
		}
	}

}
