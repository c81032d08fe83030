package dev.sofia.livekit.local.deployment;

import java.util.regex.Pattern;

/** What counts as a pinned image reference: a digest, or an explicit tag other than "latest". */
final class DockerImages {

    private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");

    private DockerImages() {}

    static boolean isPinned(String image) {
        if (DIGEST.matcher(image).matches()) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return false; // no tag: Docker takes "latest"
        }
        String tag = image.substring(colon + 1);
        return !tag.isBlank() && !tag.equals("latest") && !tag.contains("$");
    }
}
