package org.customerportfolio.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one benchmark run: each printed as a {@code BENCH key=value} line as
 * soon as it is known, all of them appended to a results file at the end.
 */
final class BenchResults {

	private final Map<String, String> results = new LinkedHashMap<>();

	void put(String key, Object value) {
		String text = String.valueOf(value);
		this.results.put(key, text);
		System.out.println("BENCH " + key + "=" + text);
	}

	/** Appends the run to {@code results.txt} in the benchmarks' folder. */
	void report() throws IOException {
		report(BenchDatabase.DIR);
	}

	/** Appends the run to {@code results.txt} in that folder. */
	void report(Path folder) throws IOException {
		StringBuilder text = new StringBuilder("\n# ").append(this.results.get("run.at")).append('\n');
		this.results.forEach((key, value) -> text.append("BENCH ").append(key).append('=').append(value).append('\n'));
		Files.createDirectories(folder);
		Files.writeString(folder.resolve("results.txt"), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
		System.out.println("BENCH results appended to " + folder.resolve("results.txt"));
	}

	/** Milliseconds, as the figures print them. */
	static String ms(long nanos) {
		return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
	}

}
