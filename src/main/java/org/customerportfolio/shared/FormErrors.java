package org.customerportfolio.shared;

import org.springframework.validation.BindingResult;

/**
 * Turns a broken domain rule into an error on the form that caused it.
 */
public final class FormErrors {

	private FormErrors() {
	}

	public static void reject(BindingResult binding, RuleViolation violation) {
		if (violation.field() != null && binding.getFieldType(violation.field()) != null) {
			binding.rejectValue(violation.field(), violation.code(), violation.arguments(), violation.code());
		}
		else {
			binding.reject(violation.code(), violation.arguments(), violation.code());
		}
	}

	public static void rejectAll(BindingResult binding, InvalidInputException invalid) {
		invalid.violations().forEach((violation) -> reject(binding, violation));
	}

}
