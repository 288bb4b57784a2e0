package org.vigil.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

import java.io.IOException;

/** Reads a signed body, kept as raw bytes for the signature, into exactly one JSON value. */
@ApplicationScoped
public class JsonBody {

    private final ObjectReader reader;

    JsonBody(ObjectMapper mapper) {
        // Duplicate keys make a body ambiguous, and an ambiguous body is poor evidence.
        this.reader = mapper.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    public JsonNode read(byte[] body) {
        if (body.length == 0) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is empty");
        }
        try (JsonParser parser = reader.createParser(body)) {
            JsonNode root = reader.readTree(parser);
            if (root == null || parser.nextToken() != null) {
                throw new ProblemException(ProblemType.MALFORMED_JSON, "The body must be exactly one JSON value");
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line %d, column %d"
                    .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is not valid JSON" + where);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body could not be read as JSON");
        }
    }
}
