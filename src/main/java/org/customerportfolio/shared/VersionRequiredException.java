package org.customerportfolio.shared;

/**
 * A change sent without the version it is based on: refused, since it could overwrite
 * someone's edit unseen.
 */
public class VersionRequiredException extends RuntimeException {

	public VersionRequiredException() {
		super("edit.versionRequired");
	}

}
