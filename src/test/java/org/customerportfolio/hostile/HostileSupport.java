package org.customerportfolio.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What every hostile case asserts: an answer below 500, no stack trace in it, nothing
 * saved when the input was refused, and the application still answering the next request.
 */
final class HostileSupport {

	/**
	 * Tables that change for reasons of their own: sessions, events, what background jobs
	 * of the shared test application record meanwhile (warnings), and the signal that
	 * data changed (a refused import records its attempt, which signals too).
	 */
	private static final Set<String> UNTOUCHED = Set.of("spring_session", "spring_session_attributes",
			"event_publication", "event_publication_archive", "flyway_schema_history", "warning_occurrence",
			"data_change");

	/** Text that only a stack trace or an exception's name puts in a response. */
	private static final List<String> STACK_TRACE_TEXT = List.of("at org.", "at java.", "at jdk.", "Exception", "\tat ",
			"Caused by:");

	private HostileSupport() {
	}

	/**
	 * Performs the request; an exception escaping MockMvc is what a servlet container
	 * answers with a 500.
	 */
	static MvcResult perform(MockMvc mvc, RequestBuilder request, String description) {
		try {
			return mvc.perform(request).andReturn();
		}
		catch (Exception ex) {
			throw new AssertionError(description + ": the request failed inside the application (a 500): " + ex, ex);
		}
	}

	/** A 4xx or a page/report (2xx, 3xx), never 5xx, and no stack trace in the body. */
	static void assertHandled(MvcResult result, String description) {
		int status = result.getResponse().getStatus();
		assertThat(status).as("%s: status", description).isLessThan(500);
		String body = body(result);
		for (String text : STACK_TRACE_TEXT) {
			assertThat(body).as("%s: stack trace text %s in the answer", description, text).doesNotContain(text);
		}
	}

	static String body(MvcResult result) {
		try {
			byte[] bytes = result.getResponse().getContentAsByteArray();
			String type = result.getResponse().getContentType();
			if (type != null && !type.startsWith("text/") && !type.contains("json") && !type.contains("xml")) {
				return ""; // a download: its content is checked elsewhere
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	/** Row counts of every application table, in one query. */
	static Map<String, Long> rowCounts(JdbcClient jdbc) {
		List<String> tables = jdbc
			.sql("select lower(table_name) from information_schema.tables where lower(table_schema) = 'public' "
					+ "and table_type in ('BASE TABLE', 'TABLE') order by 1")
			.query(String.class)
			.list();
		StringBuilder sql = new StringBuilder();
		for (String table : tables) {
			if (UNTOUCHED.contains(table)) {
				continue;
			}
			if (!sql.isEmpty()) {
				sql.append(" union all ");
			}
			// the import history records refused attempts too: only a finished import
			// saved
			// anything
			String where = "invoice_import".equals(table) ? " where status = 'DONE'" : "";
			sql.append("select '")
				.append(table)
				.append("' as name, count(*) as rows_ from ")
				.append(table)
				.append(where);
		}
		Map<String, Long> counts = new TreeMap<>();
		jdbc.sql(sql.toString())
			.query((row, number) -> Map.entry(row.getString(1), row.getLong(2)))
			.list()
			.forEach((entry) -> counts.put(entry.getKey(), entry.getValue()));
		return counts;
	}

	/** The application still answers a plain request normally. */
	static void assertStillAnswers(MockMvc mvc, String bearer) {
		MvcResult next = perform(mvc, get("/api/v1/customers").param("size", "1").header("Authorization", bearer),
				"the next request");
		assertThat(next.getResponse().getStatus()).as("the next request after a hostile one").isEqualTo(200);
	}

}
