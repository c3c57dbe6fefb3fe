package org.customerportfolio.account;

/**
 * What a user may do. Each role includes everything the roles below it may do.
 */
public enum Role {

	/** Everything, including configuration and users. */
	ADMIN,
	/** Changes customer data, evaluations, imports and plans. */
	EDITOR,
	/** Reads and exports. */
	VIEWER;

	public String authority() {
		return "ROLE_" + name();
	}

}
