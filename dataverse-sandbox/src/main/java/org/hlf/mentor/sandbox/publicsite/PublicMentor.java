package org.hlf.mentor.sandbox.publicsite;

/** A mentor as a visitor of the chapter website sees it. */
public record PublicMentor(String mentorId, String chapterId, String name) {
}
