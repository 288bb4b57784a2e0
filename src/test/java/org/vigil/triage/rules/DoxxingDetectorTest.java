package org.vigil.triage.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Doxxing signs in English and French fire; texts that merely mention places or numbers stay quiet. */
class DoxxingDetectorTest {

    @ParameterizedTest(name = "{1} in \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "She lives at 14 Oakfield Road, go and say hello | street address",
            "Her office is at 221b Baker Street. | street address",
            "il habite au 12 rue de la Paix, on passera | street address",
            "rendez-vous 5 bis avenue Jean Jaurès ce soir | street address",
            "call him on 07700 900123 and tell him | phone number",
            "son numéro : 06 12 34 56 78, appelez-la | phone number",
            "son portable +33 6 12 34 56 78 | phone number",
            "ring (202) 555-0143 anytime | phone number",
            "his car is a blue Golf, AB12 CDE, you can't miss it | car plate",
            "sa voiture immatriculée FG-123-HJ est garée devant | car plate",
            "I know where you live | knows where the MP or family lives",
            "we know where your kids go to school | knows where the MP or family lives",
            "We found out where your wife works. | knows where the MP or family lives",
            "we have your address now | knows where the MP or family lives",
            "Je sais où tu habites | knows where the MP or family lives",
            "on sait où tes enfants vont à l'école | knows where the MP or family lives",
            "nous savons où vous travaillez | knows where the MP or family lives",
            "j'ai ton adresse, fais attention | knows where the MP or family lives"})
    void findsDoxxingSigns(String text, String kind) {
        assertThat(DoxxingDetector.detect(text, List.of(), List.of())).extracting(DoxxingSignal::kind).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The vote on the 2024 budget of 350 million pounds is on 12 May",
            "Section 12 of the Housing Act 1988 needs reform",
            "I live in Leeds and I think you are wrong about the railway",
            "You clearly don't know where your party stands on housing",
            "Downing Street should answer the question",
            "Le projet de loi n° 1234 sera examiné le 3 mars à 15 h",
            "J'habite à Lyon et je ne suis pas d'accord avec vous",
            "Je ne sais pas où vous allez avec cette réforme",
            "Call 999 in an emergency, or 111 otherwise",
            "Your speech at 10:30 on BBC2 was excellent",
            "The A1 and M25 were closed for 3 hours",
            "Read page 14 of the report, figures 2.5 and 3.7"})
    void staysQuietOnHarmlessPlacesAndNumbers(String text) {
        assertThat(DoxxingDetector.detect(text, List.of(), List.of())).isEmpty();
    }

    @Test
    void findsRegisteredFamilyNamesAndSensitivePlacesAsWholeWordsIgnoringAccents() {
        List<DoxxingSignal> signals = DoxxingDetector.detect("Say hi to little Chloe after the surgery at ecully library",
                List.of("Chloé", "Tom"), List.of("Écully Library"));

        assertThat(signals).containsExactly(new DoxxingSignal("names a family member", "Chloé"),
                new DoxxingSignal("names a sensitive place", "Écully Library"));
        assertThat(DoxxingDetector.detect("Tomorrow is the vote", List.of("Tom"), List.of())).isEmpty();
    }
}
