package org.customerportfolio.account;

import org.customerportfolio.shared.Language;

/**
 * The first administrator of a fresh installation was created on the setup page; with
 * {@code examplePortfolio} they asked for an example portfolio to start from, which a
 * module that offers one may load.
 */
public record FirstAdministratorCreated(long userId, String username, Language language, boolean examplePortfolio) {
}
