package dev.sofia.clinic;

import dev.sofia.clinic.diagnose.Diagnose;
import dev.sofia.clinic.receptionist.ReceptionistConsole;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Sofia clinic app: practice calendar, patients, calls, telephony and the receptionist. {@code
 * java -jar clinic.jar} serves HTTP (and runs the agent worker, by {@code SOFIA_ROLE});
 * {@code java -jar clinic.jar console [de|en|ru]} chats with Sofia in the terminal instead;
 * {@code java -jar clinic.jar diagnose} checks a deployment (docs/diagnose.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SofiaApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("console")) {
            console(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("diagnose")) {
            // No application context: diagnose must work when the configuration or database is broken.
            Diagnose.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(SofiaApplication.class, args);
    }

    /** The text console: the app without HTTP and without the worker, quiet logs, Sofia on stdin/stdout. */
    private static void console(String[] args) throws Exception {
        String language = args.length > 0 && !args[0].startsWith("--") ? args[0] : "de";
        // command-line properties outrank application.yml and the environment
        String[] settings = {
            "--sofia.receptionist.role=api",
            "--sofia.telephony.sync-on-startup=false",
            "--LOG_FORMAT=text",
            "--logging.level.root=WARN"
        };
        String[] rest = Arrays.stream(args).filter(a -> a.startsWith("--")).toArray(String[]::new);
        String[] all = java.util.stream.Stream.concat(Arrays.stream(settings), Arrays.stream(rest))
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SofiaApplication.class)
                .web(WebApplicationType.NONE)
                .run(all)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            ReceptionistConsole.run(context, language, in, System.out);
        }
    }
}
