package org.vigil.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phrasings of intimidation, doxxing, wishes of harm, incitement and exclusion ("go back to your country"),
 * in English and French, matched over normalised tokens joined by single spaces. They catch threats that use
 * no violent word ("we know where you live") and mark reported speech, counter-speech and negation, which the
 * models learn to weigh down. Each match is a feature with a learned weight, not a verdict.
 */
final class AbusePatterns {

    /** A pattern, and the words of which at least one must be present for it to be worth running. */
    record Named(String name, Set<String> triggers, Pattern pattern) {
    }

    private static final String YOU = "(?:you|u|ya|ur|your|tu|te|t|toi|ton|ta|tes|vous|votre|vos)";
    private static final String FAMILY = "(?:family|kids|children|child|wife|husband|daughters?|sons?|mum|mom"
            + "|mother|famille|enfants|enfant|gosses|mari|femme|filles?|fils|mere)";

    private static final List<Named> PATTERNS = List.of(
            named("knowwhereyoulive", "where ou",
                    "\\b(?:know|knows|found|find|got|have|sait|savons|savez|connais|connait"
                    + "|connaissons|trouve) (?:\\w+ ){0,2}(?:where|ou) (?:\\w+ ){0,3}(?:live|lives|sleep|sleeps"
                    + "|work|habites?|habitez|vis|vivez|dors|travailles?|school|ecole|office|house|home|kids|children"
                    + "|family|park|bureau|maison|permanence|gosses|enfants)\\b"),
            named("address", "address adresse street st road rd avenue ave lane drive rue boulevard bd chemin allee"
                    + " impasse",
                    "\\b(?:home|your|her|his|their|son|sa|leur|ton|ta|votre|l) (?:home )?(?:address"
                    + "|adresse)\\b|\\b\\d{1,4} (?:\\w+ ){0,3}(?:street|st|road|rd|avenue|ave|lane|drive|rue"
                    + "|boulevard|bd|chemin|allee|impasse)\\b"),
            named("watchyourback", "back shoulder eye numbered gaffe attention arrieres derriere comptes heure watching"
                    + " surveille surveillons surveillent last derniers dernier hide cacher next tour prochain save protect"
                    + " sauvera protegera",
                    "\\bwatch (?:your|ur) back\\b|\\bover (?:your|ur) shoulder\\b|\\bone eye open"
                    + "\\b|\\bdays are numbered\\b|\\bfais (?:gaffe|attention) a toi\\b|\\btes arrieres\\b"
                    + "|\\bderriere toi\\b|\\bjours sont comptes\\b|\\bton heure (?:va )?(?:venir|viendra|arrive)"
                    + "|\\b(?:re|are|am|m|is|be) (?:always )?watching (?:you|u)\\b|\\b(?:on|nous) (?:te|vous) surveill"
                    + "|\\byour last (?:few )?(?:days|weeks|hours|moments)\\b|\\btes derniers jours\\b"
                    + "|\\bwatching (?:your|ur) (?:house|home|office|kids|family|children|car)\\b"
                    + "|\\b(?:might|could|will|may) be (?:the|your) last\\b|\\bpeut etre (?:le|ton|ta) dernier"
                    + "|\\b(?:can t|cannot|cant) hide\\b|\\bnowhere to hide\\b|\\b(?:pourras|peux) pas te cacher"
                    + "|\\b(?:you re|youre|you are|u r|ur) next\\b|\\bbientot ton tour\\b|\\bton tour viendra"
                    + "|\\b(?:tu es|t es) le prochain\\b|\\b(?:protection|bodyguards?|security|police|gardes?)"
                    + " (?:\\w+ ){0,3}(?:won t|will not|wont|can t|cannot|ne) (?:\\w+ )?(?:save|protect|sauvera"
                    + "|protegera)"),
            named("familywarning", "family kids children child wife husband daughter daughters son sons mum mom"
                    + " mother famille enfants enfant gosses mari femme fille filles fils mere",
                    "\\b(?:your|ur|ta|tes|votre|vos) (?:\\w+ )?" + FAMILY + "\\b(?: \\w+){0,8}"
                    + " (?:safe|shame|like|happen|happens|happening|accident|careful|next|dommage|arriver|arrive"
                    + "|securite|payer|pay|regret|regretter)\\b|\\b(?:happen|happens|happened|arrivera|arriver|arrive)"
                    + " (?:\\w+ ){0,2}(?:to |a )?(?:your|ur|ta|tes|votre|vos) " + FAMILY + "\\b|\\b(?:your|ur|ta|tes"
                    + "|votre|vos) (?:\\w+ )?" + FAMILY + "\\b(?: \\w+){0,12} (?:doesn t|don t|isn t|aren t|won t"
                    + "|n est ce pas|non)\\b"),
            named("whathappensnext", "next coming whats happen happens shame pity dommage arriver arrive regret pay"
                    + " regretter payer see tick tic running time temps",
                    "\\bwhat (?:happens|will happen|comes|is coming|s coming) next\\b"
                    + "|\\bwhats coming\\b|\\b(?:something|accidents?) (?:could|might|will|may|can) happen"
                    + "|\\b(?:be|is) a (?:shame|pity) if\\b|\\bserait dommage\\b|\\bce qui va (?:t|vous|lui|leur)"
                    + " arriver|\\b(?:pourrait|peut|risque de) (?:t|vous|lui) arriver|\\baccident est vite arrive"
                    + "|\\b(?:you|u) (?:ll|will) (?:regret|pay)|\\b(?:tu vas|vous allez) (?:le )?(?:regretter|payer)"
                    + "|\\b(?:see|find out|wait and see) what (?:happens|will happen|comes)\\b|\\btick tock\\b"
                    + "|\\btic tac\\b|\\btime is (?:running out|up)\\b|\\btemps presse pour (?:toi|vous)"),
            named("comingforyou", "find get hunt visit catch deal come end finish see coming trouver retrouver"
                    + " chercher attraper rendre faire crever buter tuer egorger regler avoir",
                    "\\b(?:ll|will|gonna|going to|coming to|are coming|re coming|m coming)"
                    + " (?:\\w+ ){0,2}(?:find|get|hunt|visit|catch|deal with|come for|end|finish|see) " + YOU
                    + "\\b|\\bcoming for " + YOU + "\\b|\\b(?:on|je|nous|ils) (?:va|vais|allons|vont|viendra"
                    + "|viendrons|saura) (?:te|t|vous|le|la) (?:trouver|retrouver|chercher|attraper|rendre visite"
                    + "|faire la peau|crever|buter|tuer|egorger|regler|avoir)"),
            named("wishharm", "hope wish hopefully pray should deserve deserves ought need needs must espere que"
                    + " merite meritent merites a au burn brule",
                    "\\b(?:hope|wish|hopefully|pray) (?:\\w+ ){0,4}(?:die|dies|dead|killed|shot|hanged"
                    + "|raped|cancer|burn|burns|suffer|crash|beaten|stabbed|bleed|bleeds|explodes|blown up)\\b|\\b(?:should|deserves? to|ought to|needs? to|must)"
                    + " (?:be )?(?:\\w+ )?(?:die|dead|killed|shot|hanged|hung|executed|lynched|raped|burned|burnt)\\b"
                    + "|\\b(?:espere|que) (?:tu|il|elle|vous|ils) (?:\\w+ ){0,2}(?:creve|creves|crevent|meure"
                    + "|meures|meurt|mourir|crevez|brules|brule|explose|feras tabasser|fasses tabasser)\\b|\\bmerite(?:nt|s)? (?:de )?(?:mourir|crever|la mort|une balle|d etre"
                    + " pendu)|\\b(?:a|au) (?:mort|la potence|poteau)\\b|\\bburn in hell\\b|\\bbrule en enfer"),
            named("incitement", "someone somebody quelqu take taking put balle string hang bullet rope corde body"
                    + " bodybag housse all every tous toutes",
                    "\\b(?:kill|shoot|hang|burn|stab|gas|exterminate|tuer|buter|pendre|bruler|exterminer)"
                    + " (?:them |les )?(?:all|every|tous|toutes)(?: of)?(?: the| these| those| les| ces)? \\w+"
                    + "|\\b(?:someone|somebody|quelqu un) (?:should|needs to|has to|must|doit|devrait)"
                    + " (?:\\w+ ){0,2}(?:kill|shoot|stab|hang|deal with|take out|tuer|buter|abattre|flinguer"
                    + "|egorger|regler)|\\btak(?:e|ing) (?:him|her|them) out\\b|\\bput (?:a|one) bullet"
                    + "|\\b(?:une|1) balle (?:dans|entre)|\\b(?:string|hang) (?:him|her|them) up\\b"
                    + "|\\bbullet (?:in|between|through)\\b|\\brope (?:around|round) (?:his|her|your|their)\\b"
                    + "|\\bcorde au cou\\b|\\bbody ?bag\\b|\\bhousse mortuaire\\b"),
            named("reportedspeech", "said says told reported report reports according quoted quote tweeted received"
                    + " receives condemn condemns condemned disgusting unacceptable shameful dit selon rapporte condamne"
                    + " condamnons inacceptable scandaleux degoutant honteux saying message messages wrote posted letter"
                    + " jailed charged arrested disant lu ecrit lettre ignoble ignobles",
                    "\\b(?:said|says|told|reported|report|reports|according to|quoted|quote"
                    + "|tweeted|received|receives|condemn|condemns|condemned|disgusting|unacceptable|shameful|saying"
                    + "|messages?|wrote|posted|letter|jailed|charged|arrested|disant|lu|ecrit|lettre|ignobles?"
                    + "|a dit|selon|rapporte|condamne|condamnons|inacceptable|scandaleux|degoutant|honteux)\\b"),
            named("mentionnotuse", "calling call called calls word words saying say traiter traite traitent"
                    + " traitant mot appeler appellent",
                    "\\b(?:calling|call|called|calls|the word|words like|saying|to say|traiter|traitent"
                    + "|traitant|traite|le mot|appeler|appellent) (?:\\w+ ){0,4}(?:a |an |de |une )?(?:slut|whore"
                    + "|bitch|cunt|slag|salope|pute|chienne|petasse|nigger|paki|negre|bougnoule|vermin|animals"
                    + "|vermine|monkey|singe|terrorist|terroriste)\\b"),
            named("closingin", "alone seul seule someone somebody people gens time temps routine habitudes"
                    + " photos pictures door porte outside devant",
                    "\\bcome alone\\b|\\bviens seule?\\b|\\b(?:someone|somebody|people|quelqu un) (?:\\w+ ){0,2}"
                    + "(?:gets?|deals?|catch(?:es)?) (?:to|with|up with) (?:you|u)\\b|\\bmatter of time (?:before|until)"
                    + "\\b|\\bquestion de temps\\b|\\bpeople like (?:you|u) (?:end up|get|disappear|have)\\b"
                    + "|\\bles gens comme (?:toi|vous) (?:finissent|disparaissent)\\b|\\b(?:your|ur) (?:daily )?routine"
                    + "\\b|\\btes habitudes\\b|\\b(?:photos|pictures) of (?:your|ur) (?:house|home|kids|children|car"
                    + "|wife|husband|office)\\b|\\bphotos de (?:ta|ton|tes) \\w+|\\b(?:at|outside) (?:your|ur) (?:front )?"
                    + "(?:door|house|home)\\b|\\b(?:devant|a) (?:ta|votre) porte\\b"),
            named("arson", "set setting fire alight ablaze burn down alive petrol essence molotov feu fumee vif",
                    "\\b(?:set|setting|sets) (?:\\w+ ){0,4}(?:on fire|alight|ablaze)\\b|\\bburn (?:\\w+ ){0,3}"
                    + "(?:down|alive)\\b|\\b(?:petrol|essence|molotov) (?:\\w+ ){0,5}(?:door|letterbox|window|porte"
                    + "|boite|fenetre)\\b|\\b(?:mettre|mettra|mettrons|foutre|fout) le feu\\b|\\bpartir en fumee\\b"
                    + "|\\bbrul\\w* vif\\b"),
            named("notfromhere", "really truly actually vraiment vrai from d never jamais",
                    "\\b(?:not|never|n|ne|jamais) (?:\\w+ ){0,3}(?:really|truly|actually|vraiment|a real|un vrai"
                    + "|une vraie) (?:\\w+ ){0,2}(?:british|english|scottish|welsh|french|francaise?|from here|d ici"
                    + "|one of us|des notres)\\b|\\bwhere (?:are you|you) (?:really|actually|truly) from\\b"
                    + "|\\b(?:tu viens|vous venez) d ou (?:en vrai|vraiment)\\b|\\b(?:country|pays) (?:\\w+ ){0,2}"
                    + "(?:actually|really|vraiment) (?:came|come|viens|venez)\\b"),
            named("faithdisease", "cancer disease sickness plague poison virus infection gangrene maladie peste"
                    + " tumeur",
                    "\\b(?:islam|muslims?|jews?|judaism|religion|faith|foi|musulmans?|juifs?|judaisme)"
                    + " (?:\\w+ ){0,3}(?:cancer|disease|sickness|plague|poison|virus|infection|gangrene|maladie|peste"
                    + "|tumeur)\\b|\\b(?:cancer|disease|sickness|plague|poison|virus|gangrene|maladie|peste)"
                    + " (?:of|de|du|d) (?:\\w+ )?(?:islam|judaism|religion|faith|foi|l islam|judaisme)\\b"),
            named("infiltration", "infiltrating infiltrate infiltration infiltrent infiltrer replacing replace"
                    + " replaced remplacent remplacer remplacement invading invasion invaders envahissent swarm"
                    + " taking takeover",
                    "\\b(?:infiltrat\\w*|infiltr\\w*|replacing us|replace us|remplacent|remplacer|remplacement"
                    + "|invading|invasion|invaders|envahissent|swarm|taking over|takeover)\\b"),
            named("womenunfit", "women woman girls females female femmes femme filles emotional hysterical"
                    + " hormones emotives emotive hysteriques hysterique built handle faites supportent",
                    "\\b(?:women|woman|girls|females|female|femmes|femme|filles)\\b(?: \\w+){0,8} (?:too emotional"
                    + "|emotional|hysterical|hormones|not built|can t handle|cannot handle|unfit|incapable"
                    + "|trop emotives?|emotives?|hysteriques?|pas faites? pour|supportent pas)\\b"),
            named("goback", "back retourne retournez rentre rentrez renvoyez renvoyer dehors deport",
                    "\\b(?:go|send (?:them|her|him|you|em)(?: all)?|get|sent) back (?:to|where|home"
                    + "|in)\\b|\\b(?:retourne|retournez|rentre|rentrez|renvoyez|renvoyer) (?:\\w+ )?(?:dans|en|au|chez)"
                    + "\\b|\\bdehors les\\b|\\bdeport (?:them|her|him|the lot|all)\\b"),
            named("womensplace", "women woman girls females femmes femme filles meufs kitchen cuisine",
                    "\\b(?:women|woman|girls|females|femmes|femme|filles|meufs) (?:\\w+ ){0,5}(?:belong"
                    + "|kitchen|sandwich|place|rien a faire|cuisine|inferior|inferieures?|too emotional|hysteri\\w*)\\b"
                    + "|\\b(?:back|retourne|go|stay|belong|get) (?:\\w+ ){0,2}(?:kitchen|cuisine)\\b"),
            named("negatedharm", "not never dont don wouldnt wouldn would no nobody ne pas jamais n",
                    "\\b(?:not|never|dont|don t|wouldnt|wouldn t|would never|no one should"
                    + "|nobody should|ne|pas|jamais|n) (?:\\w+ ){0,2}(?:kill|hurt|harm|threaten|attack|tuer"
                    + "|menacer|frapper|blesser)\\b"));

    /** For each trigger word, the patterns (bits by position in {@link #PATTERNS}) it makes worth running. */
    private static final Map<String, Integer> PATTERNS_BY_TRIGGER = patternsByTrigger();

    private AbusePatterns() {
    }

    private static Map<String, Integer> patternsByTrigger() {
        if (PATTERNS.size() >= Integer.SIZE) {
            throw new IllegalStateException("one bit per pattern: at most 31 patterns, found " + PATTERNS.size());
        }
        Map<String, Integer> byTrigger = new HashMap<>();
        for (int i = 0; i < PATTERNS.size(); i++) {
            int bit = 1 << i;
            PATTERNS.get(i).triggers().forEach(trigger -> byTrigger.merge(trigger, bit, (a, b) -> a | b));
        }
        return Map.copyOf(byTrigger);
    }

    private static Named named(String name, String triggers, String regex) {
        return new Named(name, Set.of(triggers.split(" ")), Pattern.compile(regex));
    }

    /**
     * Calls {@code sink} with the name of every pattern found in the tokens. A pattern's regular expression
     * runs only when one of its trigger words is present, which keeps the common case cheap.
     */
    static void matches(List<String> tokens, Consumer<String> sink) {
        int triggered = 0;
        for (String token : tokens) {
            triggered |= PATTERNS_BY_TRIGGER.getOrDefault(token, 0);
        }
        if (triggered == 0) {
            return;
        }
        String joined = String.join(" ", tokens);
        int[] wordStarts = wordStarts(tokens);
        for (int i = 0; i < PATTERNS.size(); i++) {
            Named named = PATTERNS.get(i);
            if ((triggered & (1 << i)) != 0 && startsAtAWord(named.pattern().matcher(joined), wordStarts)) {
                sink.accept(named.name());
            }
        }
    }

    /** Each pattern's name, trigger words and expression, in order: what {@link FeatureFingerprint} digests. */
    static String definition() {
        StringBuilder out = new StringBuilder();
        for (Named named : PATTERNS) {
            out.append(named.name()).append('\t').append(new TreeSet<>(named.triggers())).append('\t')
                    .append(named.pattern().pattern()).append('\n');
        }
        return out.toString();
    }

    /** Every pattern, for checking that {@link #matches} finds what a scan of every position finds. */
    static List<Named> all() {
        return PATTERNS;
    }

    private static int[] wordStarts(List<String> tokens) {
        int[] starts = new int[tokens.size()];
        int offset = 0;
        for (int i = 0; i < starts.length; i++) {
            starts[i] = offset;
            offset += tokens.get(i).length() + 1;
        }
        return starts;
    }

    /**
     * Every branch of every pattern begins with a word boundary before a word character, and the tokens are words
     * joined by single spaces, so a match can only begin where a token begins. Trying those positions alone finds
     * what {@code find()} finds, without trying each branch at every character (a third of the lexical stage's
     * time went there).
     */
    private static boolean startsAtAWord(Matcher matcher, int[] wordStarts) {
        matcher.useTransparentBounds(true);
        int end = matcher.regionEnd();
        for (int start : wordStarts) {
            if (matcher.region(start, end).lookingAt()) {
                return true;
            }
        }
        return false;
    }
}
