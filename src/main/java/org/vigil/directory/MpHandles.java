package org.vigil.directory;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which platform handles belong to a registered MP, held in memory so that a delivery's answer can be
 * written in the same statement that stores it. It is a hint: the database decides attribution, and
 * ingest corrects its answer when the two disagree (an MP registered on another replica).
 */
@Startup
@ApplicationScoped
public class MpHandles {

    private final AgroalDataSource dataSource;
    private final Map<String, Long> mpByHandle = new ConcurrentHashMap<>();

    MpHandles(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @PostConstruct
    void load() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT platform, handle, mp_id FROM mp_account");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                mpByHandle.put(key(r.getString(1), r.getString(2)), r.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load MP accounts", e);
        }
    }

    public boolean isRegistered(String platform, String handle) {
        return handle != null && mpByHandle.containsKey(key(platform, MpAccount.normalise(handle)));
    }

    void remember(String platform, String normalisedHandle, long mpId) {
        mpByHandle.put(key(platform, normalisedHandle), mpId);
    }

    void forget(String platform, String normalisedHandle) {
        mpByHandle.remove(key(platform, normalisedHandle));
    }

    private static String key(String platform, String normalisedHandle) {
        return platform + '\u0000' + normalisedHandle;
    }
}
