package org.hlf.mentor.sandbox.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the shipped demo roster files; tests run in the module directory. */
final class DemoRosterFiles {

    static final Path JSON = Path.of("seed/demo-roster.json");
    static final Path CSV = Path.of("seed/demo-roster.csv");

    private DemoRosterFiles() {
    }

    /** mentorId -> chapterId of the JSON seed file */
    static Map<String, String> json() {
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(JSON));
            Map<String, String> chapters = new LinkedHashMap<>();
            root.get("contacts").forEach(contact ->
                    chapters.put(contact.get("mentorId").asText(), contact.get("chapterId").asText()));
            return chapters;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> csvLines() {
        try {
            return Files.readAllLines(CSV);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
