package dev.sofia.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Wraps the app's {@link DataSource} so every statement execution and commit made by one chosen
 * thread is timed by its SQL text, with the parameters of its last execution kept for {@code
 * explain analyze}. Result sets are not wrapped: the PostgreSQL driver reads all rows inside {@code
 * execute}, so execute time is server time plus transfer, and reading the rows afterwards is Java time.
 *
 * <p>Only for the profile: the proxies cost a little on every call, so the benchmark figures are
 * measured without them.
 */
final class StatementTimer {

    /** One SQL text: how long its executions took, and its last parameters by index. */
    record Statistics(Samples samples, Map<Integer, Object> lastParameters) {}

    /** A parameter set with {@code setNull}. */
    record Null(int sqlType) {}

    private final Map<String, Statistics> bySql = new ConcurrentHashMap<>();
    private volatile Thread recorded;
    private long threadNanos;
    private int threadStatements;

    /** Records from now on what {@code thread} executes, and nothing else. */
    void record(Thread thread) {
        recorded = thread;
    }

    Map<String, Statistics> bySql() {
        return bySql;
    }

    /** Resets the running totals of the recorded thread. */
    void resetTotals() {
        threadNanos = 0;
        threadStatements = 0;
    }

    long totalNanos() {
        return threadNanos;
    }

    int totalStatements() {
        return threadStatements;
    }

    DataSource wrap(DataSource target) {
        return proxy(target, (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection c ? connection(c) : result;
        });
    }

    private Connection connection(Connection target) {
        return proxy(target, (proxy, method, args) -> switch (method.getName()) {
            case "prepareStatement" -> statement((Statement) invoke(target, method, args), (String) args[0]);
            case "createStatement" -> statement((Statement) invoke(target, method, args), null);
            case "commit", "rollback" ->
                timed(method.getName().toUpperCase(Locale.ROOT), null, () -> invoke(target, method, args));
            default -> invoke(target, method, args);
        });
    }

    private Statement statement(Statement target, String preparedSql) {
        Map<Integer, Object> parameters = new TreeMap<>();
        return proxy(target, (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                parameters.put(index, name.equals("setNull") ? new Null((Integer) args[1]) : args[1]);
            }
            if (name.startsWith("execute")) {
                String sql =
                        preparedSql != null ? preparedSql : (args != null && args.length > 0 ? (String) args[0] : "?");
                return timed(sql, Map.copyOf(parameters), () -> invoke(target, method, args));
            }
            return invoke(target, method, args);
        });
    }

    private interface Call {
        Object run() throws Throwable;
    }

    private Object timed(String sql, Map<Integer, Object> parameters, Call call) throws Throwable {
        if (Thread.currentThread() != recorded) {
            return call.run();
        }
        long start = System.nanoTime();
        try {
            return call.run();
        } finally {
            long elapsed = System.nanoTime() - start;
            threadNanos += elapsed;
            threadStatements++;
            Statistics stats =
                    bySql.computeIfAbsent(sql, k -> new Statistics(new Samples(), new ConcurrentHashMap<>()));
            stats.samples().add(elapsed);
            if (parameters != null) {
                stats.lastParameters().clear();
                stats.lastParameters().putAll(parameters);
            }
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A proxy with all interfaces of the target, so unwrap, close and the like keep working. */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(T target, InvocationHandler handler) {
        return (T)
                Proxy.newProxyInstance(StatementTimer.class.getClassLoader(), interfaces(target.getClass()), handler);
    }

    private static Class<?>[] interfaces(Class<?> type) {
        var all = new LinkedHashSet<Class<?>>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (Modifier.isPublic(i.getModifiers())) {
                    all.add(i);
                }
            }
        }
        return all.toArray(Class<?>[]::new);
    }
}
