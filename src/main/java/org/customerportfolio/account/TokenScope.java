package org.customerportfolio.account;

/**
 * What an API token may do. A read token lets an integration fetch data (a report, a
 * dashboard) without the power to change anything, whatever its owner's role.
 */
public enum TokenScope {

	/** GET (and HEAD) requests only. */
	READ,
	/** Everything the owner's role allows. */
	WRITE;

	/** Whether a request with this HTTP method is within the scope. */
	public boolean allows(String method) {
		return this == WRITE || "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method)
				|| "OPTIONS".equalsIgnoreCase(method);
	}

}
