/**
 * Backup and restore of the whole portfolio: every table of the schema to one ZIP
 * archive, and back into an empty installation, on H2 or PostgreSQL alike.
 */
@NullMarked
package org.customerportfolio.backup;

import org.jspecify.annotations.NullMarked;
