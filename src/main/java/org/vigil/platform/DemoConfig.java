package org.vigil.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The first-run demo: an integration with a generated secret and one demo MP, to try Vigil at once. */
@ConfigMapping(prefix = "vigil.demo")
public interface DemoConfig {

    /** Creates the demo integration on first start; on by default only with the embedded database. */
    @WithDefault("false")
    boolean enabled();

    /** Name of the demo integration. */
    @WithDefault("demo")
    String integration();
}
