package org.customerportfolio.shared;

import java.util.List;

/**
 * An edit based on a version that someone else has changed since: refused, with what they
 * changed, so the user can look and reapply instead of overwriting it.
 */
public class EditConflictException extends RuntimeException {

	private final long currentVersion;

	private final List<FieldChange> changesSince;

	public EditConflictException(long currentVersion, List<FieldChange> changesSince) {
		super("edit.conflict");
		this.currentVersion = currentVersion;
		this.changesSince = List.copyOf(changesSince);
	}

	public long currentVersion() {
		return this.currentVersion;
	}

	public List<FieldChange> changesSince() {
		return this.changesSince;
	}

}
