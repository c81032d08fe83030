package dev.sofia.clinic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Sofia clinic app: practice calendar, patients and (later) calls and the receptionist. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SofiaApplication {

    public static void main(String[] args) {
        SpringApplication.run(SofiaApplication.class, args);
    }
}
