package org.hlf.mentor.sandbox.contacts;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The contacts, keyed by mentor id. Single writes run side by side; a change set takes the exclusive lock
 * so that no other write slips in between its operations and its rollback stays exact.
 */
@ApplicationScoped
public class ContactStore {

    private final Map<UUID, Contact> byMentor = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicLong versions = new AtomicLong(1000);
    private final Clock clock = Clock.systemUTC();

    public Optional<Contact> find(UUID mentorId) {
        return locked(lock.readLock(), () -> Optional.ofNullable(byMentor.get(mentorId)));
    }

    /**
     * Atomically replaces one contact. {@code change} sees the current row (or null) and returns the new
     * row, or the same object to leave it untouched; it may run more than once, so it must not have effects.
     */
    public Contact change(UUID mentorId, UnaryOperator<Contact> change) {
        return locked(lock.readLock(), () -> byMentor.compute(mentorId, (id, current) -> change.apply(current)));
    }

    /** A fresh row version; every write takes one so ETags of different writes never collide. */
    public long nextVersion() {
        return versions.incrementAndGet();
    }

    public Instant now() {
        return clock.instant();
    }

    /** Runs {@code work} with no other write in between; {@link Transaction#rollback()} undoes its writes. */
    public <T> T inTransaction(Function<Transaction, T> work) {
        return locked(lock.writeLock(), () -> work.apply(new Transaction()));
    }

    public UpsertCounts upsertAll(List<ContactSeed> seeds) {
        int created = 0;
        for (ContactSeed seed : seeds) {
            long version = nextVersion();
            Instant now = now();
            UUID freshId = UUID.randomUUID();
            Contact after = change(seed.mentorId(), current -> new Contact(
                    current == null ? freshId : current.contactId(), seed.mentorId(), seed.chapterId(),
                    seed.name(), seed.visibleOrDefault(), version, now));
            if (after.contactId().equals(freshId)) {
                created++;
            }
        }
        return new UpsertCounts(seeds.size(), created, seeds.size() - created);
    }

    public boolean remove(UUID mentorId) {
        return locked(lock.readLock(), () -> byMentor.remove(mentorId) != null);
    }

    public void clear() {
        locked(lock.writeLock(), () -> {
            byMentor.clear();
            return null;
        });
    }

    /** A weakly consistent view for listings: it may miss writes made while it is read. */
    public Collection<Contact> all() {
        return byMentor.values();
    }

    private static <T> T locked(Lock lock, Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Remembers each touched row's state before the first write, so a failed change set leaves no trace. */
    public final class Transaction {

        private final Map<UUID, Contact> before = new HashMap<>();

        public void touching(UUID mentorId) {
            // a null value means "did not exist", so containsKey, not computeIfAbsent
            if (!before.containsKey(mentorId)) {
                before.put(mentorId, byMentor.get(mentorId));
            }
        }

        public void rollback() {
            before.forEach((mentorId, contact) -> {
                if (contact == null) {
                    byMentor.remove(mentorId);
                } else {
                    byMentor.put(mentorId, contact);
                }
            });
        }
    }
}
