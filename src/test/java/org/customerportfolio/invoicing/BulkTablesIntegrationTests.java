package org.customerportfolio.invoicing;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.customerportfolio.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables an import writes by the million carry no foreign keys after migration V14,
 * on either database (the constraints had names of each database's choosing), while the
 * other tables keep theirs.
 */
@IntegrationTest
@Tag("persistence")
class BulkTablesIntegrationTests {

	@Autowired
	private DataSource dataSource;

	@ParameterizedTest
	@ValueSource(strings = { "invoice_line", "revenue_month", "revenue_year" })
	void bulkTablesHaveNoForeignKeys(String table) throws Exception {
		assertThat(foreignKeys(table)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "customer_figures", "manual_projection" })
	void otherTablesKeepTheirs(String table) throws Exception {
		assertThat(foreignKeys(table)).isNotEmpty();
	}

	private List<String> foreignKeys(String table) throws Exception {
		return new JdbcTemplate(this.dataSource).execute((java.sql.Connection connection) -> {
			String stored = connection.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT)
					: table;
			List<String> names = new ArrayList<>();
			try (ResultSet keys = connection.getMetaData().getImportedKeys(null, connection.getSchema(), stored)) {
				while (keys.next()) {
					names.add(keys.getString("FK_NAME"));
				}
			}
			return names;
		});
	}

}
