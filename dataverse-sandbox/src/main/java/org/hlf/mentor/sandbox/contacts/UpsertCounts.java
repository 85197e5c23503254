package org.hlf.mentor.sandbox.contacts;

/** Outcome of a bulk upsert. */
public record UpsertCounts(int received, int created, int updated) {
}
