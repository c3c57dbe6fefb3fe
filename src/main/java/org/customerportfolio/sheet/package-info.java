/**
 * The portfolio sheet: every customer in one grid of basic information, current levels,
 * scores, strategy and money figures — sorted, filtered, grouped and paged in SQL — with
 * in-place rating, an export of exactly the current view to XLSX or CSV, and an import of
 * that sheet back after it was edited in a spreadsheet.
 */
@NullMarked
package org.customerportfolio.sheet;

import org.jspecify.annotations.NullMarked;
