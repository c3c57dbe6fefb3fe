package org.customerportfolio.customer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person on our side involved with a customer: one of our users, or a colleague named
 * without an account.
 */
@Table("team_member")
class TeamMember {

	@Id
	private @Nullable Long id;

	@Version
	private @Nullable Long version;

	private final long customerId;

	private @Nullable Long userId;

	private @Nullable String colleagueName;

	private TeamRole role;

	private boolean archived;

	@PersistenceCreator
	TeamMember(@Nullable Long id, @Nullable Long version, long customerId, @Nullable Long userId,
			@Nullable String colleagueName, TeamRole role, boolean archived) {
		this.id = id;
		this.version = version;
		this.customerId = customerId;
		this.userId = userId;
		this.colleagueName = colleagueName;
		this.role = role;
		this.archived = archived;
	}

	static TeamMember add(long customerId, TeamMemberDetails details) {
		return new TeamMember(null, null, customerId, details.userId(), details.colleagueName(), details.role(), false);
	}

	void update(TeamMemberDetails details) {
		this.userId = details.userId();
		this.colleagueName = details.colleagueName();
		this.role = details.role();
	}

	void archive() {
		this.archived = true;
	}

	TeamMemberDetails details() {
		return new TeamMemberDetails(this.userId, this.colleagueName, this.role);
	}

	static Map<String, String> auditSnapshot(TeamMemberDetails details, java.util.function.LongFunction<String> users) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("teamMember.person", (details.userId() != null) ? users.apply(details.userId())
				: Objects.toString(details.colleagueName(), ""));
		values.put("teamMember.role", details.role().name());
		return values;
	}

	long id() {
		return Objects.requireNonNull(this.id, "team member not saved yet");
	}

	long version() {
		return (this.version != null) ? this.version : 0;
	}

	long customerId() {
		return this.customerId;
	}

	boolean archived() {
		return this.archived;
	}

}
