package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.TransactionSystemException;

class FailuresTests {

    @Test
    void aCommitOnABrokenConnectionIsTheDatabaseBeingAway() {
        var commit = new TransactionSystemException("Could not commit JDBC transaction");
        commit.initCause(new SQLException("An I/O error occurred while sending to the backend", "08006"));

        assertThat(Failures.lostTheDatabase(commit)).isTrue();
    }

    @Test
    void aRollbackThatFailsAfterTheServerWentAwayIsTheDatabaseBeingAway() {
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException(
                "insert", new SQLException("terminating connection due to administrator command", "57P01")));

        assertThat(Failures.lostTheDatabase(rollback)).isTrue();
    }

    @Test
    void aServerShuttingDownOrAPoolTimeoutIsTheDatabaseBeingAway() {
        var shutdown = new SQLException("terminating connection due to administrator command", "57P01");

        assertThat(Failures.lostTheDatabase(new IllegalStateException(shutdown)))
                .isTrue();
        assertThat(Failures.lostTheDatabase(new SQLTransientConnectionException("timed out")))
                .isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        var duplicate = new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"));

        assertThat(Failures.lostTheDatabase(duplicate)).isFalse();
        assertThat(Failures.lostTheDatabase(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void aDeadlockOrSerialisationFailureIsACollisionNotTheDatabaseBeingAway() {
        var deadlock = new PessimisticLockingFailureException("merge", new SQLException("deadlock detected", "40P01"));
        var serialisation = new PessimisticLockingFailureException(
                "update", new SQLException("could not serialize access", "40001"));
        var busy = new PessimisticLockingFailureException("insert", new SQLException("database is locked"));

        assertThat(Failures.collided(deadlock)).isTrue();
        assertThat(Failures.collided(serialisation)).isTrue();
        assertThat(Failures.collided(busy)).isFalse();
        assertThat(Failures.lostTheDatabase(deadlock)).isFalse();
    }

    @Test
    void aClientThatClosedTheConnectionIsNotAFailureOfTheService() {
        var reset = new org.apache.catalina.connector.ClientAbortException(
                new java.io.IOException("Connection reset by peer"));
        var brokenPipe = new IllegalStateException(new java.io.IOException("Broken pipe"));

        assertThat(Failures.clientGone(reset)).isTrue();
        assertThat(Failures.clientGone(brokenPipe)).isTrue();
        assertThat(Failures.clientGone(new java.io.IOException("No space left on device")))
                .isFalse();
    }
}
