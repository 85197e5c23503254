package org.hlf.mentor.sandbox.publicsite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders the listing as the plain page a visitor would see; every name is escaped, it is user data. */
final class PublicPage {

    private static final String NO_CHAPTER = "(no chapter)";
    private static final String NO_NAME = "(no name)";

    private PublicPage() {
    }

    static String render(List<PublicMentor> mentors, String chapterFilter) {
        Map<String, StringBuilder> chapters = new LinkedHashMap<>();
        for (PublicMentor mentor : mentors) {
            String chapter = mentor.chapterId() == null ? NO_CHAPTER : mentor.chapterId();
            chapters.computeIfAbsent(chapter, c -> new StringBuilder())
                    .append("      <li data-mentor-id=\"").append(escape(mentor.mentorId())).append("\">")
                    .append(escape(mentor.name() == null ? NO_NAME : mentor.name())).append("</li>\n");
        }
        StringBuilder html = new StringBuilder(256 + mentors.size() * 80);
        html.append("<!DOCTYPE html>\n<html lang=\"no\">\n<head>\n  <meta charset=\"utf-8\">\n")
                .append("  <title>HLF peer mentors</title>\n</head>\n<body>\n  <h1>HLF peer mentors")
                .append(chapterFilter == null ? "" : " in " + escape(chapterFilter)).append("</h1>\n");
        if (chapters.isEmpty()) {
            html.append("  <p>No peer mentors are listed right now.</p>\n");
        }
        chapters.forEach((chapter, items) -> html.append("  <section id=\"chapter-").append(escape(chapter))
                .append("\">\n    <h2>").append(escape(chapter)).append("</h2>\n    <ul>\n").append(items)
                .append("    </ul>\n  </section>\n"));
        return html.append("</body>\n</html>\n").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
