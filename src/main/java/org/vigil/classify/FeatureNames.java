package org.vigil.classify;

/**
 * Feature names as a reviewer reads them: "b=know_where" is the phrase "know where", "s=threa" is "threa*",
 * "qcp=kill_you" is "quoted [kill+you]".
 */
final class FeatureNames {

    private FeatureNames() {
    }

    static String readable(String feature) {
        int eq = feature.indexOf('=');
        String kind = feature.substring(0, eq + 1);
        String value = feature.substring(eq + 1);
        return switch (kind) {
            case "w=" -> value;
            case "b=" -> value.replace('_', ' ');
            case "s=" -> value + "*";
            case "c=" -> "[" + value + "]";
            case "cp=" -> "[" + value.replace('_', '+') + "]";
            case "p=" -> "pattern:" + value;
            case "qc=", "qcp=", "qp=" -> "quoted " + readable(feature.substring(1));
            default -> feature;
        };
    }
}
