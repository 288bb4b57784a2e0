package org.vigil.problem;

import java.sql.SQLException;

/** A failed SQL statement, unchecked so that services need not declare it; answered like the SQLException it wraps. */
public class StorageException extends RuntimeException {

    public StorageException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }
}
