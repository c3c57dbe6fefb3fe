package org.customerportfolio.account;

import org.jspecify.annotations.Nullable;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every session of a user whose access was taken away or changed, on every instance
 * (sessions live in the database).
 */
@Component
class SessionTermination {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SessionTermination(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	void endSessionsOf(String username) {
		endSessionsOf(username, null);
	}

	/** Ends every session of the user except the one given (the one they are using). */
	void endSessionsOf(String username, @Nullable String except) {
		this.sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter((id) -> !id.equals(except))
			.forEach(this.sessions::deleteById);
	}

}
