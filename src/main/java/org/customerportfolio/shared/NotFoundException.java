package org.customerportfolio.shared;

/**
 * Asked for something that does not exist (or that this request may not reach, such as an
 * archived record where only active ones are allowed).
 */
public class NotFoundException extends RuntimeException {

	private final String code;

	private final Object[] arguments;

	public NotFoundException(String code, Object... arguments) {
		super(code);
		this.code = code;
		this.arguments = arguments;
	}

	public String code() {
		return this.code;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
