/**
 * Portfolio analyses: how concentrated revenue and margin are, where customers stand in
 * the portfolio matrix, how groups of customers differ, and which customers are alike.
 * The calculations in this package are plain Java over one row per customer; the SQL that
 * fills those rows lives in {@code analysis.readmodel}, the pages and API in
 * {@code analysis.web}.
 */
@NullMarked
package org.customerportfolio.analysis;

import org.jspecify.annotations.NullMarked;
