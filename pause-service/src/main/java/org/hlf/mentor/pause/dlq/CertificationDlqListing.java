package org.hlf.mentor.pause.dlq;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Pages of the dead letters, each with what a replay did with it. */
@ApplicationScoped
public class CertificationDlqListing {

    private final CertificationDlqReader reader;
    private final ReplayedLetters replayed;

    public CertificationDlqListing(CertificationDlqReader reader, ReplayedLetters replayed) {
        this.reader = reader;
        this.replayed = replayed;
    }

    /** The first {@code limit} matching letters after {@code after}; the rest is counted, not returned. */
    public Uni<DeadLetterPage> page(DeadLetterFilter filter, LetterPosition after, int limit) {
        return reader.read(filter, after).flatMap(found -> replayed.of(found.topicId()).map(outcomes -> {
            List<ConsumerRecord<String, String>> letters = found.letters();
            List<ConsumerRecord<String, String>> page = letters.subList(0, Math.min(limit, letters.size()));
            List<DeadLetterView> items = page.stream()
                    .map(letter -> DeadLetterView.of(letter, outcomes.get(DeadLetters.position(letter)))).toList();
            long remaining = letters.size() - page.size();
            String next = remaining == 0 ? null : DeadLetters.position(page.get(page.size() - 1)).cursor();
            return new DeadLetterPage(items, next, remaining);
        }));
    }
}
