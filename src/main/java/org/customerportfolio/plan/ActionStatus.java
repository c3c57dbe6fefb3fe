package org.customerportfolio.plan;

/**
 * Where an action stands. Open and in-progress actions past their due date are overdue.
 */
public enum ActionStatus {

	OPEN, IN_PROGRESS, DONE, CANCELLED;

	public boolean finished() {
		return this == DONE || this == CANCELLED;
	}

}
