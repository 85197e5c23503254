package org.hlf.mentor.sandbox.publicsite;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * What a visitor of the chapter website sees. The real portal caches Dataverse for up to 15 minutes; the
 * sandbox shows the current state, so tests need not wait.
 */
@Path("/public")
public class PublicSiteResource {

    private final PublicListing listing;

    public PublicSiteResource(PublicListing listing) {
        this.listing = listing;
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public String page(@QueryParam("chapterId") String chapterId) {
        return PublicPage.render(listing.visible(blankToNull(chapterId)), blankToNull(chapterId));
    }

    @GET
    @Path("/mentors")
    @Produces(MediaType.APPLICATION_JSON)
    public List<PublicMentor> mentors(@QueryParam("chapterId") String chapterId) {
        return listing.visible(blankToNull(chapterId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
