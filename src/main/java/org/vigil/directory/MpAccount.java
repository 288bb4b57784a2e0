package org.vigil.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.Locale;

/** An account an MP owns on one platform; mentions of its handle are attributed to the MP. */
@Entity
@Table(name = "mp_account")
public class MpAccount extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "mp_id")
    public Mp mp;

    @Column(nullable = false)
    public String platform;

    /** Normalised by {@link #normalise(String)}, the same way the mention insert matches it. */
    @Column(nullable = false)
    public String handle;

    public static String normalise(String handle) {
        String trimmed = handle.strip();
        return (trimmed.startsWith("@") ? trimmed.substring(1) : trimmed).toLowerCase(Locale.ROOT);
    }
}
