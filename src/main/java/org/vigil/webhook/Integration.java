package org.vigil.webhook;

import java.util.List;

/** A webhook sender known to Vigil, with every secret currently accepted for its signatures. */
public record Integration(long id, String name, List<WebhookSecret> secrets) {

    public Integration {
        secrets = List.copyOf(secrets);
    }
}
