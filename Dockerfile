# syntax=docker/dockerfile:1.7
# The Sofia app image: one jar for every role (SOFIA_ROLE=all|api|worker). Built by
# deploy/compose.yaml (docker compose build) and by .github/workflows/deploy.yml.

# --- build: the Maven wrapper on a JDK, plus Node.js/npm for the voice widget (web/widget) -------
FROM eclipse-temurin:21.0.8_9-jdk-noble AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# Tests run in CI (.github/workflows/ci.yml), not in the image build; the Maven and npm caches are
# BuildKit cache mounts, so a rebuild downloads nothing that did not change.
RUN --mount=type=cache,target=/root/.m2 --mount=type=cache,target=/root/.npm \
    ./mvnw -B -q -pl clinic -am package -DskipTests -Dspotless.check.skip=true \
    && cp clinic/target/clinic-*-exec.jar /sofia.jar

# --- run: a JRE, the native libraries the agent needs, a non-root user ---------------------------
FROM eclipse-temurin:21.0.8_9-jre-noble
# libpulse0: webrtc-java's native library links against it even without a sound device;
# espeak-ng: Sofia's offline voice; curl: the health check below.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpulse0 espeak-ng curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin sofia \
    && mkdir -p /app/data \
    && chown sofia /app/data
WORKDIR /app
COPY --from=build /sofia.jar /app/sofia.jar
USER 10001
ENV PORT=3005 \
    SOFIA_DATA_DIR=/app/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 3005
# Liveness: the process serves HTTP. compose.yaml asks readiness (database and LiveKit) instead.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=6 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT}/actuator/health/liveness" || exit 1
ENTRYPOINT ["java", "-jar", "/app/sofia.jar"]
