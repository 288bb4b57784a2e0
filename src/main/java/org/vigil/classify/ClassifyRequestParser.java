package org.vigil.classify;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;
import org.vigil.request.JsonBody;
import org.vigil.request.LanguageTag;
import org.vigil.request.TextLength;
import org.vigil.request.UnicodeText;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code {"text": "...", "lang": null}}, naming each invalid field by JSON pointer. */
@ApplicationScoped
public class ClassifyRequestParser {

    private final JsonBody json;
    private final TextLength textLength;

    ClassifyRequestParser(JsonBody json, TextLength textLength) {
        this.json = json;
        this.textLength = textLength;
    }

    public ClassifyResource.ClassifyRequest parse(byte[] body) {
        JsonNode root = json.read(body);
        if (!root.isObject()) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "The body is not a classify request",
                    List.of(new FieldError("", "must be an object {\"text\": \"...\", \"lang\": null}")));
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode text = root.get("text");
        if (text == null || !text.isTextual()) {
            errors.add(new FieldError("/text", text == null || text.isNull() ? "is required" : "must be a string"));
        } else {
            UnicodeText.problem(text.textValue()).ifPresent(detail -> errors.add(new FieldError("/text", detail)));
        }
        JsonNode lang = root.get("lang");
        boolean hasLang = lang != null && !lang.isNull();
        if (hasLang && (!lang.isTextual() || !LanguageTag.isValid(lang.textValue()))) {
            errors.add(new FieldError("/lang", "must be a language tag such as en or fr-CA"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "The body is not a valid classify request", errors);
        }
        textLength.problem(text.textValue()).ifPresent(detail -> {
            throw new ProblemException(ProblemType.TEXT_TOO_LONG, "The text was not classified",
                    List.of(new FieldError("/text", detail)));
        });
        return new ClassifyResource.ClassifyRequest(text.textValue(), hasLang ? lang.textValue().toLowerCase() : null);
    }
}
