package org.thesenforum;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package rules of docs/architecture.md, checked on the compiled main code. A new feature package must be added
 * to {@link #layers()} with the packages it may use (the last test fails until it is).
 */
class ArchitectureTest {

    private static final String ROOT = "org.thesenforum";

    /** Every package under {@link #ROOT}, so that a new one cannot slip past the layer rule. */
    private static final Set<String> PACKAGES = Set.of("web", "cluster", "audit", "journal", "account", "discussion",
            "comment", "demand", "event", "meeting", "beamer", "protocol", "notification", "live", "moderation",
            "search", "admin");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void featurePackagesUseOnlyThePackagesBelowThem() {
        layers().check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheLiveLayerTalksWebSocket() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".live..")
                .should().dependOnClassesThat().resideInAPackage("io.quarkus.websockets.next..")
                .because("the push layer is the only one that knows sockets").check(classes);
    }

    @Test
    void nothingImportsTheLiveLayer() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".live..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".live..")
                .because("features append to the journal; the push layer reads it").check(classes);
    }

    @Test
    void everyPackageIsNamedInTheRules() {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : classes) {
            String rest = c.getPackageName().substring(ROOT.length());
            if (!rest.isEmpty()) {
                found.add(rest.substring(1).split("\\.")[0]);
            }
        }
        assertEquals(new TreeSet<>(PACKAGES), found, "packages under " + ROOT + " and the layers of this test");
    }

    /**
     * From the bottom: shared web helpers; what the instances on one database share (cluster); the audit log and the
     * journal of changes; accounts; discussions; the comment thread (with the topic page); joint demands; events and
     * registration (beside demands, above discussions and accounts); the live meeting (above demands); the projector
     * view and the workshop protocol, which read them; personal notifications, which observe comments and demands; the
     * moderation queue; search, which reads topics, comments and demands and follows the journal. The live push layer
     * sits beside the features and reads the journal. The admin area sits on top and may use every feature.
     */
    private static com.tngtech.archunit.library.Architectures.LayeredArchitecture layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("web").definedBy(ROOT + ".web..")
                .layer("cluster").definedBy(ROOT + ".cluster..")
                .layer("audit").definedBy(ROOT + ".audit..")
                .layer("journal").definedBy(ROOT + ".journal..")
                .layer("account").definedBy(ROOT + ".account..")
                .layer("discussion").definedBy(ROOT + ".discussion..")
                .layer("comment").definedBy(ROOT + ".comment..")
                .layer("demand").definedBy(ROOT + ".demand..")
                .layer("event").definedBy(ROOT + ".event..")
                .layer("meeting").definedBy(ROOT + ".meeting..")
                .layer("beamer").definedBy(ROOT + ".beamer..")
                .layer("protocol").definedBy(ROOT + ".protocol..")
                .layer("notification").definedBy(ROOT + ".notification..")
                .layer("live").definedBy(ROOT + ".live..")
                .layer("moderation").definedBy(ROOT + ".moderation..")
                .layer("search").definedBy(ROOT + ".search..")
                .layer("admin").definedBy(ROOT + ".admin..")
                .whereLayer("admin").mayNotBeAccessedByAnyLayer()
                .whereLayer("search").mayNotBeAccessedByAnyLayer()
                .whereLayer("moderation").mayNotBeAccessedByAnyLayer()
                .whereLayer("live").mayNotBeAccessedByAnyLayer()
                .whereLayer("beamer").mayNotBeAccessedByAnyLayer()
                .whereLayer("protocol").mayNotBeAccessedByAnyLayer()
                .whereLayer("notification").mayOnlyBeAccessedByLayers("moderation", "admin")
                .whereLayer("meeting").mayOnlyBeAccessedByLayers("beamer", "protocol", "admin")
                .whereLayer("event").mayOnlyBeAccessedByLayers("protocol", "admin")
                .whereLayer("demand").mayOnlyBeAccessedByLayers("meeting", "beamer", "protocol", "notification",
                        "moderation", "search", "admin")
                .whereLayer("comment").mayOnlyBeAccessedByLayers("demand", "beamer", "protocol", "notification",
                        "moderation", "search", "admin")
                .whereLayer("discussion").mayOnlyBeAccessedByLayers("comment", "demand", "event", "meeting",
                        "beamer", "protocol", "notification", "moderation", "search", "admin")
                .whereLayer("account").mayOnlyBeAccessedByLayers("discussion", "comment", "demand", "event",
                        "meeting", "beamer", "protocol", "notification", "moderation", "search", "admin")
                .whereLayer("journal").mayOnlyBeAccessedByLayers("discussion", "comment", "demand", "event",
                        "meeting", "notification", "live", "moderation", "search", "admin")
                .whereLayer("audit").mayOnlyBeAccessedByLayers("account", "discussion", "comment", "demand",
                        "event", "meeting", "notification", "moderation", "admin")
                .whereLayer("cluster").mayOnlyBeAccessedByLayers("audit", "journal", "account", "discussion",
                        "comment", "demand", "event", "meeting", "beamer", "protocol", "notification", "live",
                        "moderation", "search", "admin")
                .whereLayer("web").mayOnlyBeAccessedByLayers("cluster", "audit", "journal", "account", "discussion", "comment",
                        "demand", "event", "meeting", "beamer", "protocol", "notification", "live", "moderation",
                        "search", "admin");
    }
}
