package org.customerportfolio.account;

/**
 * A freshly created API token with its secret: the only moment the secret is known.
 */
public record IssuedToken(long id, String name, String secret) {
}
