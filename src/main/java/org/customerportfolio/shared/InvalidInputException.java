package org.customerportfolio.shared;

import java.util.List;

/**
 * Input that breaks one or more rules; nothing was changed. Each violation names its
 * field and message.
 */
public class InvalidInputException extends RuntimeException {

	private final List<RuleViolation> violations;

	public InvalidInputException(List<RuleViolation> violations) {
		super("invalid input: " + violations.stream().map(RuleViolation::code).toList());
		this.violations = List.copyOf(violations);
	}

	public List<RuleViolation> violations() {
		return this.violations;
	}

}
