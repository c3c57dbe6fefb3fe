package org.customerportfolio.exchange;

/**
 * Text for cells of files that spreadsheets open. A text starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return would be taken for a
 * formula by Excel when it opens a CSV file, so such a text is written with a leading
 * apostrophe, which Excel shows as text and never runs; reading it back takes the
 * apostrophe off again.
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	public static String safe(String text) {
		return startsLikeFormula(text) ? "'" + text : text;
	}

	/** The text as it was before {@link #safe(String)}. */
	public static String unsafe(String text) {
		return (text.length() > 1 && text.charAt(0) == '\'' && startsLikeFormula(text.substring(1))) ? text.substring(1)
				: text;
	}

	private static boolean startsLikeFormula(String text) {
		if (text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

}
