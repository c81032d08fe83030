package dev.sofia.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Runs a statement recorded by {@link StatementTimer} again with its recorded parameters: explained
 * on the server, or timed at the client. With {@code typedArrays}, parameters that are text literals
 * of UUID arrays ({@code "{…}"}, which the SQL casts with {@code ?::uuid[]}) are bound as real {@code
 * uuid[]} arrays instead, to show what that binding costs.
 */
final class StatementReplay {

    private static final Pattern UUID_ARRAY = Pattern.compile("\\{[0-9a-f,-]*}");
    private static final Pattern LONG_UUID_LIST = Pattern.compile("\\{[0-9a-f,-]{100,}}");

    private final DataSource dataSource;
    private final String sql;
    private final Map<Integer, Object> parameters;

    StatementReplay(DataSource dataSource, String sql, Map<Integer, Object> parameters) {
        this.dataSource = dataSource;
        this.sql = sql;
        this.parameters = parameters;
    }

    String sql() {
        return sql;
    }

    boolean hasTextUuidArrays() {
        return parameters.values().stream().anyMatch(StatementReplay::isTextUuidArray);
    }

    /** The {@code explain (analyze, buffers)} plan of the last of {@code runs} runs. */
    String explain(boolean typedArrays, int runs) throws SQLException {
        String plan = "";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + sql)) {
            bind(c, ps, typedArrays);
            for (int run = 0; run < runs; run++) {
                var text = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        text.append(rs.getString(1)).append('\n');
                    }
                }
                plan = text.toString();
            }
        }
        // Twenty UUIDs per array literal make a plan unreadable.
        return LONG_UUID_LIST.matcher(plan).replaceAll("{…}");
    }

    /** Only the planning and execution times of {@link #explain}. */
    String serverTimes(boolean typedArrays, int runs) throws SQLException {
        return explain(typedArrays, runs)
                .lines()
                .filter(l -> l.startsWith("Planning Time") || l.startsWith("Execution Time"))
                .map(l -> l.replace(" Time:", ""))
                .collect(Collectors.joining(", "));
    }

    /** Executes {@code runs} times, reading every column of every row; one sample per run. */
    Samples time(boolean typedArrays, int runs) throws SQLException {
        Samples samples = new Samples();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, typedArrays);
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            rs.getObject(i);
                        }
                    }
                }
                samples.add(System.nanoTime() - start);
            }
        }
        return samples;
    }

    private void bind(Connection c, PreparedStatement ps, boolean typedArrays) throws SQLException {
        for (var p : parameters.entrySet()) {
            if (p.getValue() instanceof StatementTimer.Null n) {
                ps.setNull(p.getKey(), n.sqlType());
            } else if (typedArrays && isTextUuidArray(p.getValue())) {
                ps.setArray(p.getKey(), c.createArrayOf("uuid", uuids((String) p.getValue())));
            } else {
                ps.setObject(p.getKey(), p.getValue());
            }
        }
    }

    private static boolean isTextUuidArray(Object value) {
        return value instanceof String text && UUID_ARRAY.matcher(text).matches();
    }

    private static UUID[] uuids(String literal) {
        String inner = literal.substring(1, literal.length() - 1);
        return inner.isEmpty()
                ? new UUID[0]
                : Arrays.stream(inner.split(",")).map(UUID::fromString).toArray(UUID[]::new);
    }
}
