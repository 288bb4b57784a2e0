package org.vigil.directory;

import java.util.List;
import java.util.Optional;

/** What describes an MP apart from their accounts. */
public record MpDetails(String name, Optional<String> constituency, Optional<String> parliamentaryGroup,
                        List<String> languages) {

    public MpDetails {
        languages = List.copyOf(languages);
    }

    public static MpDetails named(String name) {
        return new MpDetails(name, Optional.empty(), Optional.empty(), List.of());
    }
}
