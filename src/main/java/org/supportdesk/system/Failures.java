package org.supportdesk.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.util.DisconnectedClientHelper;

/** What kind of failure an exception from below the controllers is, for ErrorHandler's answer. */
final class Failures {

    private Failures() {}

    /**
     * True when a cause says the connection to the database failed: the JDBC connection exceptions,
     * SQLState class 08 (connection exception), or PostgreSQL's 57P01-57P03 (the server is shutting
     * down, crashed or is starting up); also when a rollback failed after such a failure.
     */
    static boolean lostTheDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && lostTheDatabase(rollback.getApplicationException())) {
                // The rollback failed on the broken connection and hides why it was rolled back.
                return true;
            }
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when a cause is PostgreSQL's deadlock (40P01) or serialisation failure (40001). */
    static boolean collided(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** True when writing the answer failed because the client closed the connection. */
    static boolean clientGone(Throwable e) {
        return DisconnectedClientHelper.isClientDisconnectedException(e);
    }
}
