package org.customerportfolio.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * A CSV or XLSX file read as a table: the first non-empty row is the header, the rows
 * after it are data. What kind of file it is, its encoding and its separator are found
 * from its content, not its name. Rows are streamed, so a file of a million lines never
 * sits in memory.
 */
public final class TabularFile {

	/** Wider tables than this are not accounting exports. */
	public static final int MAX_COLUMNS = 200;

	/** An XLSX whose parts unpack to more than this is refused (zip bombs). */
	static final long MAX_UNPACKED_BYTES = 1024L * 1024 * 1024;

	/** …or that unpacks more than this many times its own size. */
	static final long MAX_UNPACK_RATIO = 200;

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final char[] SEPARATORS = { ';', ',', '\t', '|' };

	private final Path path;

	private final String name;

	private final Kind kind;

	private final Charset charset;

	private final char separator;

	private final List<String> header;

	private final long headerRow;

	/** What a file turned out to be. */
	public enum Kind {

		CSV, XLSX

	}

	private TabularFile(Path path, String name, Kind kind, Charset charset, char separator) {
		this.path = path;
		this.name = name;
		this.kind = kind;
		this.charset = charset;
		this.separator = separator;
		List<String> found = null;
		long number = 0;
		try (Stream<TabularRow> rows = allRows()) {
			Iterator<TabularRow> iterator = rows.iterator();
			while (next(iterator)) {
				TabularRow row = iterator.next();
				if (!blank(row)) {
					found = row.cells().stream().map(String::strip).toList();
					number = row.number();
					break;
				}
			}
		}
		if (found == null) {
			throw new FileRefusedException("import.file.empty", name);
		}
		while (!found.isEmpty() && found.get(found.size() - 1).isEmpty()) {
			found = found.subList(0, found.size() - 1);
		}
		if (found.size() > MAX_COLUMNS) {
			throw new FileRefusedException("import.file.tooManyColumns", name, found.size(), MAX_COLUMNS);
		}
		this.header = List.copyOf(found);
		this.headerRow = number;
	}

	/**
	 * Opens a file, finding out what it is. {@code name} is the name the user knows it
	 * by, for messages.
	 */
	public static TabularFile open(Path path, String name) {
		byte[] start = readStart(path, 8192);
		if (new String(start, StandardCharsets.ISO_8859_1).replace("\u00ef\u00bb\u00bf", "").isBlank()) {
			throw new FileRefusedException("import.file.empty", name);
		}
		if (start.length >= 2 && (((start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE)
				|| ((start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF))) {
			// Excel's "Unicode text": UTF-16 with a byte order mark, tab separated
			return new TabularFile(path, name, Kind.CSV, StandardCharsets.UTF_16,
					detectSeparator(path, StandardCharsets.UTF_16));
		}
		if (start.length < 8) {
			Charset charset = detectCharset(path, start);
			return new TabularFile(path, name, Kind.CSV, charset, detectSeparator(path, charset));
		}
		if (ReadableWorkbook.isOOXMLZipHeader(start)) {
			checkZip(path, name);
			return new TabularFile(path, name, Kind.XLSX, StandardCharsets.UTF_8, ',');
		}
		if (ReadableWorkbook.isOLE2Header(start)) {
			throw new FileRefusedException("import.file.oldOrEncrypted", name);
		}
		for (byte b : start) {
			if (b == 0) {
				throw new FileRefusedException("import.file.binary", name);
			}
		}
		Charset charset = detectCharset(path, start);
		return new TabularFile(path, name, Kind.CSV, charset, detectSeparator(path, charset));
	}

	public String name() {
		return this.name;
	}

	public Kind kind() {
		return this.kind;
	}

	public Charset charset() {
		return this.charset;
	}

	public char separator() {
		return this.separator;
	}

	public List<String> header() {
		return this.header;
	}

	/**
	 * Streams the data rows below the header, skipping blank ones. The stream must be
	 * closed.
	 */
	public Stream<TabularRow> rows() {
		return allRows().filter((row) -> row.number() > this.headerRow && !blank(row));
	}

	/**
	 * Calls the consumer with every data row. A file that turns out to be broken half-way
	 * (an unclosed quote, damaged XML) is refused; what the consumer throws passes
	 * unchanged.
	 */
	public void forEachRow(Consumer<TabularRow> consumer) {
		try (Stream<TabularRow> rows = rows()) {
			Iterator<TabularRow> iterator = rows.iterator();
			while (next(iterator)) {
				consumer.accept(iterator.next());
			}
		}
	}

	private boolean next(Iterator<TabularRow> iterator) {
		try {
			return iterator.hasNext();
		}
		catch (FileRefusedException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new FileRefusedException("import.file.unreadable", this.name, reason(ex));
		}
	}

	private Stream<TabularRow> allRows() {
		return (this.kind == Kind.CSV) ? csvRows() : xlsxRows();
	}

	private Stream<TabularRow> csvRows() {
		try {
			CsvReader<CsvRecord> reader = CsvReader.builder()
				.fieldSeparator(this.separator)
				.detectBomHeader(true)
				.skipEmptyLines(true)
				.allowExtraFields(true)
				.allowMissingFields(true)
				.maxBufferSize(1024 * 1024)
				.ofCsvRecord(this.path, this.charset);
			return reader.stream()
				.map((record) -> new TabularRow(record.getStartingLineNumber(), record.getFields()))
				.onClose(() -> close(reader));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (CsvParseException ex) {
			throw new FileRefusedException("import.file.unreadable", this.name, reason(ex));
		}
	}

	private Stream<TabularRow> xlsxRows() {
		try {
			ReadableWorkbook workbook = new ReadableWorkbook(this.path.toFile(), new ReadingOptions(true, false));
			Stream<Row> rows = workbook.getFirstSheet().openStream();
			return rows.map(TabularFile::xlsxRow).onClose(() -> {
				rows.close();
				close(workbook);
			});
		}
		catch (IOException | RuntimeException ex) {
			throw new FileRefusedException("import.file.unreadable", this.name, reason(ex));
		}
	}

	private static TabularRow xlsxRow(Row row) {
		List<String> cells = new ArrayList<>();
		Set<Integer> formulas = new HashSet<>();
		Set<Integer> numbers = new HashSet<>();
		Set<Integer> dates = new HashSet<>();
		for (int i = 0; i < row.getCellCount(); i++) {
			Cell cell = row.getCell(i);
			if (cell == null) {
				cells.add("");
				continue;
			}
			if (cell.getType() == CellType.FORMULA) {
				formulas.add(i);
			}
			if (cell.getType() == CellType.NUMBER) {
				if (isDateFormat(cell.getDataFormatString())) {
					dates.add(i);
					cells.add(isoDate(cell.asDate()));
				}
				else {
					numbers.add(i);
					cells.add(cell.asNumber().stripTrailingZeros().toPlainString());
				}
				continue;
			}
			cells.add(text(cell));
		}
		return new TabularRow(row.getRowNum(), cells, formulas, numbers, dates);
	}

	private static String text(Cell cell) {
		return switch (cell.getType()) {
			case STRING -> cell.asString();
			case BOOLEAN -> String.valueOf(cell.asBoolean());
			case EMPTY -> "";
			default -> String.valueOf(cell.getRawValue());
		};
	}

	private static boolean isDateFormat(String format) {
		if (format == null) {
			return false;
		}
		String plain = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase(Locale.ROOT);
		return plain.contains("d") && plain.contains("y");
	}

	private static String isoDate(LocalDateTime dateTime) {
		return DateTimeFormatter.ISO_LOCAL_DATE.format(dateTime);
	}

	private static boolean blank(TabularRow row) {
		return row.cells().stream().allMatch(String::isBlank);
	}

	private static byte[] readStart(Path path, int length) {
		try (InputStream in = Files.newInputStream(path)) {
			return in.readNBytes(length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * UTF-8 (with or without byte order mark) when every byte sequence is valid UTF-8,
	 * else Windows-1252, which is what Dutch accounting software writes when it is not
	 * UTF-8.
	 */
	static Charset detectCharset(Path path, byte[] start) {
		if (start.length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
			return StandardCharsets.UTF_8;
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (InputStream in = Files.newInputStream(path)) {
			ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
			CharBuffer chars = CharBuffer.allocate(64 * 1024);
			byte[] chunk = new byte[32 * 1024];
			int read;
			while ((read = in.read(chunk)) >= 0) {
				bytes.put(chunk, 0, read);
				bytes.flip();
				if (decoder.decode(bytes, chars, false).isError()) {
					return WINDOWS_1252;
				}
				chars.clear();
				bytes.compact();
			}
			bytes.flip();
			if (decoder.decode(bytes, chars, true).isError() || decoder.flush(chars).isError()) {
				return WINDOWS_1252;
			}
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException ex) {
			return WINDOWS_1252;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The separator that splits the first lines into the same number of fields, more than
	 * one; the most fields wins, a semicolon wins a tie.
	 */
	static char detectSeparator(Path path, Charset charset) {
		List<String> lines = new ArrayList<>();
		try (Stream<String> all = Files.lines(path, charset)) {
			all.filter((line) -> !line.isBlank()).limit(30).forEach(lines::add);
		}
		catch (IOException | UncheckedIOException ex) {
			return ';';
		}
		if (lines.isEmpty()) {
			return ';';
		}
		char best = ';';
		int bestFields = 1;
		for (char separator : SEPARATORS) {
			int first = fields(lines.get(0), separator);
			boolean consistent = lines.stream().allMatch((line) -> fields(line, separator) == first);
			int score = consistent ? first : Math.min(first, 1);
			if (score > bestFields) {
				best = separator;
				bestFields = score;
			}
		}
		if (bestFields == 1) {
			// no separator splits every line alike: take the one that splits the header
			// most
			for (char separator : SEPARATORS) {
				int count = fields(lines.get(0), separator);
				if (count > bestFields) {
					best = separator;
					bestFields = count;
				}
			}
		}
		return best;
	}

	private static int fields(String line, char separator) {
		int count = 1;
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == separator && !quoted) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Unpacks every part of the XLSX once, counting, and refuses it when it unpacks to
	 * far more than it should.
	 */
	private static void checkZip(Path path, String name) {
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(path.toFile())) {
			long size = Files.size(path);
			long limit = Math.min(MAX_UNPACKED_BYTES, Math.max(size, 1) * MAX_UNPACK_RATIO);
			long total = 0;
			byte[] buffer = new byte[64 * 1024];
			var entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				if (entry.getName().contains("..")) {
					throw new FileRefusedException("import.file.unreadable", name, entry.getName());
				}
				try (InputStream in = zip.getInputStream(entry)) {
					int read;
					while ((read = in.read(buffer)) > 0) {
						total += read;
						if (total > limit) {
							throw new FileRefusedException("import.file.zipBomb", name);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new FileRefusedException("import.file.unreadable", name, reason(ex));
		}
	}

	/**
	 * Why a reader gave up, for the user: the first line of its message without the class
	 * names a parser puts in front (never a stack trace or an exception's name).
	 */
	public static String reason(Throwable ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : "";
		message = message.lines().findFirst().orElse("");
		return message.replaceAll("^(\\s*([a-z_][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error)\\s*:?\\s*)+", "").strip();
	}

	private static void close(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// reading is over either way
		}
	}

}
