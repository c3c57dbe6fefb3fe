package org.customerportfolio.backup;

/**
 * A backup archive that cannot be restored here: damaged, of another schema version, or
 * an installation that is not empty. Nothing was changed. The code is a message key, so
 * that the page and the API say why in the user's language.
 */
public class BackupRefusedException extends RuntimeException {

	/** Why an archive was refused; the API answers 400 for a bad file, 409 otherwise. */
	public enum Reason {

		/** Not a backup, truncated, or its content does not match its checksums. */
		DAMAGED,
		/** Made by another version of the database schema. */
		WRONG_VERSION,
		/** The installation already holds portfolio data. */
		NOT_EMPTY,
		/** Another restore is running. */
		BUSY

	}

	private final Reason reason;

	private final String code;

	private final Object[] arguments;

	BackupRefusedException(Reason reason, String code, Object... arguments) {
		super(code);
		this.reason = reason;
		this.code = code;
		this.arguments = arguments;
	}

	BackupRefusedException(Reason reason, Throwable cause, String code, Object... arguments) {
		super(code, cause);
		this.reason = reason;
		this.code = code;
		this.arguments = arguments;
	}

	public Reason reason() {
		return this.reason;
	}

	public String code() {
		return this.code;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
