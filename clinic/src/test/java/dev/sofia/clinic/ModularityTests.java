package dev.sofia.clinic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Verifies the module boundaries (no cycles, only allowed dependencies, no access to another
 * module's internals) and regenerates the module picture in docs/modules, so it is never drawn by
 * hand and never stale.
 */
class ModularityTests {

    // Production classes only, whatever the build directory is called (-Dsofia.target=…): the
    // default option only recognises target/test-classes.
    static final ApplicationModules MODULES =
            ApplicationModules.of(SofiaApplication.class, location -> !location.contains("/test-classes/"));

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writeModuleDocumentation() throws IOException {
        Path folder = Path.of("../docs/modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                sortRelations(file);
            }
        }
    }

    // The documenter writes the relations in hash order, which changes from run to run; sorted,
    // the files only change when the modules do.
    private static void sortRelations(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> relations =
                lines.stream().filter(line -> line.startsWith("Rel(")).sorted().toList();
        Iterator<String> sorted = relations.iterator();
        List<String> result = lines.stream()
                .map(line -> line.startsWith("Rel(") ? sorted.next() : line)
                .toList();
        Files.write(file, result);
    }
}
