package org.vigil.classify;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A small bilingual lexicon of word families ("tuer", "kill", "killed" are all KILL). Concept features let
 * what the models learn from plentiful English data carry over to French, to inflections the corpus lacks
 * and to emoji spelled out by {@link TextNormalizer}. Words are in normalised form (lower case, no accents).
 */
final class Concepts {

    /**
     * Topic concepts: a group's name alone is not abuse, so these only take part in concept pairs
     * ("vermin" near "immigrants"), never as features of their own.
     */
    private static final Set<String> TOPICS = Set.of("ethnicgroup", "women");

    private static final Map<String, String> BY_WORD = new HashMap<>();
    /** Stems of French and English verbs whose many endings are not worth listing ("egorg" covers egorger, egorge...). */
    private static final Map<String, String> BY_STEM = new HashMap<>();
    private static final int MIN_STEM = 4;
    private static final int MAX_STEM = 8;

    static {
        words("kill", "kill kills killed killing killer killers murder murdered murdering murderer shoot shooting"
                + " stab stabbed stabbing slaughter slaughtered behead beheaded beheading hang hanged lynch lynched"
                + " lynching strangle strangled exterminate exterminated genocide massacre gassed"
                + " tuer tue tues tuez tuera tuerai tuerons tuent buter bute butes abattre abattu abattus pendre"
                + " pendu pendus pendez fusiller fusille flinguer flingue");
        stems("kill", "egorg poignard decapit extermin massacr fusill lynch strangl slaughter behead murder");
        words("harm", "rape raped raping rapist torture tortured hurt punch acid burn burned beat beaten beating"
                + " batter battered smash smashed kick kicked kicking slit slits slitting knifed knifing throat"
                + " bones violer viol viole violee frapper frappe tabasser tabasse defoncer cogner"
                + " bruler brule brules casser eclater gorge saigner poignarde acide");
        words("arson", "arson arsonist petrol gasoline firebomb firebombed molotov torch torched alight ablaze"
                + " flames incendie incendier incendiee incendiaire essence cramer crame flamber fumee");
        words("attackedmp", "cox amess brevin timms");
        words("die", "die dies died dying dead death deaths grave coffin skull noose corpse bleed blood"
                + " mourir meurs meure meurt mort morts crever creve creves crevez crevent cercueil cadavre sang");
        words("weapon", "gun guns bullet bullets rifle pistol knife knives blade machete axe bomb bombs explosive"
                + " rope fusil flingue pistolet couteau couteaux lame hache bombe balle balles corde arme armes"
                + " kalash kalachnikov shotgun crossbow hammer machete marteau batte arbalete");
        words("family", "family kids children child wife husband daughter daughters son sons mother mum mom"
                + " father dad grandchildren famille enfants enfant gosses mari epouse fille filles fils mere pere");
        words("home", "house home address office street door doorstep live lives sleep maison adresse bureau"
                + " domicile habites habitez habite porte dors");
        words("womenslur", "slut sluts whore whores bitch bitches cunt cunts hoe hoes skank skanks thot harlot"
                + " salope salopes pute putes chienne chiennes connasse connasses garce pouffiasse grognasse catin");
        words("raceslur", "nigger niggers nigga niggas paki pakis kike kikes spic spics chink chinks wetback"
                + " wetbacks raghead ragheads towelhead towelheads coon coons gook gooks muzzie muzzies mudslime"
                + " bougnoule bougnoules negre negres negro negros bamboula youpin youpins bicot bicots raton ratons"
                + " chinetoque chinetoques");
        words("disease", "cancer disease diseases sickness plague virus poison infection tumour gangrene"
                + " maladie peste poison virus gangrene infection tumeur");
        words("appearance", "legs figure body tits boobs cleavage lipstick makeup skirt dress pretty prettier"
                + " sexy jambes silhouette poitrine decollete jupe robe maquillage jolie");
        words("dehumanise", "vermin cockroach cockroaches rats parasite parasites animals savages savage invaders"
                + " subhuman subhumans infestation apes monkeys vermine cafards animaux sauvages envahisseurs"
                + " singes racaille");
        words("ethnicgroup", "immigrant immigrants immigration muslim muslims islam jews jewish blacks refugees"
                + " migrants arabs africans mexicans asians immigre immigres musulman musulmans musulmanes juifs"
                + " noirs arabes refugies africains etrangers");
        words("women", "women woman girls girl females female feminist feminists femmes femme meuf meufs"
                + " feministe feministes");
        words("you", "you u ya ur your yours yourself youre tu te toi ton ta tes vous votre vos");
        words("intent", "will ll gonna shall vais vas allons allez vont");
    }

    private Concepts() {
    }

    private static void words(String concept, String words) {
        for (String word : words.split(" ")) {
            BY_WORD.put(word, concept);
        }
    }

    private static void stems(String concept, String stems) {
        for (String stem : stems.split(" ")) {
            BY_STEM.put(stem, concept);
        }
    }

    /** Every word, stem and topic with its concept, in a fixed order: what {@link FeatureFingerprint} digests. */
    static String definition() {
        return new TreeMap<>(BY_WORD) + "\n" + new TreeMap<>(BY_STEM) + "\n" + new TreeSet<>(TOPICS);
    }

    static boolean isTopic(String concept) {
        return concept != null && TOPICS.contains(concept);
    }

    static Optional<String> of(String token) {
        String concept = BY_WORD.get(token);
        for (int n = MIN_STEM; concept == null && n <= Math.min(MAX_STEM, token.length()); n++) {
            concept = BY_STEM.get(token.substring(0, n));
        }
        return Optional.ofNullable(concept);
    }
}
