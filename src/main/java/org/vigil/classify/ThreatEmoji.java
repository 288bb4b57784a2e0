package org.vigil.classify;

import java.util.Collections;
import java.util.Map;

/** Emoji that carry a threat, read as the word they stand for ("I'll 🔪 you" reads as "I'll knife you"). */
final class ThreatEmoji {

    private static final Map<Integer, String> WORDS = Map.ofEntries(
            Map.entry(0x1F52A, "knife"),   // 🔪
            Map.entry(0x1F5E1, "knife"),   // 🗡 dagger
            Map.entry(0x2694, "knife"),    // ⚔ crossed swords
            Map.entry(0x1FA93, "axe"),     // 🪓
            Map.entry(0x1F52B, "gun"),     // 🔫
            Map.entry(0x1F4A3, "bomb"),    // 💣
            Map.entry(0x1F9E8, "bomb"),    // 🧨
            Map.entry(0x1F480, "skull"),   // 💀
            Map.entry(0x2620, "skull"),    // ☠
            Map.entry(0x26B0, "coffin"),   // ⚰
            Map.entry(0x1FAA6, "grave"),   // 🪦
            Map.entry(0x26B1, "grave"),    // ⚱ funeral urn
            Map.entry(0x1FA78, "blood"),   // 🩸
            Map.entry(0x1FAA2, "noose"),   // 🪢 knot, used as a noose
            Map.entry(0x1F3AF, "target"),  // 🎯
            Map.entry(0x1F525, "fire"),    // 🔥
            Map.entry(0x1F4A5, "explosion")); // 💥

    /** Every code point below this is not a threat emoji: letters and punctuation skip the map (and the boxing). */
    private static final int LOWEST = Collections.min(WORDS.keySet());

    private ThreatEmoji() {
    }

    /** The word an emoji stands for, or null when the code point is not a threat emoji. */
    static String wordFor(int codePoint) {
        return codePoint < LOWEST ? null : WORDS.get(codePoint);
    }
}
