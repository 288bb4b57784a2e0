package org.vigil.classify;

/** The kinds of abuse Vigil scores independently: one mention may carry several. */
public enum Category {
    /** Threats, incitement, wishes of harm and intimidation ("we know where you live"). */
    VIOLENT,
    /** Abuse over race, ethnicity, national origin, religion or immigration status. */
    RACIST,
    /** Abuse over gender: misogyny, sexual slurs aimed at women. */
    SEXIST
}
