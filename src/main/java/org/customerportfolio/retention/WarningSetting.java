package org.customerportfolio.retention;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** Whether a kind of warning is raised, and from which threshold. */
public record WarningSetting(WarningKind kind, boolean enabled, @Nullable BigDecimal threshold, long version) {
}
