package org.vigil.webhook;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The integrations configuration names, with their secrets, from both configuration forms. */
final class ConfiguredIntegrations {

    private ConfiguredIntegrations() {
    }

    static Map<String, List<String>> of(IntegrationsConfig config) {
        Map<String, List<String>> secretsByName = new LinkedHashMap<>();
        config.integrations().forEach((name, integration) -> secretsByName.put(name, integration.secrets()));
        config.integrationSecrets().ifPresent(text -> secretsByName.putAll(parse(text)));
        return secretsByName;
    }

    /** Parses {@code name=secret[,secret...]} entries separated by ';' or new lines. */
    static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> secretsByName = new LinkedHashMap<>();
        for (String entry : text.split("[;\\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalStateException("vigil.integration-secrets: an entry is not name=secret[,secret]");
            }
            List<String> secrets = Arrays.stream(entry.substring(equals + 1).split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            secretsByName.put(entry.substring(0, equals).strip(), secrets);
        }
        return secretsByName;
    }
}
