package dev.sofia.livekit.local.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A network namespace where UDP does not exist: nftables drops every UDP packet in and out, as a
 * firewall that lets only TCP through does. A veth pair links it to the host: the host end gets
 * {@link #hostAddress()}, the namespace end {@link #namespaceAddress()}. Processes run inside
 * through {@link #exec()}. Needs root, {@code ip} (iproute2) and {@code nft} (nftables, installed
 * by scripts/setup.sh's test peers). {@link #close()} deletes the namespace and the pair.
 */
final class UdpBlockedNamespace implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern DROPPED = Pattern.compile("udp counter packets (\\d+)");

    private final String name;
    private final String hostInterface;
    private final InetAddress hostAddress;
    private final InetAddress namespaceAddress;

    private UdpBlockedNamespace(String name, String hostInterface, InetAddress host, InetAddress inside) {
        this.name = name;
        this.hostInterface = hostInterface;
        this.hostAddress = host;
        this.namespaceAddress = inside;
    }

    static UdpBlockedNamespace create() {
        String id = HexFormat.of().formatHex(randomBytes(3));
        // interface names have at most 15 characters
        String name = "sofia-noudp-" + id;
        String hostIf = "snh" + id;
        String nsIf = "snn" + id;
        // a /30 in 10.200.0.0/13, random so that parallel runs on one machine do not collide
        byte[] r = randomBytes(2);
        String prefix = "10." + (200 + (r[0] & 7)) + "." + (r[1] & 0xff) + ".";
        int base = 4 * RANDOM.nextInt(63);
        String host = prefix + (base + 1);
        String inside = prefix + (base + 2);
        run("ip", "netns", "add", name);
        UdpBlockedNamespace ns = new UdpBlockedNamespace(name, hostIf, address(host), address(inside));
        try {
            run("ip", "link", "add", hostIf, "type", "veth", "peer", "name", nsIf, "netns", name);
            run("ip", "addr", "add", host + "/30", "dev", hostIf);
            run("ip", "link", "set", hostIf, "up");
            run("ip", "netns", "exec", name, "ip", "addr", "add", inside + "/30", "dev", nsIf);
            run("ip", "netns", "exec", name, "ip", "link", "set", nsIf, "up");
            run("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up");
            nft(name, """
                    table inet sofia_no_udp {
                      chain output {
                        type filter hook output priority 0; policy accept;
                        meta l4proto udp counter drop
                      }
                      chain input {
                        type filter hook input priority 0; policy accept;
                        meta l4proto udp counter drop
                      }
                    }
                    """);
            return ns;
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    /**
     * Sends the namespace's TCP connections to {@code hostAddress:443} to {@code port} instead: the
     * load balancer in front of LiveKit's TURN/TLS listener, since LiveKit tells clients port 443.
     */
    void forwardHttpsTo(int port) {
        nft(name, """
                table ip sofia_https {
                  chain output {
                    type nat hook output priority -100; policy accept;
                    ip daddr %s tcp dport 443 dnat to %s:%d
                  }
                }
                """.formatted(hostAddress.getHostAddress(), hostAddress.getHostAddress(), port));
    }

    List<String> exec() {
        return List.of("ip", "netns", "exec", name);
    }

    InetAddress hostAddress() {
        return hostAddress;
    }

    InetAddress namespaceAddress() {
        return namespaceAddress;
    }

    /** UDP packets dropped so far, both directions. */
    long udpPacketsDropped() {
        Matcher m = DROPPED.matcher(run("ip", "netns", "exec", name, "nft", "list", "table", "inet", "sofia_no_udp"));
        long total = 0;
        while (m.find()) {
            total += Long.parseLong(m.group(1));
        }
        return total;
    }

    @Override
    public void close() {
        runQuietly("ip", "netns", "del", name);
        // the pair goes with the namespace, but not always at once: delete the host end too
        runQuietly("ip", "link", "del", hostInterface);
    }

    private static void nft(String namespace, String rules) {
        List<String> command = List.of("ip", "netns", "exec", namespace, "nft", "-f", "-");
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().write(rules.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            finish(command, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String run(String... command) {
        try {
            return finish(
                    List.of(command),
                    new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command), e);
        }
    }

    private static void runQuietly(String... command) {
        try {
            new ProcessBuilder(command).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // nothing left to delete
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String finish(List<String> command, Process process) throws IOException {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return output;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static List<String> missingTools() {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("ip", "nft")) {
            boolean found = false;
            for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
                found |= java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, tool));
            }
            if (!found) {
                missing.add(tool);
            }
        }
        return missing;
    }
}
