package org.customerportfolio.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes an invoice export the way Dutch users' accounting systems do: semicolon
 * separated, decimal comma with thousands points, dates as dd-MM-yyyy, Dutch headers. The
 * same seed, line count, customer count and years always give the same file, byte for
 * byte.
 * <p>
 * Invoices follow each other in date order over the years, numbered per year, with one to
 * six lines each; a few customers buy far more than the rest; about 3% of the lines are
 * credits; most lines carry a cost price. Five categories are the application's own (by
 * their Dutch labels), a sixth is new and is created by the import.
 */
final class InvoiceFileGenerator {

	static final String HEADER = "Klantnummer;Klantnaam;Factuurnummer;Factuurdatum;Omzetgroep;Omschrijving;Bedrag;Kosten";

	private static final String[] CATEGORIES = { "Advies", "Ontwerp", "Toezicht", "Onderhoud", "Overig",
			"Detachering" };

	/** Cumulative weights of the categories above, out of 100. */
	private static final int[] CATEGORY_WEIGHTS = { 30, 55, 70, 85, 93, 100 };

	private static final String[] KINDS = { "Bouwbedrijf", "Installatiebedrijf", "Architectenbureau", "Gemeente",
			"Woningcorporatie", "Aannemersbedrijf", "Ingenieursbureau", "Vastgoed", "Transport", "Zorggroep" };

	private static final String[] NAMES = { "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer",
			"de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Dekker", "Brouwer",
			"de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Koç", "Müller", "Hoekstra", "Bruijn",
			"Oosterhuis", "van Leeuwen", "Kok", "Prins" };

	private static final String[] FORMS = { "B.V.", "N.V.", "V.O.F.", "", "Holding B.V." };

	private static final String[] WORK = { "Werkzaamheden", "Uren", "Projectbegeleiding", "Inspectie", "Licentie",
			"Meerwerk" };

	private InvoiceFileGenerator() {
	}

	/** What was written, to check the import against. */
	record Generated(Path path, long lines, long invoices, int customersUsed, BigDecimal totalAmount, long bytes,
			long millis) {
	}

	static Generated write(Path path, long lines, int customers, long seed, int firstYear, int lastYear)
			throws IOException {
		long started = System.nanoTime();
		Files.createDirectories(path.toAbsolutePath().getParent());
		SplittableRandom random = new SplittableRandom(seed);
		LocalDate first = LocalDate.of(firstYear, 1, 1);
		long days = ChronoUnit.DAYS.between(first, LocalDate.of(lastYear, 12, 31)) + 1;
		boolean[] used = new boolean[customers];
		int customersUsed = 0;
		long totalCents = 0;
		long invoices = 0;
		int year = 0;
		int numberInYear = 0;
		StringBuilder row = new StringBuilder(160);
		try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
			out.write(HEADER);
			out.write("\r\n");
			long written = 0;
			while (written < lines) {
				LocalDate date = first.plusDays(written * days / lines);
				if (date.getYear() != year) {
					year = date.getYear();
					numberInYear = 0;
				}
				numberInYear++;
				invoices++;
				// skewed: customer 1 buys most, the last ones rarely
				double u = random.nextDouble();
				int customer = (int) (customers * u * u);
				if (!used[customer]) {
					used[customer] = true;
					customersUsed++;
				}
				String reference = reference(customer);
				String name = name(customer);
				String invoice = "F" + year + "-" + pad(numberInYear, 6);
				String dateText = pad(date.getDayOfMonth(), 2) + "-" + pad(date.getMonthValue(), 2) + "-" + year;
				int invoiceLines = (int) Math.min(1 + random.nextInt(6), lines - written);
				for (int i = 0; i < invoiceLines; i++) {
					int weight = random.nextInt(100);
					int category = 0;
					while (CATEGORY_WEIGHTS[category] <= weight) {
						category++;
					}
					// log-normal around 450 euros, at least one euro
					long cents = Math.max(100, Math.round(Math.exp(random.nextGaussian() * 1.1) * 45000));
					if (random.nextInt(100) < 3) {
						cents = -cents;
					}
					totalCents += cents;
					row.setLength(0);
					row.append(reference).append(';').append(name).append(';').append(invoice).append(';');
					row.append(dateText).append(';').append(CATEGORIES[category]).append(';');
					row.append(WORK[random.nextInt(WORK.length)])
						.append(' ')
						.append(CATEGORIES[category].toLowerCase(Locale.ROOT))
						.append(" week ")
						.append(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
						.append(';');
					appendAmount(row, cents);
					row.append(';');
					if (random.nextInt(100) < 70) {
						appendAmount(row, cents / 100 * (40 + random.nextInt(50)));
					}
					row.append("\r\n");
					out.append(row);
					written++;
				}
			}
		}
		return new Generated(path, lines, invoices, customersUsed, BigDecimal.valueOf(totalCents, 2), Files.size(path),
				(System.nanoTime() - started) / 1_000_000);
	}

	static String reference(int customer) {
		return "K" + pad(customer + 1, 6);
	}

	private static String name(int customer) {
		SplittableRandom names = new SplittableRandom(customer * 7919L + 17);
		String form = FORMS[names.nextInt(FORMS.length)];
		return KINDS[names.nextInt(KINDS.length)] + " " + NAMES[names.nextInt(NAMES.length)] + " " + (customer + 1)
				+ (form.isEmpty() ? "" : " " + form);
	}

	/** 1234567 cents as {@code 12.345,67}. */
	static void appendAmount(StringBuilder out, long cents) {
		if (cents < 0) {
			out.append('-');
			cents = -cents;
		}
		String euros = Long.toString(cents / 100);
		int lead = euros.length() % 3;
		for (int i = 0; i < euros.length(); i++) {
			if (i > 0 && (i - lead) % 3 == 0) {
				out.append('.');
			}
			out.append(euros.charAt(i));
		}
		long rest = cents % 100;
		out.append(',').append((char) ('0' + rest / 10)).append((char) ('0' + rest % 10));
	}

	private static String pad(long value, int width) {
		String text = Long.toString(value);
		return (text.length() >= width) ? text : "0".repeat(width - text.length()) + text;
	}

}
