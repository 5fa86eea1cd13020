package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.TransactionSystemException;

class ErrorHandlerTests {

    @Test
    void aCommitOnABrokenConnectionIsTheDatabaseBeingAway() {
        var commit = new TransactionSystemException("Could not commit JDBC transaction");
        commit.initCause(new SQLException("An I/O error occurred while sending to the backend", "08006"));

        assertThat(ErrorHandler.lostTheDatabase(commit)).isTrue();
    }

    @Test
    void aRollbackThatFailsAfterTheServerWentAwayIsTheDatabaseBeingAway() {
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException(
                "insert", new SQLException("terminating connection due to administrator command", "57P01")));

        assertThat(ErrorHandler.lostTheDatabase(rollback)).isTrue();
    }

    @Test
    void aServerShuttingDownOrAPoolTimeoutIsTheDatabaseBeingAway() {
        var shutdown = new SQLException("terminating connection due to administrator command", "57P01");

        assertThat(ErrorHandler.lostTheDatabase(new IllegalStateException(shutdown)))
                .isTrue();
        assertThat(ErrorHandler.lostTheDatabase(new SQLTransientConnectionException("timed out")))
                .isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        var duplicate = new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"));

        assertThat(ErrorHandler.lostTheDatabase(duplicate)).isFalse();
        assertThat(ErrorHandler.lostTheDatabase(new IllegalStateException("bug")))
                .isFalse();
    }

    @Test
    void aDeadlockOrSerialisationFailureIsACollisionNotTheDatabaseBeingAway() {
        var deadlock = new PessimisticLockingFailureException("merge", new SQLException("deadlock detected", "40P01"));
        var serialisation = new PessimisticLockingFailureException(
                "update", new SQLException("could not serialize access", "40001"));
        var busy = new PessimisticLockingFailureException("insert", new SQLException("database is locked"));

        assertThat(ErrorHandler.collided(deadlock)).isTrue();
        assertThat(ErrorHandler.collided(serialisation)).isTrue();
        assertThat(ErrorHandler.collided(busy)).isFalse();
        assertThat(ErrorHandler.lostTheDatabase(deadlock)).isFalse();
    }

    @Test
    void aClientThatClosedTheConnectionIsNotAFailureOfTheService() {
        var reset = new org.apache.catalina.connector.ClientAbortException(
                new java.io.IOException("Connection reset by peer"));
        var brokenPipe = new IllegalStateException(new java.io.IOException("Broken pipe"));

        assertThat(ErrorHandler.clientGone(reset)).isTrue();
        assertThat(ErrorHandler.clientGone(brokenPipe)).isTrue();
        assertThat(ErrorHandler.clientGone(new java.io.IOException("No space left on device")))
                .isFalse();
    }
}
