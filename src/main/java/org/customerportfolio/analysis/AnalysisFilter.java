package org.customerportfolio.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.customerportfolio.customer.CustomerStatus;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * Which customers and which years an analysis looks at: a period of (fiscal) years and
 * exact filters on the customer. Archived customers are never counted. An empty year
 * means "from the first" or "to the last" year with invoices.
 */
public record AnalysisFilter(@Nullable Integer from, @Nullable Integer to, @Nullable String businessType,
		@Nullable Long accountManagerId, @Nullable String tag, @Nullable CustomerStatus status) {

	static final int FIRST_YEAR = 1900;

	static final int LAST_YEAR = 2200;

	public static AnalysisFilter none() {
		return new AnalysisFilter(null, null, null, null, null, null);
	}

	/**
	 * The filter as pages and the API receive it, as text; every value that cannot be
	 * read is named, so the user learns all that is wrong at once.
	 * @throws InvalidInputException for a year that is not a year, a period that ends
	 * before it starts, an account manager that is not a number or an unknown status
	 */
	public static AnalysisFilter parse(@Nullable String from, @Nullable String to, @Nullable String businessType,
			@Nullable String accountManager, @Nullable String tag, @Nullable String status) {
		List<RuleViolation> problems = new ArrayList<>();
		Integer fromYear = year("from", from, problems);
		Integer toYear = year("to", to, problems);
		if (fromYear != null && toYear != null && fromYear > toYear) {
			problems.add(new RuleViolation("from", "analysis.filter.fromAfterTo", String.valueOf(fromYear),
					String.valueOf(toYear)));
		}
		Long manager = null;
		if (present(accountManager)) {
			try {
				manager = Long.valueOf(accountManager.strip());
			}
			catch (NumberFormatException ex) {
				problems.add(new RuleViolation("manager", "analysis.filter.manager", accountManager));
			}
		}
		CustomerStatus customerStatus = null;
		if (present(status)) {
			try {
				customerStatus = CustomerStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new RuleViolation("status", "analysis.filter.status", status));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new AnalysisFilter(fromYear, toYear, present(businessType) ? businessType.strip() : null, manager,
				present(tag) ? tag.strip() : null, customerStatus);
	}

	/** The same customers over another period. */
	public AnalysisFilter withPeriod(@Nullable Integer from, @Nullable Integer to) {
		return new AnalysisFilter(from, to, this.businessType, this.accountManagerId, this.tag, this.status);
	}

	private static @Nullable Integer year(String field, @Nullable String text, List<RuleViolation> problems) {
		if (!present(text)) {
			return null;
		}
		try {
			int year = Integer.parseInt(text.strip());
			if (year >= FIRST_YEAR && year <= LAST_YEAR) {
				return year;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		problems.add(new RuleViolation(field, "analysis.filter.year", text));
		return null;
	}

	private static boolean present(@Nullable String text) {
		return text != null && !text.isBlank();
	}

}
