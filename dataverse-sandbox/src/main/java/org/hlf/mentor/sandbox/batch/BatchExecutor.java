package org.hlf.mentor.sandbox.batch;

import jakarta.enterprise.context.ApplicationScoped;
import org.hlf.mentor.sandbox.contacts.ContactAddress;
import org.hlf.mentor.sandbox.contacts.ContactOperations;
import org.hlf.mentor.sandbox.contacts.ContactRequest;
import org.hlf.mentor.sandbox.contacts.ContactStore;
import org.hlf.mentor.sandbox.faults.Fault;
import org.hlf.mentor.sandbox.faults.FaultInjector;
import org.hlf.mentor.sandbox.faults.FaultTarget;
import org.hlf.mentor.sandbox.gateway.Handled;
import org.hlf.mentor.sandbox.odata.ODataErrors;
import org.hlf.mentor.sandbox.odata.ODataResult;
import org.hlf.mentor.sandbox.query.ContactCollection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs the items of a batch in order. Without {@code odata.continue-on-error} the first failed item ends
 * the batch, as in Dataverse; with it every item runs and answers on its own. A change set runs under the
 * store's exclusive lock and is rolled back as a whole when one of its operations fails.
 */
@ApplicationScoped
public class BatchExecutor {

    private final ContactOperations operations;
    private final ContactCollection collection;
    private final ContactStore store;
    private final FaultInjector faults;

    public BatchExecutor(ContactOperations operations, ContactCollection collection, ContactStore store,
                         FaultInjector faults) {
        this.operations = operations;
        this.collection = collection;
        this.store = store;
        this.faults = faults;
    }

    Result execute(BatchRequest batch, boolean continueOnError, String serviceRoot) {
        List<PartAnswer> answers = new ArrayList<>();
        List<Handled.PartRecord> records = new ArrayList<>();
        for (BatchRequest.Item item : batch.items()) {
            PartAnswer answer = item instanceof BatchRequest.ChangeSet changeSet
                    ? changeSet(changeSet, serviceRoot, records)
                    : single((BatchRequest.Operation) item, serviceRoot, null, records);
            answers.add(answer);
            if (answer.failed() && !continueOnError) {
                break;
            }
        }
        return new Result(answers, records);
    }

    private PartAnswer changeSet(BatchRequest.ChangeSet changeSet, String serviceRoot,
                                 List<Handled.PartRecord> records) {
        return store.inTransaction(transaction -> {
            List<PartAnswer.Single> answers = new ArrayList<>();
            List<Handled.PartRecord> done = new ArrayList<>();
            for (BatchRequest.Operation operation : changeSet.operations()) {
                PartAnswer.Single answer = single(operation, serviceRoot, transaction, done);
                if (answer.result().failed()) {
                    transaction.rollback();
                    // every other operation of the set is undone or never ran: log it as a failed dependency
                    for (BatchRequest.Operation other : changeSet.operations()) {
                        if (other != operation) {
                            records.add(new Handled.PartRecord(other.method(), path(other.target()),
                                    mentorOf(other.target()), 424, null, "not applied: its change set failed"));
                        } else {
                            records.add(done.get(done.size() - 1));
                        }
                    }
                    return answer;
                }
                answers.add(answer);
            }
            records.addAll(done);
            return new PartAnswer.ChangeSet(answers);
        });
    }

    private PartAnswer.Single single(BatchRequest.Operation operation, String serviceRoot,
                                     ContactStore.Transaction transaction, List<Handled.PartRecord> records) {
        PartTarget target = PartTarget.of(operation.target());
        UUID mentorId = mentorOf(operation.target());
        Optional<Fault> fault = faults.draw(FaultTarget.batchPart(mentorId));
        ContactOperations.Outcome outcome;
        String note = null;
        if (fault.isPresent()) {
            Fault failure = fault.get();
            note = failure.description();
            outcome = new ContactOperations.Outcome(mentorId, null, ODataErrors.error(failure.status(),
                    ODataErrors.UNEXPECTED, "The sandbox injected this failure (" + note + ")."));
        } else if (target.outsideServiceRoot()) {
            outcome = new ContactOperations.Outcome(null, null, ODataErrors.error(404, ODataErrors.RESOURCE_NOT_FOUND,
                    "No HTTP resource was found that matches the request URI '" + operation.target() + "'."));
        } else if (operation.method().equals("GET") && collection.isCollection(target.segment())) {
            outcome = new ContactOperations.Outcome(null, null,
                    collection.read(target.parameters(), operation.headers().get("Prefer"), serviceRoot));
        } else {
            ContactRequest request = new ContactRequest(target.segment(), serviceRoot, operation.body(),
                    operation.headers().get("If-Match"), operation.headers().get("If-None-Match"),
                    operation.headers().get("Prefer"), target.query("$select"));
            outcome = switch (operation.method()) {
                case "PATCH" -> operations.patch(request, transaction);
                case "GET" -> operations.get(request);
                default -> new ContactOperations.Outcome(mentorId, null, ODataErrors.error(405, ODataErrors.ODATA_LAYER,
                        "The sandbox supports PATCH and GET in a batch, not " + operation.method() + "."));
            };
        }
        ODataResult answer = outcome.answer();
        records.add(new Handled.PartRecord(operation.method(), target.path(), outcome.mentorId() != null
                ? outcome.mentorId() : mentorId, answer.status(), outcome.written(), note));
        return new PartAnswer.Single(operation.contentId(), answer);
    }

    private UUID mentorOf(String url) {
        PartTarget target = PartTarget.of(url);
        return target.outsideServiceRoot() ? null
                : ContactAddress.mentorIdOf(target.segment(), operations.columns()).orElse(null);
    }

    private static String path(String url) {
        return PartTarget.of(url).path();
    }

    record Result(List<PartAnswer> answers, List<Handled.PartRecord> records) {
    }
}
