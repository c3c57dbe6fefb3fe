package org.customerportfolio.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * A language the user interface speaks; each user picks one.
 */
public enum Language {

	EN("en", Locale.UK), NL("nl", new Locale("nl", "NL"));

	private final String code;

	private final Locale locale;

	Language(String code, Locale locale) {
		this.code = code;
		this.locale = locale;
	}

	public String code() {
		return this.code;
	}

	public Locale locale() {
		return this.locale;
	}

	public static Optional<Language> fromCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		for (Language language : values()) {
			if (language.code.equalsIgnoreCase(code.trim())) {
				return Optional.of(language);
			}
		}
		return Optional.empty();
	}

	public static Language of(Locale locale) {
		return (locale != null && "nl".equals(locale.getLanguage())) ? NL : EN;
	}

}
