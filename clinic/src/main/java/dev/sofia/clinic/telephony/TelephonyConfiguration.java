package dev.sofia.clinic.telephony;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** The telephony module's beans that need configuration: the secret box and its key. */
@Configuration(proxyBeanMethods = false)
class TelephonyConfiguration {

    @Bean
    SecretBox telephonySecretBox(
            Environment env,
            @Value("${sofia.secret-key:}") String secretKey,
            @Value("${sofia.data-dir:}") String dataDir) {
        return new SecretBox(SecretKeys.resolve(secretKey, env.acceptsProfiles(Profiles.of("prod")), dataDir));
    }
}
