/**
 * An invented portfolio to start from or to measure with: the newcomers' example of a
 * Dutch engineering and consulting firm, and the same generator at any scale for
 * benchmarks, written into the database in bulk or as an invoice file for the import.
 */
@NullMarked
package org.customerportfolio.example;

import org.jspecify.annotations.NullMarked;
