package org.hlf.mentor.sync.reconcile;

/** Mentors checked; already right; repaired; without a contact in the portal; that could not be checked or repaired. */
public record ReconcileReport(int checked, int inSync, int repaired, int missingInPortal, int failed) {
}
