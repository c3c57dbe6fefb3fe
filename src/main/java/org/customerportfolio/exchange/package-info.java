/**
 * Reading spreadsheet-like files as accounting systems and Excel write them: CSV in any
 * usual encoding and separator, and XLSX, row by row without holding the file in memory,
 * refusing files that are not what they claim to be.
 */
@NullMarked
package org.customerportfolio.exchange;

import org.jspecify.annotations.NullMarked;
