package org.vigil.escalation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The alarm for a rule firing far above or below its usual rate: each rule's firings in the last window are
 * compared with its own average per window over the baseline before it.
 */
@ConfigMapping(prefix = "vigil.escalation.alarms.rule-rate")
public interface RuleRateConfig {

    /** How often the rules' rates are computed (it reads every item of the baseline). */
    @WithDefault("PT5M")
    Duration checkInterval();

    /** The recent window whose firings are compared. */
    @WithDefault("PT1H")
    Duration window();

    /** The period before the window that gives each rule's usual firings per window. */
    @WithDefault("P7D")
    Duration baseline();

    /** Far above: at least this many times the usual; far below: at most the usual divided by this. */
    @WithDefault("5")
    double factor();

    /** Quiet rules never alarm: far above needs this many firings in the window, far below this many usually. */
    @WithDefault("20")
    int minimum();
}
