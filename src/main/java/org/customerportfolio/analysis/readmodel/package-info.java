/**
 * The SQL that feeds the analyses: one row per customer, aggregated by the database from
 * the read models ({@code revenue_year}, {@code customer_standing},
 * {@code customer_level}), never from invoice lines.
 */
@NullMarked
package org.customerportfolio.analysis.readmodel;

import org.jspecify.annotations.NullMarked;
