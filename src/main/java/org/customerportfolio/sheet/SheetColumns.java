package org.customerportfolio.sheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.CriterionKind;
import org.customerportfolio.criteria.Level;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerStatus;
import org.customerportfolio.invoicing.FiscalYears;
import org.customerportfolio.plan.Strategy;
import org.customerportfolio.sheet.SheetColumn.Choice;
import org.customerportfolio.sheet.SheetColumn.Source;
import org.customerportfolio.shared.Formats;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The columns the sheet offers, as they stand now: the customer's own fields, every
 * criterion in use, the scores, the strategy and the money figures. Criterion columns are
 * keyed {@code criterion.<key>}.
 */
@Component
public class SheetColumns {

	static final String CRITERION_PREFIX = "criterion.";

	private final CriteriaManagement criteria;

	private final CustomerManagement customers;

	private final AccountManagement accounts;

	private final MessageSource messages;

	private final FiscalYears years;

	private final Formats formats;

	SheetColumns(CriteriaManagement criteria, CustomerManagement customers, AccountManagement accounts,
			MessageSource messages, FiscalYears years, Formats formats) {
		this.criteria = criteria;
		this.customers = customers;
		this.accounts = accounts;
		this.messages = messages;
		this.years = years;
		this.formats = formats;
	}

	/** Every column, in the default order, keyed by its key. */
	public Catalogue all() {
		Map<String, SheetColumn> columns = new LinkedHashMap<>();
		add(columns, "name", ColumnType.TEXT, "c.name", Source.CUSTOMER, List.of());
		add(columns, "externalRef", ColumnType.TEXT, "c.external_ref", Source.CUSTOMER, List.of());
		add(columns, "businessType", ColumnType.CHOICE, "c.business_type", Source.CUSTOMER,
				this.customers.businessTypes()
					.stream()
					.map((type) -> new Choice(type.code(), type.labelNl(), type.labelEn()))
					.toList());
		add(columns, "status", ColumnType.CHOICE, "c.status", Source.CUSTOMER,
				enumChoices("status.", CustomerStatus.values()));
		add(columns, "city", ColumnType.TEXT, "c.city", Source.CUSTOMER, List.of());
		add(columns, "country", ColumnType.TEXT, "c.country", Source.CUSTOMER, List.of());
		add(columns, "accountManager", ColumnType.CHOICE, "c.account_manager_id", Source.MANAGER,
				this.accounts.users()
					.stream()
					.map((user) -> new Choice(String.valueOf(user.id()), user.displayName(), user.displayName()))
					.toList());
		add(columns, "tags", ColumnType.TAGS, "", Source.CUSTOMER, List.of());
		for (Criterion criterion : this.criteria.current()) {
			columns.put(CRITERION_PREFIX + criterion.code(), criterionColumn(criterion));
		}
		add(columns, "attractiveness", ColumnType.SCORE, "s.attractiveness", Source.STANDING, List.of());
		add(columns, "relationshipStrength", ColumnType.SCORE, "s.relationship_strength", Source.STANDING, List.of());
		add(columns, "evaluatedAt", ColumnType.DATE, "s.evaluated_at", Source.STANDING, List.of());
		add(columns, "strategy", ColumnType.CHOICE, "p.strategy", Source.PLAN,
				enumChoices("strategy.", Strategy.values()));
		int year = this.years.yearOf(this.formats.today());
		addYear(columns, "revenueThisYear", ColumnType.MONEY, "f.revenue_this_year", year);
		addYear(columns, "revenueLastYear", ColumnType.MONEY, "f.revenue_last_year", year - 1);
		add(columns, "revenueChange", ColumnType.MONEY, "f.revenue_change", Source.FIGURES, List.of());
		add(columns, "revenueChangePercent", ColumnType.PERCENT, "f.revenue_change_percent", Source.FIGURES, List.of());
		add(columns, "projection", ColumnType.MONEY, "f.projection", Source.FIGURES, List.of());
		addYear(columns, "marginThisYear", ColumnType.MONEY, "f.margin_this_year", year);
		add(columns, "marginPercent", ColumnType.PERCENT, "f.margin_percent", Source.FIGURES, List.of());
		return new Catalogue(columns);
	}

	private static SheetColumn criterionColumn(Criterion criterion) {
		String alias = "l" + criterion.id();
		ColumnType type = switch (criterion.kind()) {
			case ORDINAL, SINGLE_CHOICE -> ColumnType.LEVEL;
			case MULTIPLE_CHOICE -> ColumnType.LEVELS;
			case NUMBER -> ColumnType.NUMBER;
			case TEXT -> ColumnType.TEXT;
		};
		String value = switch (criterion.kind()) {
			case ORDINAL, SINGLE_CHOICE -> alias + ".level_code";
			case MULTIPLE_CHOICE -> alias + ".level_codes";
			case NUMBER -> alias + ".number_value";
			case TEXT -> alias + ".text_value";
		};
		List<Choice> choices = (criterion.kind() == CriterionKind.NUMBER || criterion.kind() == CriterionKind.TEXT)
				? List.of() : criterion.levels().stream().map(SheetColumns::choice).toList();
		return new SheetColumn(CRITERION_PREFIX + criterion.code(), type, criterion.nameNl(), criterion.nameEn(), value,
				Source.LEVEL, choices, criterion);
	}

	private static Choice choice(Level level) {
		return new Choice(level.code(), level.labelNl(), level.labelEn());
	}

	private void add(Map<String, SheetColumn> columns, String key, ColumnType type, String value, Source source,
			List<Choice> choices) {
		columns.put(key, new SheetColumn(key, type, message("sheet.column." + key, Locale.forLanguageTag("nl")),
				message("sheet.column." + key, Locale.ENGLISH), value, source, choices, null));
	}

	private void addYear(Map<String, SheetColumn> columns, String key, ColumnType type, String value, int year) {
		columns.put(key, new SheetColumn(key, type, message("sheet.column." + key, Locale.forLanguageTag("nl"), year),
				message("sheet.column." + key, Locale.ENGLISH, year), value, Source.FIGURES, List.of(), null));
	}

	private List<Choice> enumChoices(String prefix, Enum<?>[] values) {
		List<Choice> choices = new ArrayList<>();
		for (Enum<?> value : values) {
			choices.add(new Choice(value.name(), message(prefix + value.name(), Locale.forLanguageTag("nl")),
					message(prefix + value.name(), Locale.ENGLISH)));
		}
		return choices;
	}

	private String message(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, locale);
	}

	/**
	 * The columns by key, in their default order.
	 */
	public record Catalogue(Map<String, SheetColumn> byKey) {

		public Catalogue {
			byKey = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
		}

		public Optional<SheetColumn> column(String key) {
			return Optional.ofNullable(this.byKey.get(key));
		}

		public List<SheetColumn> columns() {
			return List.copyOf(this.byKey.values());
		}

		/**
		 * What a new user sees: identity, the ordinal levels, scores, strategy and
		 * revenue.
		 */
		public List<String> defaults() {
			return this.byKey.values().stream().filter((column) -> switch (column.key()) {
				case "name", "businessType", "status", "accountManager", "attractiveness", "relationshipStrength",
						"strategy", "revenueThisYear", "revenueLastYear", "revenueChangePercent" ->
					true;
				default -> column.criterion() != null && column.type() == ColumnType.LEVEL;
			}).map(SheetColumn::key).toList();
		}

	}

}
