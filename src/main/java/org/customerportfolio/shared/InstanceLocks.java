package org.customerportfolio.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets instances that share one database take turns, with a row lock held until the
 * caller's transaction ends: PostgreSQL and H2 both wait for it, and a crashed instance's
 * lock goes with its connection.
 */
@Component
public class InstanceLocks {

	/** Invoice imports commit one after the other. */
	public static final String INVOICE_IMPORT = "invoice_import";

	/** Read models built at start-up are built by one instance; the others find them. */
	public static final String READ_MODEL_BUILD = "read_model_build";

	private final JdbcClient jdbc;

	InstanceLocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Waits for the lock and holds it until the current transaction ends.
	 * @return how often it was counted (see {@link #count}) before
	 */
	public long lock(String name) {
		return this.jdbc.sql("select counter from instance_lock where name = :name for update")
			.param("name", name)
			.query(Long.class)
			.single();
	}

	/** How often the lock was counted, without waiting for it. */
	public long counted(String name) {
		return this.jdbc.sql("select counter from instance_lock where name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
	}

	/** Counts one more use, as part of the current transaction. */
	public void count(String name) {
		this.jdbc.sql("update instance_lock set counter = counter + 1 where name = :name").param("name", name).update();
	}

}
