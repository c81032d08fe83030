package dev.sofia.clinic.telephony;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the network addresses a connection names, without ever asking DNS: the carrier's source
 * IPs and CIDRs for inbound calls, and the {@code host[:port]} LiveKit sends outbound calls to.
 */
final class SipAddresses {

    /** Shorter IPv4 prefixes would let half the internet pass as the carrier. */
    static final int MIN_IPV4_PREFIX = 8;

    static final int MIN_IPV6_PREFIX = 16;

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    // Only hex digits, colons and dots, starting with a hex digit or a colon: the JDK parses such a
    // string as an IPv6 literal and never resolves it as a host name.
    private static final Pattern IPV6_SHAPE = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[^\\]]+\\]|[^:\\[\\]]+)(:([0-9]{1,5}))?");

    private SipAddresses() {}

    /**
     * An IP or CIDR in canonical form ({@code 192.0.2.7}, {@code 198.51.100.0/24},
     * {@code 2001:db8:0:0:0:0:0:0/32}), or a reason it is unacceptable.
     */
    static Result cidr(String raw) {
        if (raw == null || raw.isBlank()) {
            return Result.bad("must not be empty");
        }
        String text = raw.strip();
        int slash = text.indexOf('/');
        String ip = slash < 0 ? text : text.substring(0, slash);
        Optional<byte[]> address = ip(ip);
        if (address.isEmpty()) {
            return Result.bad("is not an IP address or CIDR like 192.0.2.10 or 198.51.100.0/24");
        }
        byte[] bytes = address.get();
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > bits) {
                return Result.bad("has an invalid prefix length (0 to " + bits + ")");
            }
            prefix = Integer.parseInt(p);
        }
        int min = bytes.length == 4 ? MIN_IPV4_PREFIX : MIN_IPV6_PREFIX;
        if (prefix < min) {
            return Result.bad("is too broad to identify a carrier (the prefix must be at least /" + min + ")");
        }
        if (!hostBitsClear(bytes, prefix)) {
            return Result.bad("has host bits set after the /" + prefix + " prefix; name the network address");
        }
        String canonical = format(bytes);
        return Result.ok(prefix == bits ? canonical : canonical + "/" + prefix);
    }

    /**
     * {@code host}, {@code host:port}, {@code ip:port} or {@code [ipv6]:port}, normalised (host
     * names lower-case), or a reason. No scheme, user or parameters.
     */
    static Result hostPort(String raw) {
        if (raw == null || raw.isBlank()) {
            return Result.bad("must not be empty");
        }
        String text = raw.strip();
        if (text.length() > 255) {
            return Result.bad("must be at most 255 characters");
        }
        Matcher m = HOST_PORT.matcher(text);
        if (!m.matches()) {
            return Result.bad("must be host or host:port, like sip.example.com or 192.0.2.10:5060");
        }
        String host = m.group(1);
        String port = m.group(3);
        if (port != null && (Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535)) {
            return Result.bad("has a port outside 1 to 65535");
        }
        String normalHost;
        if (host.startsWith("[")) {
            Optional<byte[]> v6 = ip(host.substring(1, host.length() - 1));
            if (v6.isEmpty() || v6.get().length != 16) {
                return Result.bad("has an invalid IPv6 address");
            }
            normalHost = "[" + format(v6.get()) + "]";
        } else if (IPV4.matcher(host).matches()) {
            Optional<byte[]> v4 = ip(host);
            if (v4.isEmpty()) {
                return Result.bad("has an invalid IPv4 address");
            }
            normalHost = host;
        } else if (HOST_NAME.matcher(host).matches() && !host.matches("[0-9.]+")) {
            normalHost = host.toLowerCase(java.util.Locale.ROOT);
        } else {
            return Result.bad("must be host or host:port, like sip.example.com or 192.0.2.10:5060");
        }
        return Result.ok(port == null ? normalHost : normalHost + ":" + Integer.parseInt(port));
    }

    private static Optional<byte[]> ip(String text) {
        if (IPV4.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(bytes);
        }
        if (text.indexOf(':') >= 0 && IPV6_SHAPE.matcher(text).matches()) {
            try {
                InetAddress address = InetAddress.getByName(text);
                // An IPv4-mapped literal (::ffff:a.b.c.d) comes back as IPv4: keep IPv6 as IPv6 only.
                return address instanceof Inet6Address ? Optional.of(address.getAddress()) : Optional.empty();
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean hostBitsClear(byte[] bytes, int prefix) {
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                return false;
            }
        }
        return true;
    }

    private static String format(byte[] bytes) {
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) {
                s.append(':');
            }
            s.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
        }
        return s.toString();
    }

    /** Either a normalised value or why the input was refused. */
    record Result(String value, String problem) {
        static Result ok(String value) {
            return new Result(value, null);
        }

        static Result bad(String problem) {
            return new Result(null, problem);
        }

        boolean valid() {
            return problem == null;
        }
    }
}
