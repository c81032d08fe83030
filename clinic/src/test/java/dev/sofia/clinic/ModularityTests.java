package dev.sofia.clinic;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Verifies the module boundaries (no cycles, only allowed dependencies, no access to another
 * module's internals) and regenerates the module picture in docs/modules, so it is never drawn by
 * hand and never stale.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(SofiaApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writeModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
