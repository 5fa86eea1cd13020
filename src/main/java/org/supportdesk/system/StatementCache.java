package org.supportdesk.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a connection's prepared statements for reuse. The SQLite driver compiles the SQL on every
 * prepareStatement(), which was an eighth of the cost of reading a ticket; neither it nor HikariCP
 * caches statements. A statement in use is taken out of the cache, so the same SQL prepared twice
 * at once gets two statements; closing one clears its parameters and puts it back.
 */
final class StatementCache implements InvocationHandler {

    private static final int SIZE = 64;

    private final Connection connection;
    private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > SIZE) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    private StatementCache(Connection connection) {
        this.connection = connection;
    }

    static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new StatementCache(connection));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("prepareStatement") && args.length == 1) {
            return prepare((String) args[0]);
        }
        if (name.equals("close")) {
            synchronized (this) {
                new ArrayList<>(idle.values()).forEach(StatementCache::closeQuietly);
                idle.clear();
            }
        }
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement;
        synchronized (this) {
            statement = idle.remove(sql);
        }
        if (statement == null) {
            statement = connection.prepareStatement(sql);
        }
        return (PreparedStatement) Proxy.newProxyInstance(
                StatementCache.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class},
                new Lease(sql, statement));
    }

    private synchronized void giveBack(String sql, PreparedStatement statement) {
        PreparedStatement other = idle.put(sql, statement);
        if (other != null && other != statement) {
            closeQuietly(other);
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // the connection is going away or the statement is already closed
        }
    }

    /**
     * One use of a cached statement: closing it returns the statement to the cache, and closes the
     * results it gave out, as closing a statement does in JDBC. Results left open would keep the
     * SQLite statement stepped, so its pooled connection would go on reading the snapshot they
     * started on between requests and SQLite's log could not be restarted (SqliteWal).
     */
    private final class Lease implements InvocationHandler {
        private final String sql;
        private final PreparedStatement statement;
        private ResultSet results;
        private boolean closed;

        Lease(String sql, PreparedStatement statement) {
            this.sql = sql;
            this.statement = statement;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close":
                    if (!closed) {
                        closed = true;
                        try {
                            if (results != null) {
                                results.close();
                            }
                            statement.clearParameters();
                            statement.clearBatch();
                            giveBack(sql, statement);
                        } catch (SQLException broken) {
                            closeQuietly(statement);
                        }
                    }
                    return null;
                case "isClosed":
                    return closed;
                default:
                    if (closed) {
                        throw new SQLException("Statement is closed");
                    }
                    try {
                        Object result = method.invoke(statement, args);
                        if (result instanceof ResultSet r) {
                            results = r;
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
            }
        }
    }
}
