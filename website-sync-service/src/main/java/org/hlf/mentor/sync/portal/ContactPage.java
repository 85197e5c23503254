package org.hlf.mentor.sync.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One page of an OData collection: the rows and, unless it is the last page, the link to the next one. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactPage(@JsonProperty("value") List<Map<String, Object>> value,
        @JsonProperty("@odata.nextLink") String nextLink) {
}
