/**
 * Users, roles, API tokens and who may do what.
 */
@NullMarked
package org.customerportfolio.account;

import org.jspecify.annotations.NullMarked;
