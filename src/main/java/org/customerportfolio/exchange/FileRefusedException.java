package org.customerportfolio.exchange;

/**
 * A file that cannot be read as a table at all: empty, binary, encrypted, too large,
 * broken. Nothing was read from it. The code names a message; the arguments fill it in.
 */
public class FileRefusedException extends RuntimeException {

	private final String code;

	private final Object[] arguments;

	public FileRefusedException(String code, Object... arguments) {
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
