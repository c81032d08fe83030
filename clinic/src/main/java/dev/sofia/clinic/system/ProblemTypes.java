package dev.sofia.clinic.system;

import java.net.URI;

/** Problem type URIs; each is described in docs/errors.md. */
public final class ProblemTypes {

    private ProblemTypes() {}

    public static URI of(String slug) {
        return URI.create("/problems/" + slug);
    }
}
