package org.customerportfolio.customer.web;

import org.customerportfolio.customer.TeamMemberDetails;
import org.customerportfolio.customer.TeamMemberView;
import org.customerportfolio.customer.TeamRole;
import org.jspecify.annotations.Nullable;

/**
 * The team member form: pick one of our users, or name a colleague who has no account.
 */
record TeamMemberForm(@Nullable Long userId, @Nullable String colleagueName, @Nullable TeamRole role,
		@Nullable Long version) {

	static TeamMemberForm empty() {
		return new TeamMemberForm(null, "", TeamRole.ACCOUNT_MANAGER, null);
	}

	static TeamMemberForm of(TeamMemberView member) {
		return new TeamMemberForm(member.userId(), member.colleagueName(), member.role(), member.version());
	}

	TeamMemberDetails details() {
		return new TeamMemberDetails(this.userId, this.colleagueName, (this.role != null) ? this.role : TeamRole.OTHER);
	}

	TeamMemberForm withVersion(long version) {
		return new TeamMemberForm(this.userId, this.colleagueName, this.role, version);
	}

}
