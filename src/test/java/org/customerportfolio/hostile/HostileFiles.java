package org.customerportfolio.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The hostile import corpus, generated from rules so that it is the same on every run and
 * grows by adding a rule, not a file. Every file is built from a {@link Base}: the header
 * and one valid row of the import it attacks, so that a file fails for the one thing its
 * rule breaks and not because it is not an import at all. {@link #controls} are the base
 * itself as CSV and XLSX: they must import, which proves the corpus reaches the import's
 * real checks.
 */
final class HostileFiles {

	/** A generated file: {@code name} says which rule made it. */
	record HostileFile(String name, String fileName, byte[] content) {

		@Override
		public String toString() {
			return this.name + " (" + sizeOf(this.content.length) + ")";
		}

	}

	/** Where in a row the value-level rules put their value. */
	enum Slot {

		TEXT, NUMBER, DATE

	}

	/** The header and one valid row of an import; the slots are column indexes. */
	record Base(String prefix, List<String> header, List<String> row, Map<Slot, Integer> slots) {

		List<String> with(Slot slot, String value) {
			List<String> changed = new ArrayList<>(this.row);
			changed.set(this.slots.get(slot), value);
			return changed;
		}

	}

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	/** Values that go into one cell: the same list for every slot. */
	static final Map<String, String> HOSTILE_VALUES = values();

	/** Values only for number cells. */
	static final Map<String, String> HOSTILE_NUMBERS = numbers();

	/** Values only for date cells. */
	static final Map<String, String> HOSTILE_DATES = dates();

	private HostileFiles() {
	}

	private static Map<String, String> values() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("script-tag", "<script>alert(1)</script>");
		values.put("img-onerror", "<img src=x onerror=alert(1)>");
		values.put("sql-drop", "'; DROP TABLE customer;--");
		values.put("sql-or", "' OR '1'='1");
		values.put("path-traversal", "../../etc/passwd");
		values.put("windows-traversal", "..\\..\\windows\\win.ini");
		values.put("formula-cmd", "=cmd|' /C calc'!A0");
		values.put("formula-at-sum", "@SUM(1+1)*cmd|' /C calc'!A0");
		values.put("formula-plus", "+1");
		values.put("formula-minus", "-1");
		values.put("formula-hyperlink", "=HYPERLINK(\"http://evil.example\",\"x\")");
		values.put("formula-tab", "\t=1+1");
		values.put("jndi", "${jndi:ldap://127.0.0.1:1/x}");
		values.put("spel", "[[${T(java.lang.Runtime).getRuntime()}]]");
		values.put("format-string", "%s%s%s%n%x");
		values.put("overlong-100k", "x".repeat(100_000));
		values.put("control-chars", "a\u0001b\u0002c\u001bd\u007fe");
		values.put("ansi-escape", "\u001b[31mred\u001b[0m");
		values.put("rtl-override", "abc\u202Egnp.exe");
		values.put("zero-width", "a\u200Bb\uFEFFc");
		values.put("line-separator", "a\u2028b\u2029c");
		values.put("non-character", "a\uFFFFb\uFFFEc");
		values.put("lone-surrogate", "a\uD800b");
		values.put("emoji", "\uD83D\uDE00\uD83D\uDCA9");
		values.put("whitespace-only", " \u00A0\t ");
		values.put("null-word", "null");
		return values;
	}

	private static Map<String, String> numbers() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("thousands-point", "1.234,56");
		values.put("thousands-comma", "1,234.56");
		values.put("two-points", "1.234.567");
		values.put("two-commas", "1,234,567");
		values.put("nan", "NaN");
		values.put("infinity", "Infinity");
		values.put("minus-infinity", "-Infinity");
		values.put("e309", "1e309");
		values.put("minus-e309", "-1e309");
		values.put("e-400", "1E-400");
		values.put("digits-400", "9".repeat(400));
		values.put("digits-10k", "1".repeat(10_000));
		values.put("decimals-400", "0," + "3".repeat(400));
		values.put("negative-zero", "-0");
		values.put("negative-zero-decimals", "-0,00");
		values.put("hex", "0x1F");
		values.put("underscores", "1_000");
		values.put("trailing-minus", "12-");
		values.put("parentheses", "(12)");
		values.put("currency", "€ 12,00");
		values.put("percent", "12 %");
		values.put("arabic-digits", "\u0661\u0662\u0663");
		values.put("fullwidth-digits", "\uFF11\uFF12");
		values.put("long-max-plus-one", "9223372036854775808");
		return values;
	}

	private static Map<String, String> dates() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("feb-31", "31-02-2025");
		values.put("feb-29-no-leap", "29-02-2023");
		values.put("month-13", "2025-13-01");
		values.put("month-0", "2025-00-10");
		values.put("year-0", "0000-01-01");
		values.put("year-99999", "99999-01-01");
		values.put("negative-year", "-0001-01-01");
		values.put("ambiguous-short", "01/02/03");
		values.put("ambiguous-day-month", "02/03/2025");
		values.put("excel-serial", "45000");
		values.put("epoch-seconds", "1738000000");
		values.put("iso-week", "2025-W05");
		values.put("time-only", "24:00");
		values.put("date-time-zone", "2025-01-15T10:00:00+25:00");
		return values;
	}

	/** The base itself, as CSV and as XLSX: both must import. */
	static List<HostileFile> controls(Base base) {
		return List.of(new HostileFile("control-csv", base.prefix() + ".csv", csv(base.header(), base.row())),
				new HostileFile("control-xlsx", base.prefix() + ".xlsx", xlsx(base.header(), List.of(base.row()))));
	}

	/** Every hostile file for the import described by {@code base}. */
	static List<HostileFile> corpus(Base base) {
		List<HostileFile> files = new ArrayList<>();
		cellValues(base, files);
		encodings(base, files);
		quotes(base, files);
		separators(base, files);
		sizes(base, files);
		xlsxFiles(base, files);
		notXlsx(base, files);
		controlBytes(base, files);
		return files;
	}

	/** Each hostile value in each slot, as CSV; a selection also as XLSX. */
	private static void cellValues(Base base, List<HostileFile> files) {
		for (Slot slot : Slot.values()) {
			Map<String, String> values = new LinkedHashMap<>(HOSTILE_VALUES);
			if (slot == Slot.NUMBER) {
				values.putAll(HOSTILE_NUMBERS);
			}
			if (slot == Slot.DATE) {
				values.putAll(HOSTILE_DATES);
			}
			values.forEach((rule, value) -> files.add(new HostileFile("value-" + slot.name().toLowerCase() + "-" + rule,
					base.prefix() + ".csv", csv(base.header(), base.with(slot, value)))));
		}
		for (String rule : List.of("script-tag", "sql-drop", "formula-cmd", "formula-at-sum", "formula-plus",
				"formula-minus", "overlong-100k", "control-chars", "lone-surrogate")) {
			files.add(new HostileFile("xlsx-value-text-" + rule, base.prefix() + ".xlsx",
					xlsx(base.header(), List.of(base.with(Slot.TEXT, HOSTILE_VALUES.get(rule))))));
		}
		for (String rule : List.of("nan", "e309", "digits-400", "thousands-comma")) {
			files.add(new HostileFile("xlsx-value-number-" + rule, base.prefix() + ".xlsx",
					xlsx(base.header(), List.of(base.with(Slot.NUMBER, HOSTILE_NUMBERS.get(rule))))));
		}
		// real formula cells, not text that looks like one
		String sheet = sheetXml(base.header(), List.of(base.row()),
				(row, column) -> (row == 2 && column == base.slots().get(Slot.TEXT))
						? "<f>cmd|' /C calc'!A0</f><v>0</v>" : null);
		files.add(new HostileFile("xlsx-formula-cell-dde", base.prefix() + ".xlsx", xlsxWithSheet(sheet)));
		String number = sheetXml(base.header(), List.of(base.row()), (row,
				column) -> (row == 2 && column == base.slots().get(Slot.NUMBER)) ? "<f>1/0</f><v>#DIV/0!</v>" : null);
		files.add(new HostileFile("xlsx-formula-cell-div0", base.prefix() + ".xlsx", xlsxWithSheet(number)));
	}

	private static void encodings(Base base, List<HostileFile> files) {
		String text = lines(base.header(), base.with(Slot.TEXT, "Caf\u00e9 \u00c6gir \u20ac"));
		Map<String, byte[]> broken = new LinkedHashMap<>();
		broken.put("invalid-utf8-c3-28", new byte[] { (byte) 0xC3, 0x28 });
		broken.put("invalid-utf8-ff", new byte[] { (byte) 0xFF, (byte) 0xFE, (byte) 0xFD });
		broken.put("overlong-utf8-slash", new byte[] { (byte) 0xC0, (byte) 0xAF });
		broken.put("lone-continuation", new byte[] { (byte) 0x80, (byte) 0xBF });
		broken.put("utf8-surrogate", new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 });
		broken.put("five-byte-utf8", new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 });
		broken.forEach((rule, bytes) -> files
			.add(new HostileFile("encoding-" + rule, base.prefix() + ".csv", csvWithBytesInText(base, bytes))));
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		files.add(new HostileFile("encoding-truncated-utf8-at-end", base.prefix() + ".csv",
				concat(utf8, new byte[] { (byte) 0xE2, (byte) 0x82 })));
		files.add(new HostileFile("encoding-utf16le-bom", base.prefix() + ".csv",
				concat(new byte[] { (byte) 0xFF, (byte) 0xFE }, text.getBytes(StandardCharsets.UTF_16LE))));
		files.add(new HostileFile("encoding-utf16be-bom", base.prefix() + ".csv",
				concat(new byte[] { (byte) 0xFE, (byte) 0xFF }, text.getBytes(StandardCharsets.UTF_16BE))));
		files.add(new HostileFile("encoding-utf16le-no-bom", base.prefix() + ".csv",
				text.getBytes(StandardCharsets.UTF_16LE)));
		files.add(new HostileFile("encoding-utf16be-no-bom", base.prefix() + ".csv",
				text.getBytes(StandardCharsets.UTF_16BE)));
		files.add(new HostileFile("encoding-utf16-bom-odd-length", base.prefix() + ".csv",
				concat(new byte[] { (byte) 0xFF, (byte) 0xFE }, text.getBytes(StandardCharsets.UTF_16LE),
						new byte[] { 0x41 })));
		files.add(new HostileFile("encoding-utf32le-bom", base.prefix() + ".csv",
				concat(new byte[] { (byte) 0xFF, (byte) 0xFE, 0, 0 }, text.getBytes(Charset.forName("UTF-32LE")))));
		files.add(new HostileFile("encoding-mixed-utf8-and-1252", base.prefix() + ".csv",
				concat(lines(base.header(), base.with(Slot.TEXT, "Caf\u00e9")).getBytes(StandardCharsets.UTF_8),
						lines(List.of(), base.with(Slot.TEXT, "Caf\u00e9 \u20ac")).getBytes(WINDOWS_1252))));
		files.add(new HostileFile("encoding-utf8-bom-then-utf16", base.prefix() + ".csv",
				concat(UTF8_BOM, text.getBytes(StandardCharsets.UTF_16LE))));
		files.add(new HostileFile("encoding-double-bom", base.prefix() + ".csv", concat(UTF8_BOM, UTF8_BOM, utf8)));
		files.add(new HostileFile("encoding-bom-only", base.prefix() + ".csv", UTF8_BOM.clone()));
		files.add(new HostileFile("encoding-utf16-bom-only", base.prefix() + ".csv",
				new byte[] { (byte) 0xFF, (byte) 0xFE }));
		files.add(new HostileFile("encoding-utf7", base.prefix() + ".csv",
				lines(base.header(), base.with(Slot.TEXT, "+ADw-script+AD4-alert(1)+ADw-/script+AD4-"))
					.getBytes(StandardCharsets.US_ASCII)));
		files.add(new HostileFile("encoding-ebcdic", base.prefix() + ".csv", text.getBytes(Charset.forName("Cp037"))));
	}

	private static void quotes(Base base, List<HostileFile> files) {
		String separator = ";";
		String header = String.join(separator, base.header());
		List<String> row = base.row();
		Map<String, String> rows = new LinkedHashMap<>();
		rows.put("unbalanced-in-cell", join(base.with(Slot.TEXT, "\"Open quote")));
		rows.put("unbalanced-at-end", join(row) + separator + "\"");
		rows.put("quote-in-middle", join(base.with(Slot.TEXT, "Ab\"c\"d")));
		rows.put("triple-quotes", join(base.with(Slot.TEXT, "\"\"\"x\"\"\"")));
		rows.put("embedded-newline", join(base.with(Slot.TEXT, "\"line one\r\nline two\"")));
		rows.put("embedded-cr", join(base.with(Slot.TEXT, "\"a\rb\"")));
		rows.put("quoted-separator", join(base.with(Slot.TEXT, "\"a;b;c\"")));
		rows.put("quote-then-text", join(base.with(Slot.TEXT, "\"abc\"def")));
		rows.put("quoted-number", join(base.with(Slot.NUMBER, "\"1\"\"0\"")));
		rows.put("single-quotes", join(base.with(Slot.TEXT, "'abc")));
		for (Map.Entry<String, String> entry : rows.entrySet()) {
			files.add(new HostileFile("quotes-" + entry.getKey(), base.prefix() + ".csv",
					(header + "\r\n" + entry.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8)));
		}
		files.add(new HostileFile("quotes-unbalanced-header", base.prefix() + ".csv",
				("\"" + header + "\r\n" + join(row) + "\r\n").getBytes(StandardCharsets.UTF_8)));
		files.add(new HostileFile("quotes-open-to-end-of-file", base.prefix() + ".csv",
				(header + "\r\n\"" + (join(row) + "\r\n").repeat(2000)).getBytes(StandardCharsets.UTF_8)));
		files.add(new HostileFile("quotes-2mb-quoted-cell", base.prefix() + ".csv",
				(header + "\r\n" + join(base.with(Slot.TEXT, "\"" + "q\n".repeat(1024 * 1024) + "\"")) + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
	}

	private static void separators(Base base, List<HostileFile> files) {
		String header = String.join(";", base.header());
		List<String> row = base.row();
		add(files, base, "separators-none", String.join(" ", base.header()) + "\r\n" + String.join(" ", row));
		add(files, base, "separators-mixed-per-line", header + "\r\n" + String.join(",", row) + "\r\n"
				+ String.join("\t", row) + "\r\n" + String.join("|", row));
		add(files, base, "separators-mixed-in-line", mixed(base.header()) + "\r\n" + mixed(row));
		add(files, base, "separators-header-comma-data-semicolon",
				String.join(",", base.header()) + "\r\n" + String.join(";", row));
		add(files, base, "separators-tab", String.join("\t", base.header()) + "\r\n" + String.join("\t", row));
		add(files, base, "separators-pipe", String.join("|", base.header()) + "\r\n" + String.join("|", row));
		add(files, base, "separators-only", header + "\r\n" + ";".repeat(base.header().size() - 1) + "\r\n"
				+ ";;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;");
		add(files, base, "separators-leading-and-trailing", ";" + header + ";\r\n;" + join(row) + ";");
		add(files, base, "separators-fewer-fields", header + "\r\n" + join(row.subList(0, 2)));
		add(files, base, "separators-more-fields", header + "\r\n" + join(row) + ";extra;more;fields");
		add(files, base, "separators-duplicate-header", header + ";" + header + "\r\n" + join(row) + ";" + join(row));
		add(files, base, "separators-blank-header", ";".repeat(base.header().size()) + "\r\n" + join(row));
		add(files, base, "separators-cr-line-endings", header + "\r" + join(row) + "\r");
		add(files, base, "separators-lf-line-endings", header + "\n" + join(row) + "\n");
	}

	private static void sizes(Base base, List<HostileFile> files) {
		String header = String.join(";", base.header());
		files.add(new HostileFile("size-zero-bytes", base.prefix() + ".csv", new byte[0]));
		add(files, base, "size-whitespace-only", "   \r\n\t\r\n  ");
		add(files, base, "size-newlines-only", "\r\n".repeat(10_000));
		add(files, base, "size-header-only", header);
		add(files, base, "size-header-and-blank-lines",
				header + "\r\n" + "\r\n".repeat(1000) + ";".repeat(base.header().size() - 1) + "\r\n");
		// one line of 10 MB: no line breaks, so no header the import knows
		byte[] line = new byte[10 * 1024 * 1024];
		Arrays.fill(line, (byte) 'a');
		files.add(new HostileFile("size-10mb-single-line", base.prefix() + ".csv", line));
		add(files, base, "size-10mb-cell-after-header",
				header + "\r\n" + join(base.with(Slot.TEXT, "b".repeat(10 * 1024 * 1024))) + "\r\n");
		add(files, base, "size-10000-columns",
				header + ";" + columns(10_000 - base.header().size()) + "\r\n" + join(row(base, 10_000)));
		add(files, base, "size-201-columns",
				header + ";" + columns(201 - base.header().size()) + "\r\n" + join(row(base, 201)));
		add(files, base, "size-10000-columns-in-data-only", header + "\r\n" + join(row(base, 10_000)));
	}

	private static void xlsxFiles(Base base, List<HostileFile> files) {
		String plainSheet = sheetXml(base.header(), List.of(base.row()), (row, column) -> null);
		// zip bombs: parts that unpack to far more than the file
		files.add(new HostileFile("xlsx-zip-bomb-sheet-300mb", base.prefix() + ".xlsx",
				xlsxWithParts(plainSheet, Map.of("xl/worksheets/sheet1.xml",
						bomb(sheetStart(base.header()), " ", 300L * 1024 * 1024, "</sheetData></worksheet>")))));
		files
			.add(new HostileFile("xlsx-zip-bomb-shared-strings-200mb", base.prefix() + ".xlsx",
					xlsxWithParts(plainSheet,
							Map.of("xl/sharedStrings.xml", bomb(
									"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>",
									"A", 200L * 1024 * 1024, "</t></si></sst>")))));
		files.add(new HostileFile("xlsx-zip-bomb-extra-part-100mb", base.prefix() + ".xlsx",
				xlsxWithParts(plainSheet, Map.of("xl/media/padding.bin", bomb("", "\0", 100L * 1024 * 1024, "")))));
		files.add(new HostileFile("xlsx-zip-bomb-many-rows", base.prefix() + ".xlsx",
				xlsxWithParts(plainSheet,
						Map.of("xl/worksheets/sheet1.xml",
								bomb(sheetStart(base.header()), "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>",
										100L * 1024 * 1024, "</sheetData></worksheet>")))));
		files.add(new HostileFile("xlsx-zip-many-entries", base.prefix() + ".xlsx",
				xlsxWithParts(plainSheet, manyEntries(5000))));
		files.add(new HostileFile("xlsx-zip-entry-traversal", base.prefix() + ".xlsx",
				xlsxWithParts(plainSheet, Map.of("../../../../tmp/hostile-zip-slip.txt", bytes("owned")))));
		files.add(new HostileFile("xlsx-zip-absolute-entry", base.prefix() + ".xlsx",
				xlsxWithParts(plainSheet, Map.of("/etc/hostile-zip-slip.txt", bytes("owned")))));
		// XML entity expansion and external entities, in each part the reader parses
		String laughs = "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
				+ "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
				+ "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
				+ "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
				+ "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
				+ "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
				+ "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
				+ "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
				+ "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
				+ "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>";
		Map<String, String> doctypes = new LinkedHashMap<>();
		doctypes.put("billion-laughs", laughs);
		doctypes.put("xxe-etc-passwd", "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>");
		doctypes.put("xxe-external-dtd", "<!DOCTYPE x SYSTEM \"http://127.0.0.1:1/evil.dtd\">");
		doctypes.put("xxe-parameter-entity", "<!DOCTYPE x [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>");
		for (Map.Entry<String, String> doctype : doctypes.entrySet()) {
			String entity = switch (doctype.getKey()) {
				case "billion-laughs" -> "&lol9;";
				case "xxe-etc-passwd" -> "&xxe;";
				default -> "x";
			};
			String sheet = sheetXml(base.header(), List.of(base.with(Slot.TEXT, "ENTITY")), (row, column) -> null)
				.replace("ENTITY", entity);
			files.add(new HostileFile("xlsx-" + doctype.getKey() + "-in-sheet", base.prefix() + ".xlsx",
					xlsxWithParts(withDoctype(sheet, doctype.getValue()), Map.of())));
			String shared = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>" + entity
					+ "</t></si></sst>";
			String sheetWithShared = sheetXml(base.header(), List.of(base.row()),
					(row, column) -> (row == 2 && column == base.slots().get(Slot.TEXT)) ? "SHARED" : null);
			files.add(new HostileFile("xlsx-" + doctype.getKey() + "-in-shared-strings", base.prefix() + ".xlsx",
					xlsxWithParts(sheetWithShared,
							Map.of("xl/sharedStrings.xml", bytes(withDoctype(shared, doctype.getValue()))))));
			files.add(
					new HostileFile("xlsx-" + doctype.getKey() + "-in-workbook", base.prefix() + ".xlsx", xlsxWithParts(
							plainSheet, Map.of("xl/workbook.xml", bytes(withDoctype(WORKBOOK, doctype.getValue()))))));
			files.add(new HostileFile("xlsx-" + doctype.getKey() + "-in-content-types", base.prefix() + ".xlsx",
					xlsxWithParts(plainSheet,
							Map.of("[Content_Types].xml", bytes(withDoctype(CONTENT_TYPES, doctype.getValue()))))));
		}
		files.add(new HostileFile("xlsx-xinclude", base.prefix() + ".xlsx", xlsxWithParts(plainSheet.replace(
				"<sheetData>",
				"<sheetData><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/>"),
				Map.of())));
		// damaged workbooks
		files.add(new HostileFile("xlsx-sheet-not-xml", base.prefix() + ".xlsx",
				xlsxWithParts("this is not xml <<<", Map.of())));
		files.add(new HostileFile("xlsx-sheet-truncated-xml", base.prefix() + ".xlsx",
				xlsxWithParts(plainSheet.substring(0, plainSheet.length() / 2), Map.of())));
		files.add(new HostileFile("xlsx-no-workbook", base.prefix() + ".xlsx",
				xlsxWithParts(plainSheet, Map.of("xl/workbook.xml", new byte[0]))));
		files.add(new HostileFile("xlsx-workbook-without-sheets", base.prefix() + ".xlsx", xlsxWithParts(plainSheet,
				Map.of("xl/workbook.xml", bytes(WORKBOOK.replaceAll("<sheets>.*</sheets>", "<sheets/>"))))));
		files.add(new HostileFile("xlsx-sheet-missing", base.prefix() + ".xlsx",
				xlsxWithParts(plainSheet, missing("xl/worksheets/sheet1.xml"))));
		files.add(new HostileFile("xlsx-bad-cell-reference", base.prefix() + ".xlsx",
				xlsxWithParts(plainSheet.replaceFirst("r=\"A1\"", "r=\"ZZZZZZZZ99999999999\""), Map.of())));
		files.add(new HostileFile("xlsx-huge-column-index", base.prefix() + ".xlsx",
				xlsxWithParts(plainSheet.replaceFirst("r=\"A2\"", "r=\"XFD2\""), Map.of())));
		files.add(new HostileFile("xlsx-bad-shared-string-index", base.prefix() + ".xlsx",
				xlsxWithParts(sheetXml(base.header(), List.of(base.row()),
						(row, column) -> (row == 2 && column == 0) ? "SHARED99" : null), Map.of())));
		files.add(new HostileFile("xlsx-number-cell-with-text", base.prefix() + ".xlsx",
				xlsxWithParts(sheetXml(base.header(), List.of(base.row()),
						(row, column) -> (row == 2 && column == base.slots().get(Slot.NUMBER)) ? "NUMBER:abc" : null),
						Map.of())));
		files.add(new HostileFile("xlsx-header-only", base.prefix() + ".xlsx", xlsx(base.header(), List.of())));
		files.add(new HostileFile("xlsx-empty-sheet", base.prefix() + ".xlsx",
				xlsxWithParts(sheetXml(List.of(), List.of(), (row, column) -> null), Map.of())));
		files.add(new HostileFile("xlsx-10000-columns", base.prefix() + ".xlsx", xlsx(
				concatLists(base.header(), columnList(10_000 - base.header().size())), List.of(row(base, 10_000)))));
		files.add(new HostileFile("xlsx-truncated-zip", base.prefix() + ".xlsx",
				Arrays.copyOf(xlsx(base.header(), List.of(base.row())), 300)));
		files.add(new HostileFile("xlsx-empty-zip", base.prefix() + ".xlsx", zip(Map.of())));
	}

	private static void notXlsx(Base base, List<HostileFile> files) {
		files.add(new HostileFile("not-xlsx-csv-content", base.prefix() + ".xlsx", csv(base.header(), base.row())));
		byte[] random = new byte[64 * 1024];
		new java.util.Random(42).nextBytes(random);
		files.add(new HostileFile("not-xlsx-random-bytes", base.prefix() + ".xlsx", random));
		files.add(new HostileFile("not-xlsx-pdf", base.prefix() + ".xlsx",
				bytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")));
		files.add(new HostileFile("not-xlsx-html", base.prefix() + ".xlsx",
				bytes("<html><body><script>alert(1)</script></body></html>")));
		files.add(new HostileFile("not-xlsx-zip-header-only", base.prefix() + ".xlsx",
				new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 0, 0 }));
		files.add(new HostileFile("not-xlsx-plain-zip-of-text", base.prefix() + ".xlsx",
				zip(Map.of("readme.txt", bytes("hello")))));
		byte[] ole = new byte[1024];
		byte[] signature = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		System.arraycopy(signature, 0, ole, 0, signature.length);
		files.add(new HostileFile("not-xlsx-ole2-header", base.prefix() + ".xlsx", ole));
		files.add(new HostileFile("not-csv-gzip", base.prefix() + ".csv",
				new byte[] { 0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4 }));
		files.add(new HostileFile("not-csv-xlsx-named-csv", base.prefix() + ".csv",
				xlsx(base.header(), List.of(base.row()))));
	}

	private static void controlBytes(Base base, List<HostileFile> files) {
		files.add(new HostileFile("nul-in-cell", base.prefix() + ".csv", csvWithBytesInText(base, new byte[] { 0 })));
		files.add(new HostileFile("nul-at-start", base.prefix() + ".csv",
				concat(new byte[] { 0 }, csv(base.header(), base.row()))));
		files.add(new HostileFile("nul-after-first-8k", base.prefix() + ".csv",
				concat(csv(base.header(), base.with(Slot.TEXT, "p".repeat(9000))), new byte[] { 0, 0, 0 },
						csv(List.of(), base.row()))));
		files.add(new HostileFile("nul-every-other-byte", base.prefix() + ".csv",
				lines(base.header(), base.row()).getBytes(StandardCharsets.UTF_16LE)));
		for (int code : new int[] { 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1A, 0x1B, 0x7F, 0x85 }) {
			files.add(new HostileFile("control-" + Integer.toHexString(code) + "-in-cell", base.prefix() + ".csv",
					csv(base.header(), base.with(Slot.TEXT, "a" + (char) code + "b"))));
		}
		files.add(new HostileFile("control-in-header", base.prefix() + ".csv",
				csv(base.header().stream().map((name) -> name + "\u0007").toList(), base.row())));
		files.add(new HostileFile("control-cr-in-number", base.prefix() + ".csv",
				csv(base.header(), base.with(Slot.NUMBER, "1\u000b2"))));
	}

	// ---- building blocks

	static byte[] csv(List<String> header, List<String> row) {
		return lines(header, row).getBytes(StandardCharsets.UTF_8);
	}

	private static String lines(List<String> header, List<String> row) {
		StringBuilder text = new StringBuilder();
		if (!header.isEmpty()) {
			text.append(join(header)).append("\r\n");
		}
		return text.append(join(row)).append("\r\n").toString();
	}

	/**
	 * Cells joined by semicolons; a cell with a separator or quote is not quoted (hostile
	 * on purpose).
	 */
	private static String join(List<String> cells) {
		return String.join(";", cells);
	}

	private static String mixed(List<String> cells) {
		StringBuilder line = new StringBuilder();
		String[] separators = { ";", ",", "\t", "|" };
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(separators[i % separators.length]);
			}
			line.append(cells.get(i));
		}
		return line.toString();
	}

	private static void add(List<HostileFile> files, Base base, String name, String text) {
		files.add(new HostileFile(name, base.prefix() + ".csv", text.getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] csvWithBytesInText(Base base, byte[] bytes) {
		String marker = "\u0000MARK\u0000";
		byte[] text = csv(base.header(), base.with(Slot.TEXT, "Ab" + marker + "cd"));
		byte[] mark = marker.getBytes(StandardCharsets.UTF_8);
		int at = indexOf(text, mark);
		return concat(Arrays.copyOf(text, at), bytes, Arrays.copyOfRange(text, at + mark.length, text.length));
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new IllegalStateException("marker not found");
	}

	private static String columns(int count) {
		return String.join(";", columnList(count));
	}

	private static List<String> columnList(int count) {
		List<String> names = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			names.add("Extra" + i);
		}
		return names;
	}

	private static List<String> row(Base base, int width) {
		List<String> row = new ArrayList<>(base.row());
		while (row.size() < width) {
			row.add(String.valueOf(row.size()));
		}
		return row;
	}

	private static <T> List<T> concatLists(List<T> first, List<T> second) {
		List<T> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String sizeOf(long bytes) {
		return (bytes < 10 * 1024) ? bytes + " B" : (bytes / 1024) + " KB";
	}

	// ---- a minimal XLSX, written by hand so that every part can be made hostile

	private static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
			+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
			+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
			+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
			+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
			+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
			+ "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
			+ "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
			+ "</Types>";

	private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
			+ "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
			+ "<cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>";

	private static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
			+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
			+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
			+ "</Relationships>";

	private static final String WORKBOOK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
			+ "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
			+ "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
			+ "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

	private static final String WORKBOOK_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
			+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
			+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
			+ "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
			+ "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
			+ "</Relationships>";

	private static final String SHARED_STRINGS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
			+ "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\">"
			+ "<si><t>shared</t></si></sst>";

	/** Decides the inside of one cell; null for the plain text or number of the row. */
	interface CellOverride {

		String cell(int row, int column);

	}

	static byte[] xlsx(List<String> header, List<List<String>> rows) {
		return xlsxWithSheet(sheetXml(header, rows, (row, column) -> null));
	}

	private static byte[] xlsxWithSheet(String sheet) {
		return xlsxWithParts(sheet, Map.of());
	}

	/**
	 * The standard parts with the given sheet; {@code parts} replace (null: remove) or
	 * add parts.
	 */
	private static byte[] xlsxWithParts(String sheet, Map<String, byte[]> parts) {
		Map<String, byte[]> all = new LinkedHashMap<>();
		all.put("[Content_Types].xml", bytes(CONTENT_TYPES));
		all.put("_rels/.rels", bytes(RELS));
		all.put("xl/workbook.xml", bytes(WORKBOOK));
		all.put("xl/_rels/workbook.xml.rels", bytes(WORKBOOK_RELS));
		all.put("xl/sharedStrings.xml", bytes(SHARED_STRINGS));
		all.put("xl/styles.xml", bytes(STYLES));
		all.put("xl/worksheets/sheet1.xml", bytes(sheet));
		parts.forEach((name, content) -> {
			if (content == null) {
				all.remove(name);
			}
			else {
				all.put(name, content);
			}
		});
		return zip(all);
	}

	private static String sheetStart(List<String> header) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
				+ rowXml(1, header, (row, column) -> null, false);
	}

	private static String sheetXml(List<String> header, List<List<String>> rows, CellOverride override) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
		if (!header.isEmpty()) {
			xml.append(rowXml(1, header, override, false));
		}
		int number = 2;
		for (List<String> row : rows) {
			xml.append(rowXml(number++, row, override, true));
		}
		return xml.append("</sheetData></worksheet>").toString();
	}

	private static String rowXml(int number, List<String> cells, CellOverride override, boolean numbers) {
		StringBuilder xml = new StringBuilder("<row r=\"" + number + "\">");
		for (int column = 0; column < cells.size(); column++) {
			String reference = columnName(column) + number;
			String special = override.cell(number, column);
			String value = cells.get(column);
			if (special != null && special.startsWith("SHARED")) {
				String index = special.substring("SHARED".length());
				xml.append("<c r=\"")
					.append(reference)
					.append("\" t=\"s\"><v>")
					.append(index.isEmpty() ? "0" : index)
					.append("</v></c>");
			}
			else if (special != null && special.startsWith("NUMBER:")) {
				xml.append("<c r=\"")
					.append(reference)
					.append("\"><v>")
					.append(special.substring("NUMBER:".length()))
					.append("</v></c>");
			}
			else if (special != null) {
				xml.append("<c r=\"").append(reference).append("\">").append(special).append("</c>");
			}
			else if (numbers && value.matches("-?\\d+(\\.\\d+)?")) {
				xml.append("<c r=\"").append(reference).append("\"><v>").append(value).append("</v></c>");
			}
			else {
				xml.append("<c r=\"")
					.append(reference)
					.append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
					.append(escapeXml(value))
					.append("</t></is></c>");
			}
		}
		return xml.append("</row>").toString();
	}

	private static String columnName(int index) {
		StringBuilder name = new StringBuilder();
		int n = index + 1;
		while (n > 0) {
			int rest = (n - 1) % 26;
			name.insert(0, (char) ('A' + rest));
			n = (n - 1) / 26;
		}
		return name.toString();
	}

	/**
	 * XML text; characters XML 1.0 cannot hold are dropped (a real spreadsheet cannot
	 * hold them either).
	 */
	private static String escapeXml(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				default -> {
					if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

	private static String withDoctype(String xml, String doctype) {
		String declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
		String body = xml.startsWith(declaration) ? xml.substring(declaration.length()) : xml;
		return declaration + doctype + body;
	}

	/**
	 * A part of {@code size} bytes: start, the filler repeated, end. Compressed as it is
	 * written, so the bomb never sits in memory unpacked.
	 */
	private static byte[] bomb(String start, String filler, long size, String end) {
		return BOMB_MARKER_PREFIX.concat(String.join(BOMB_SEPARATOR, start, filler, String.valueOf(size), end))
			.getBytes(StandardCharsets.UTF_8);
	}

	private static final String BOMB_MARKER_PREFIX = "\u0000BOMB\u0000";

	private static final String BOMB_SEPARATOR = "\u0001SEP\u0001";

	private static Map<String, byte[]> missing(String part) {
		Map<String, byte[]> parts = new java.util.HashMap<>();
		parts.put(part, null);
		return parts;
	}

	private static Map<String, byte[]> manyEntries(int count) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			entries.put("xl/media/empty" + i + ".bin", new byte[0]);
		}
		return entries;
	}

	private static byte[] zip(Map<String, byte[]> parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			for (Map.Entry<String, byte[]> part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				writePart(zip, part.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void writePart(ZipOutputStream zip, byte[] content) throws IOException {
		String text = new String(content, StandardCharsets.UTF_8);
		if (!text.startsWith(BOMB_MARKER_PREFIX)) {
			zip.write(content);
			return;
		}
		String[] pieces = text.substring(BOMB_MARKER_PREFIX.length()).split(BOMB_SEPARATOR, -1);
		byte[] start = bytes(pieces[0]);
		byte[] filler = bytes(pieces[1]);
		long size = Long.parseLong(pieces[2]);
		zip.write(start);
		byte[] block = new byte[1024 * 1024 - (1024 * 1024) % filler.length];
		for (int i = 0; i < block.length; i++) {
			block[i] = filler[i % filler.length];
		}
		for (long written = 0; written < size; written += block.length) {
			zip.write(block);
		}
		zip.write(bytes(pieces[3]));
	}

}
