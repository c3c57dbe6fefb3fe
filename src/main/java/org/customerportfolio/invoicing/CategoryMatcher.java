package org.customerportfolio.invoicing;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Finds the service category a file means: by code or by its Dutch or English label, case
 * and accents ignored. Unknown ones get a code made from their text.
 */
final class CategoryMatcher {

	private final Map<String, String> codes = new HashMap<>();

	/** What each distinct text of a file was found to mean (a file names few). */
	private final Map<String, Optional<String>> found = new HashMap<>();

	CategoryMatcher(List<ServiceCategory> categories) {
		for (ServiceCategory category : categories) {
			this.codes.put(key(category.code()), category.code());
			this.codes.put(key(category.labelNl()), category.code());
			this.codes.put(key(category.labelEn()), category.code());
		}
	}

	@Nullable String code(String text) {
		Optional<String> code = this.found.get(text);
		if (code == null) {
			code = Optional.ofNullable(this.codes.get(key(text)));
			if (this.found.size() < ValueFormats.DISTINCT_VALUES_KEPT) {
				this.found.put(text, code);
			}
		}
		return code.orElse(null);
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
