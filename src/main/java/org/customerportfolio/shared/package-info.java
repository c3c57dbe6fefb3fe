/**
 * What every module shares: languages, formats, paging, error handling. Kept small.
 */
@NullMarked
package org.customerportfolio.shared;

import org.jspecify.annotations.NullMarked;
