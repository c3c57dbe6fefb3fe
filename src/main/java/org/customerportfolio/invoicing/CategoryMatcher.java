package org.customerportfolio.invoicing;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Finds the service category a file means: by code or by its Dutch or English label, case
 * and accents ignored. Unknown ones get a code made from their text.
 */
final class CategoryMatcher {

	private final Map<String, String> codes = new HashMap<>();

	/** What each distinct text of a file was found to mean (a file names few). */
	private final Memo<String> found = new Memo<>((text) -> this.codes.get(key(text)));

	CategoryMatcher(List<ServiceCategory> categories) {
		for (ServiceCategory category : categories) {
			this.codes.put(key(category.code()), category.code());
			this.codes.put(key(category.labelNl()), category.code());
			this.codes.put(key(category.labelEn()), category.code());
		}
	}

	@Nullable String code(String text) {
		return this.found.get(text);
	}

	static String codeFor(String text) {
		String code = key(text).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		if (code.isEmpty() || !Character.isLetter(code.charAt(0))) {
			code = "c_" + code;
		}
		return (code.length() > 50) ? code.substring(0, 50) : code;
	}

	private static String key(String text) {
		return Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT);
	}

}
