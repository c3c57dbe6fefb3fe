package org.customerportfolio.shared;

import org.jspecify.annotations.Nullable;

/**
 * A request that breaks a rule of the domain. It names the field at fault (where there is
 * one) and a message key, so that pages and the API can say what is wrong in the user's
 * language.
 */
public class RuleViolation extends RuntimeException {

	private final @Nullable String field;

	private final String code;

	private final Object[] arguments;

	public RuleViolation(@Nullable String field, String code, Object... arguments) {
		super(code);
		this.field = field;
		this.code = code;
		this.arguments = arguments;
	}

	public @Nullable String field() {
		return this.field;
	}

	public String code() {
		return this.code;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
