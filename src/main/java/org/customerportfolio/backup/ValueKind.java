package org.customerportfolio.backup;

import java.sql.Types;
import java.util.Locale;

/**
 * How a column's values are written to the archive and bound again, chosen from the
 * column's JDBC type so that H2 and PostgreSQL meet on the same representation.
 */
enum ValueKind {

	/** Whole numbers, written as JSON numbers. */
	INTEGER,
	/** Exact decimals, written as strings so that scale and precision survive. */
	DECIMAL,
	/** Floating point, written as JSON numbers. */
	DOUBLE, BOOLEAN, TEXT,
	/** A date, ISO 8601. */
	DATE,
	/** A timestamp without zone, ISO 8601. */
	TIMESTAMP,
	/** A timestamp with time zone, ISO 8601 with its offset. */
	TIMESTAMP_WITH_ZONE,
	/** Bytes, Base64. */
	BINARY;

	static ValueKind of(int jdbcType, String typeName) {
		String name = typeName.toLowerCase(Locale.ROOT);
		return switch (jdbcType) {
			case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> INTEGER;
			case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
			case Types.DOUBLE, Types.FLOAT, Types.REAL -> DOUBLE;
			case Types.BOOLEAN, Types.BIT -> BOOLEAN;
			case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR,
					Types.LONGNVARCHAR, Types.NCLOB ->
				TEXT;
			case Types.DATE -> DATE;
			case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_WITH_ZONE;
			// PostgreSQL's driver reports timestamptz as a plain TIMESTAMP with its own
			// name
			case Types.TIMESTAMP ->
				(name.contains("tz") || name.contains("time zone")) ? TIMESTAMP_WITH_ZONE : TIMESTAMP;
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
			default -> throw new IllegalStateException("No backup format for column type " + typeName + " (" + jdbcType
					+ "); add it to " + ValueKind.class.getName());
		};
	}

}
