package org.vigil.classify.bench;

import java.util.List;

/** The mentions both benchmarks classify. */
final class BenchmarkMentions {

    /** Typical mentions of an MP: English and French, clean and abusive, short and long, with links and emoji. */
    static final List<String> TYPICAL = List.of(
            "@JaneDoeMP Resign, you incompetent liar. You betrayed every voter in this town.",
            "@JaneDoeMP we know where you live and your family would not like what happens next",
            "@JaneDoeMP thank you for visiting our school today, the kids loved your talk! https://t.co/abc123",
            "@JaneDoeMP gonna k1ll u 🔪🔪 traitor",
            "@JaneDoeMP Vous avez trompé les électeurs sur les retraites, partez.",
            "@JaneDoeMP on sait où tu habites, fais gaffe à toi et à tes gosses",
            "@JaneDoeMP Great speech on the steel industry, when is the next surgery?",
            "@JaneDoeMP shut up you stupid s l u t, get back to the kitchen",
            "@JaneDoeMP these immigrants are vermin, send them all back where they came from",
            "@JaneDoeMP Les immigrés sont une chance pour la France, merci pour votre discours.",
            "@JaneDoeMP The housing bill will kill small landlords. I have written to you three times about the "
                    + "repairs on my estate and nobody from your office has replied. Please look at "
                    + "https://example.org/petition and sign it, and tell the minister what we think.",
            "@JaneDoeMP 😀😀 see you at the hustings",
            "@JaneDoeMP Quelle honte, votre majorité protège les copains.",
            "@JaneDoeMP not many days left for you 💀",
            "@JaneDoeMP Women deserve equal pay. Thank you for fighting for it.",
            "@JaneDoeMP I disagree with your immigration policy but respect your work.");

    /** Mentions the function-word check cannot place, so OpenNLP's language detector runs on each. */
    static final List<String> OTHER_LANGUAGES = List.of(
            "@JaneDoeMP Sie sollten sofort zurücktreten, Sie Lügnerin.",
            "@JaneDoeMP Deberías dimitir, mentirosa incompetente.",
            "@JaneDoeMP Dovresti dimetterti subito, bugiarda.",
            "@JaneDoeMP Je moet aftreden, leugenaar.");

    private BenchmarkMentions() {
    }
}
