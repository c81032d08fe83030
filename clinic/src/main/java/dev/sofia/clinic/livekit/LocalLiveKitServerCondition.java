package dev.sofia.clinic.livekit;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no LIVEKIT_URL is set and the local server is not switched off. */
final class LocalLiveKitServerCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("sofia.livekit.url", "");
        boolean enabled = context.getEnvironment().getProperty("sofia.livekit.local-server", Boolean.class, true);
        return url.isBlank() && enabled;
    }
}
