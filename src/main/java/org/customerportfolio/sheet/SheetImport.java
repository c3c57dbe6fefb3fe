package org.customerportfolio.sheet;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.customerportfolio.evaluation.EvaluationManagement;
import org.customerportfolio.exchange.RowProblem;
import org.customerportfolio.exchange.SpreadsheetText;
import org.customerportfolio.exchange.TabularFile;
import org.customerportfolio.exchange.TabularRow;
import org.customerportfolio.plan.RelationshipPlans;
import org.customerportfolio.plan.Strategy;
import org.customerportfolio.shared.Chunks;
import org.customerportfolio.shared.Language;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads an exported sheet back after it was edited in a spreadsheet. Rows are matched on
 * the id column; every cell of a column that can be edited (criteria, strategy) is
 * compared with the customer's current value, and each difference becomes a change. A row
 * whose revision differs from the customer's current one was changed in the app since the
 * export: its changes are shown as a conflict and never applied. Columns the sheet does
 * not know are ignored with a notice, columns that are computed (scores, revenue) are not
 * read. A value that is not valid stops the whole import; applying is all-or-nothing and
 * records evaluations and plan changes exactly as edits on screen do.
 */
@Service
public class SheetImport {

	private static final int CHUNK = 1000;

	private final PortfolioSheet sheet;

	private final SheetColumns columns;

	private final SheetCells cells;

	private final EvaluationManagement evaluations;

	private final RelationshipPlans plans;

	private final MessageSource messages;

	SheetImport(PortfolioSheet sheet, SheetColumns columns, SheetCells cells, EvaluationManagement evaluations,
			RelationshipPlans plans, MessageSource messages) {
		this.sheet = sheet;
		this.columns = columns;
		this.cells = cells;
		this.evaluations = evaluations;
		this.plans = plans;
		this.messages = messages;
	}

	/** One cell that will change: labels old and new in the reader's language. */
	public record Change(long customerId, String customerName, long row, String column, String columnLabel,
			String oldValue, String newValue) {
	}

	/** A row changed in the app since the export: its edits are not applied. */
	public record Conflict(long customerId, String customerName, long row, List<String> columns) {

		public Conflict {
			columns = List.copyOf(columns);
		}

	}

	/**
	 * What importing the file would do. Nothing is applied while {@code problems} is not
	 * empty.
	 */
	public record Preview(String fileName, long rows, List<Change> changes, List<Conflict> conflicts,
			List<String> ignoredColumns, List<String> readOnlyColumns, List<RowProblem> problems) {

		public Preview {
			changes = List.copyOf(changes);
			conflicts = List.copyOf(conflicts);
			ignoredColumns = List.copyOf(ignoredColumns);
			readOnlyColumns = List.copyOf(readOnlyColumns);
			problems = List.copyOf(problems);
		}

		public boolean acceptable() {
			return this.problems.isEmpty();
		}

		public long customersChanged() {
			return this.changes.stream().map(Change::customerId).distinct().count();
		}

	}

	@Transactional(readOnly = true)
	public Preview preview(Path file, String fileName, Language language) {
		return analyse(file, fileName, language).preview();
	}

	/**
	 * Applies the file's changes, all or none, after checking it again: answers what was
	 * applied (or the problems, with nothing applied).
	 */
	@Transactional
	public Preview commit(Path file, String fileName, Language language, String actor) {
		Analysis analysis = analyse(file, fileName, language);
		Preview preview = analysis.preview();
		if (!preview.acceptable()) {
			return preview;
		}
		String comment = this.messages.getMessage("sheet.import.comment", new Object[] { fileName }, language.locale());
		analysis.edits().forEach((customerId, edit) -> {
			if (!edit.answers().isEmpty()) {
				this.evaluations.amend(customerId, edit.answers(), edit.seenEvaluation(), true, comment, actor);
			}
			if (edit.strategyChanged()) {
				this.plans.setStrategy(customerId, edit.strategy(), actor);
			}
		});
		return preview;
	}

	private Analysis analyse(Path path, String fileName, Language language) {
		TabularFile file = TabularFile.open(path, fileName);
		SheetColumns.Catalogue catalogue = this.columns.all();
		Header header = header(file.header(), catalogue, language);
		List<RowProblem> problems = new ArrayList<>();
		if (header.id() < 0) {
			problems.add(RowProblem.ofFile("sheet.import.noId", fileName, label("sheet.column.id", language)));
		}
		else if (header.revision() < 0) {
			problems
				.add(RowProblem.ofFile("sheet.import.noRevision", fileName, label("sheet.column.revision", language)));
		}
		if (!problems.isEmpty()) {
			return new Analysis(
					new Preview(fileName, 0, List.of(), List.of(), header.ignored(), header.readOnly(), problems),
					Map.of());
		}
		List<SheetColumn> importable = header.importable().values().stream().toList();
		List<String> read = new ArrayList<>(List.of("name"));
		importable.forEach((column) -> read.add(column.key()));
		SheetQuery query = new SheetQuery(read, "name", false, Map.of(), null, false, 0, CHUNK);
		List<TabularRow> rows = new ArrayList<>();
		file.forEachRow(rows::add);
		Map<Long, SheetRow> current = current(rows, header, query, catalogue);
		List<Change> changes = new ArrayList<>();
		List<Conflict> conflicts = new ArrayList<>();
		Map<Long, Edit> edits = new LinkedHashMap<>();
		Set<Long> seen = new java.util.HashSet<>();
		for (TabularRow row : rows) {
			String idText = row.cell(header.id()).strip();
			if (idText.isEmpty() && row.cells().stream().allMatch(String::isBlank)) {
				continue;
			}
			Long id = parseId(idText);
			SheetRow now = (id != null) ? current.get(id) : null;
			if (now == null) {
				problems.add(new RowProblem(row.number(), file.header().get(header.id()), idText,
						"sheet.import.unknownCustomer", new Object[] { fileName, row.number() }));
				continue;
			}
			if (!seen.add(id)) {
				problems.add(new RowProblem(row.number(), file.header().get(header.id()), idText,
						"sheet.import.duplicateCustomer", new Object[] { fileName, row.number() }));
				continue;
			}
			String name = String.valueOf(now.value("name"));
			Edit edit = new Edit(now.evaluationId());
			List<Change> rowChanges = new ArrayList<>();
			header.importable().forEach((index, column) -> {
				String raw = SpreadsheetText.unsafe(row.cell(index).strip());
				Object value;
				try {
					value = parse(column, raw, language);
				}
				catch (IllegalArgumentException ex) {
					problems.add(new RowProblem(row.number(), file.header().get(index), raw, "sheet.import.invalid",
							new Object[] { fileName, row.number(), file.header().get(index), raw,
									expected(column, language) }));
					return;
				}
				Object old = now.value(column.key());
				if (!same(old, value)) {
					rowChanges.add(new Change(id, name, row.number(), column.key(), column.label(language),
							this.cells.text(column, old, language), this.cells.text(column, value, language)));
					edit.add(column, value);
				}
			});
			if (rowChanges.isEmpty()) {
				continue;
			}
			if (!now.revision().equals(row.cell(header.revision()).strip())) {
				conflicts
					.add(new Conflict(id, name, row.number(), rowChanges.stream().map(Change::columnLabel).toList()));
				continue;
			}
			changes.addAll(rowChanges);
			edits.put(id, edit);
		}
		return new Analysis(
				new Preview(fileName, rows.size(), changes, conflicts, header.ignored(), header.readOnly(), problems),
				edits);
	}

	private Map<Long, SheetRow> current(List<TabularRow> rows, Header header, SheetQuery query,
			SheetColumns.Catalogue catalogue) {
		List<Long> ids = rows.stream()
			.map((row) -> parseId(row.cell(header.id()).strip()))
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		Map<Long, SheetRow> current = new HashMap<>();
		for (List<Long> chunk : Chunks.of(ids, CHUNK)) {
			this.sheet.rows(query, catalogue, chunk).forEach((row) -> current.put(row.id(), row));
		}
		return current;
	}

	private static @Nullable Long parseId(String text) {
		try {
			return Long.valueOf(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** The cell's value as stored: a code, codes, a number, a text; null when empty. */
	private static @Nullable Object parse(SheetColumn column, String raw, Language language) {
		if (raw.isEmpty()) {
			return null;
		}
		return switch (column.type()) {
			case LEVEL, CHOICE -> code(column, raw);
			case LEVELS -> {
				List<String> codes = new ArrayList<>();
				for (String part : raw.split("[;,]")) {
					if (!part.isBlank()) {
						codes.add(code(column, part.strip()));
					}
				}
				yield codes.stream().distinct().sorted(java.util.Comparator.comparingInt(column::position)).toList();
			}
			case NUMBER -> number(raw);
			default -> raw;
		};
	}

	private static String code(SheetColumn column, String raw) {
		String wanted = raw.toLowerCase(Locale.ROOT);
		return column.choices()
			.stream()
			.filter((choice) -> choice.code().equalsIgnoreCase(raw)
					|| choice.labelNl().toLowerCase(Locale.ROOT).equals(wanted)
					|| choice.labelEn().toLowerCase(Locale.ROOT).equals(wanted))
			.map(SheetColumn.Choice::code)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(raw));
	}

	private static BigDecimal number(String raw) {
		String text = raw.replace(" ", "");
		if (text.contains(",") && !text.contains(".")) {
			text = text.replace(',', '.');
		}
		else if (text.contains(",") && text.contains(".")) {
			text = (text.lastIndexOf(',') > text.lastIndexOf('.')) ? text.replace(".", "").replace(',', '.')
					: text.replace(",", "");
		}
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(raw, ex);
		}
	}

	private static boolean same(@Nullable Object old, @Nullable Object value) {
		if (old instanceof BigDecimal a && value instanceof BigDecimal b) {
			return a.compareTo(b) == 0;
		}
		if (old instanceof String text && text.isEmpty()) {
			old = null;
		}
		return Objects.equals(old, value);
	}

	private String expected(SheetColumn column, Language language) {
		if (column.type() == ColumnType.NUMBER) {
			return label("sheet.import.expectedNumber", language);
		}
		if (column.choices().isEmpty()) {
			return "";
		}
		return String.join(", ", column.choices().stream().map((choice) -> choice.label(language)).toList());
	}

	private String label(String code, Language language) {
		return this.messages.getMessage(code, null, code, language.locale());
	}

	private Header header(List<String> cells, SheetColumns.Catalogue catalogue, Language language) {
		Map<String, String> keys = new HashMap<>();
		for (SheetColumn column : catalogue.columns()) {
			keys.put(normal(column.key()), column.key());
			keys.put(normal(column.labelNl()), column.key());
			keys.put(normal(column.labelEn()), column.key());
		}
		Set<String> idNames = names("sheet.column.id", SheetExport.ID);
		Set<String> revisionNames = names("sheet.column.revision", SheetExport.REVISION);
		int id = -1;
		int revision = -1;
		Map<Integer, SheetColumn> importable = new LinkedHashMap<>();
		List<String> ignored = new ArrayList<>();
		List<String> readOnly = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			String name = SpreadsheetText.unsafe(cells.get(i).strip());
			if (name.isEmpty()) {
				continue;
			}
			if (idNames.contains(normal(name)) && id < 0) {
				id = i;
			}
			else if (revisionNames.contains(normal(name)) && revision < 0) {
				revision = i;
			}
			else {
				Optional<SheetColumn> column = Optional.ofNullable(keys.get(normal(name))).flatMap(catalogue::column);
				if (column.isEmpty()) {
					ignored.add(name);
				}
				else if (!column.get().importable()) {
					readOnly.add(name);
				}
				else {
					importable.put(i, column.get());
				}
			}
		}
		return new Header(id, revision, importable, ignored, readOnly);
	}

	private Set<String> names(String code, String key) {
		Set<String> names = new LinkedHashSet<>();
		names.add(key);
		for (Language language : Language.values()) {
			names.add(normal(label(code, language)));
		}
		return names;
	}

	private static String normal(String text) {
		return text.strip().toLowerCase(Locale.ROOT);
	}

	private record Header(int id, int revision, Map<Integer, SheetColumn> importable, List<String> ignored,
			List<String> readOnly) {
	}

	private record Analysis(Preview preview, Map<Long, Edit> edits) {
	}

	/** What one customer's row changes: criterion answers, and perhaps the strategy. */
	private static final class Edit {

		private final @Nullable Long seenEvaluation;

		private final Map<String, List<String>> answers = new LinkedHashMap<>();

		private boolean strategyChanged;

		private @Nullable Strategy strategy;

		Edit(@Nullable Long seenEvaluation) {
			this.seenEvaluation = seenEvaluation;
		}

		void add(SheetColumn column, @Nullable Object value) {
			if (column.criterion() == null) {
				this.strategyChanged = true;
				this.strategy = (value != null) ? Strategy.valueOf((String) value) : null;
				return;
			}
			List<String> answer;
			if (value == null) {
				answer = List.of();
			}
			else if (value instanceof List<?> codes) {
				answer = codes.stream().map(String::valueOf).toList();
			}
			else if (value instanceof BigDecimal number) {
				answer = List.of(number.toPlainString().replace('.', ','));
			}
			else {
				answer = List.of((String) value);
			}
			this.answers.put(column.criterion().code(), answer);
		}

		@Nullable Long seenEvaluation() {
			return this.seenEvaluation;
		}

		Map<String, List<String>> answers() {
			return this.answers;
		}

		boolean strategyChanged() {
			return this.strategyChanged;
		}

		@Nullable Strategy strategy() {
			return this.strategy;
		}

	}

}
