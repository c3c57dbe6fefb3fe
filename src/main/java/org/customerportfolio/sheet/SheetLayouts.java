package org.customerportfolio.sheet;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers each user's sheet: the last view they opened (columns, order, sort, filters,
 * grouping, frozen name column), kept as its URL parameters so it opens again as it was.
 */
@Service
@Transactional
public class SheetLayouts {

	static final int MAX_LENGTH = 8000;

	private final JdbcClient jdbc;

	private final Clock clock;

	SheetLayouts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<String> layout(long userId) {
		return this.jdbc.sql("select query from sheet_layout where user_id = :user")
			.param("user", userId)
			.query(String.class)
			.optional();
	}

	public void remember(long userId, SheetQuery query) {
		String text = query.viewQueryString();
		if (text.length() > MAX_LENGTH || layout(userId).filter(text::equals).isPresent()) {
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		int updated = this.jdbc.sql("update sheet_layout set query = :query, updated_at = :at where user_id = :user")
			.param("query", text)
			.param("at", now)
			.param("user", userId)
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into sheet_layout (user_id, query, updated_at) values (:user, :query, :at)")
				.param("query", text)
				.param("at", now)
				.param("user", userId)
				.update();
		}
	}

	public void forget(long userId) {
		this.jdbc.sql("delete from sheet_layout where user_id = :user").param("user", userId).update();
	}

}
