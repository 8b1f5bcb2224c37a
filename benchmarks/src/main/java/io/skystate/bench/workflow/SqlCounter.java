package io.skystate.bench.workflow;

import io.skystate.local.LocalSkystate;
import io.skystate.local.internal.Database;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the SQL statements a {@link LocalSkystate} executes (and its transactions: {@code BEGIN IMMEDIATE}s), by
 * replacing its {@code Database}'s connection with a counting proxy. Diagnostic only: the proxy costs time, so
 * counting runs are never timed. Install it while the instance is idle (before its workflow engine starts).
 */
final class SqlCounter {
    private final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();

    /** Puts the counting proxy in front of the instance's connection and drops its cached statements. */
    static SqlCounter install(LocalSkystate skystate) throws ReflectiveOperationException {
        Database database = skystate.unwrap(Database.class).orElseThrow();
        Field field = Database.class.getDeclaredField("connection");
        field.setAccessible(true);
        Connection real = (Connection) field.get(database);
        SqlCounter counter = new SqlCounter();
        field.set(database, proxy(Connection.class, real, counter::onConnection));
        Field statements = Database.class.getDeclaredField("statements");
        statements.setAccessible(true);
        ((Map<?, ?>) statements.get(database)).clear();
        return counter;
    }

    void reset() {
        bySql.clear();
    }

    /** Executions per SQL text (its first 70 characters), sorted by text. */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        bySql.forEach((sql, n) -> out.put(sql, n.sum()));
        return out;
    }

    static long transactions(Map<String, Long> counts) {
        return counts.getOrDefault("BEGIN IMMEDIATE", 0L);
    }

    static long statements(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> !e.getKey().equals("BEGIN IMMEDIATE")
                && !e.getKey().equals("COMMIT") && !e.getKey().equals("ROLLBACK")).mapToLong(Map.Entry::getValue).sum();
    }

    private void count(String sql) {
        String key = sql.length() > 70 ? sql.substring(0, 70) : sql;
        bySql.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private Object onConnection(Object real, Method method, Object[] args) throws Throwable {
        Object result = invoke(real, method, args);
        if (method.getName().equals("prepareStatement")) {
            String sql = (String) args[0];
            return proxy(PreparedStatement.class, result, (target, m, a) -> {
                if (m.getName().startsWith("execute")) {
                    count(sql);
                }
                return invoke(target, m, a);
            });
        }
        if (method.getName().equals("createStatement")) {
            return proxy(Statement.class, result, (target, m, a) -> {
                if (m.getName().startsWith("execute") && a != null && a.length > 0 && a[0] instanceof String sql) {
                    count(sql);
                }
                return invoke(target, m, a);
            });
        }
        return result;
    }

    private interface Handler {
        Object handle(Object real, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object real, Handler handler) {
        InvocationHandler h = (p, m, a) -> handler.handle(real, m, a);
        return type.cast(Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static Object invoke(Object real, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
