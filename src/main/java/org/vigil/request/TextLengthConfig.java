package org.vigil.request;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a text in a signed request may be, in mentions and classify requests alike. */
@ConfigMapping(prefix = "vigil.webhook")
public interface TextLengthConfig {

    /** Longest text accepted in any webhook, in characters (UTF-16 code units, as JSON counts them). */
    @WithDefault("65536")
    int maxTextLength();
}
