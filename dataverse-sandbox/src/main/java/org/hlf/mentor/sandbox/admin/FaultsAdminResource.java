package org.hlf.mentor.sandbox.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.hlf.mentor.sandbox.faults.ActiveFault;
import org.hlf.mentor.sandbox.faults.FaultInjector;
import org.hlf.mentor.sandbox.faults.FaultSpec;
import org.hlf.mentor.sandbox.faults.HeldCalls;

import java.util.ArrayList;
import java.util.List;

/**
 * Fault injection. {@code PUT} replaces the rules in force with one rule (an object) or a script of rules
 * (an array, consulted in order); {@code POST} adds one rule; {@code DELETE} ends them all and lets held
 * calls go on; {@code POST /release} opens the gate for the calls held now.
 */
@Path("/sandbox/faults")
@Produces(MediaType.APPLICATION_JSON)
public class FaultsAdminResource {

    private final FaultInjector faults;
    private final HeldCalls held;
    private final ObjectMapper json;

    public FaultsAdminResource(FaultInjector faults, HeldCalls held, ObjectMapper json) {
        this.faults = faults;
        this.held = held;
        this.json = json;
    }

    /** How many held calls a release let go; they have run by the time this is answered. */
    public record Released(int released) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public List<ActiveFault> replace(JsonNode body) throws JsonProcessingException {
        if (body == null || !(body.isObject() || body.isArray())) {
            throw new AdminRequestException("Send one fault rule as a JSON object or several as an array.");
        }
        List<FaultSpec> specs = new ArrayList<>();
        if (body.isArray()) {
            for (JsonNode rule : body) {
                specs.add(json.treeToValue(rule, FaultSpec.class));
            }
        } else {
            specs.add(json.treeToValue(body, FaultSpec.class));
        }
        return faults.replace(specs);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public List<ActiveFault> add(FaultSpec spec) {
        return faults.add(spec);
    }

    @GET
    public List<ActiveFault> active() {
        return faults.active();
    }

    @DELETE
    public void clear() {
        faults.clear();
    }

    @POST
    @Path("/release")
    public Released release() {
        return new Released(held.releaseAll());
    }
}
