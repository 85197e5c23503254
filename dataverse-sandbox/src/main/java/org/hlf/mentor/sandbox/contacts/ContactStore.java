package org.hlf.mentor.sandbox.contacts;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The contacts, keyed by mentor id. Single writes run side by side; a change set takes the exclusive lock
 * so that no other write slips in between its operations and its rollback stays exact. A second index by
 * contact id serves collection reads in primary-key order without sorting the store for every page.
 */
@ApplicationScoped
public class ContactStore {

    /**
     * The order of the canonical lower-case text, which is what a client sorting the ids it received sees;
     * {@link UUID#compareTo} compares signed halves and would disagree for ids starting with 8-f.
     */
    public static final Comparator<UUID> KEY_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private final Map<UUID, Contact> byMentor = new ConcurrentHashMap<>();
    // written only inside byMentor's per-key compute, so both maps change together for one mentor
    private final ConcurrentNavigableMap<UUID, Contact> byContactId = new ConcurrentSkipListMap<>(KEY_ORDER);
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
        return locked(lock.readLock(), () -> byMentor.compute(mentorId, (id, current) -> {
            Contact after = change.apply(current);
            reindex(current, after);
            return after;
        }));
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
        return locked(lock.readLock(), () -> {
            boolean[] removed = new boolean[1];
            byMentor.computeIfPresent(mentorId, (id, current) -> {
                reindex(current, null);
                removed[0] = true;
                return null;
            });
            return removed[0];
        });
    }

    public void clear() {
        locked(lock.writeLock(), () -> {
            byMentor.clear();
            byContactId.clear();
            return null;
        });
    }

    /** A weakly consistent view for listings: it may miss writes made while it is read. */
    public Collection<Contact> all() {
        return byMentor.values();
    }

    /**
     * Contacts in {@link #KEY_ORDER} of their contact id, starting after {@code after} (from the start when
     * null). Weakly consistent like {@link #all()}: a row written during the walk shows either version, and
     * rows keep their place however often they are updated, which is what keyset paging relies on.
     */
    public Collection<Contact> inKeyOrder(UUID after) {
        return after == null ? byContactId.values() : byContactId.tailMap(after, false).values();
    }

    private void reindex(Contact before, Contact after) {
        if (before != null && (after == null || !after.contactId().equals(before.contactId()))) {
            byContactId.remove(before.contactId());
        }
        if (after != null) {
            byContactId.put(after.contactId(), after);
        }
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
            before.forEach((mentorId, contact) -> byMentor.compute(mentorId, (id, current) -> {
                reindex(current, contact);
                return contact;
            }));
        }
    }
}
