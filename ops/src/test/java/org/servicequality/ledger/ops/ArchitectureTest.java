package org.servicequality.ledger.ops;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shape DESIGN.md fixes: command side and query side meet only through the published language,
 * the published language depends on neither and on no Spring, and handlers stay package-private.
 */
class ArchitectureTest {

    private static JavaClasses ledger;

    @BeforeAll
    static void importClasses() {
        ledger = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.servicequality.ledger");
    }

    @Test
    void commandSideDoesNotKnowTheQuerySide() {
        check(noClasses().that().resideInAPackage("org.servicequality.ledger.command..")
                .should().dependOnClassesThat().resideInAPackage("org.servicequality.ledger.query.."));
    }

    @Test
    void querySideDoesNotKnowTheCommandSide() {
        check(noClasses().that().resideInAPackage("org.servicequality.ledger.query..")
                .should().dependOnClassesThat().resideInAPackage("org.servicequality.ledger.command.."));
    }

    @Test
    void thePublishedLanguageDependsOnNeitherSideNorOnSpring() {
        check(noClasses().that().resideInAPackage("org.servicequality.ledger.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.servicequality.ledger.command..", "org.servicequality.ledger.query..",
                        "org.servicequality.ledger.ops..", "org.springframework.."));
    }

    @Test
    void onlyOpsAssemblesBothSides() {
        check(noClasses().that().resideOutsideOfPackage("org.servicequality.ledger.ops..")
                .should().dependOnClassesThat().resideInAPackage("org.servicequality.ledger.ops.."));
    }

    /**
     * Internals are aggregates, controllers, configurations and message handlers (projections, sagas, query
     * handlers). Other components may be public: they are the deliberate ports one feature offers another.
     */
    @Test
    void aggregatesControllersConfigurationsAndHandlersArePackagePrivate() {
        check(classes().that(resideInAnyPackage("org.servicequality.ledger.command..", "org.servicequality.ledger.query..")
                        .and(annotatedWith(Aggregate.class)
                                .or(metaAnnotatedWith(Controller.class))
                                .or(metaAnnotatedWith(Configuration.class))
                                .or(DECLARES_MESSAGE_HANDLERS)))
                .should().notHaveModifier(JavaModifier.PUBLIC));
    }

    private static final DescribedPredicate<JavaClass> DECLARES_MESSAGE_HANDLERS =
            new DescribedPredicate<>("declare message handlers") {
                @Override
                public boolean test(JavaClass javaClass) {
                    return javaClass.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(EventHandler.class)
                            || method.isAnnotatedWith(QueryHandler.class) || method.isAnnotatedWith(CommandHandler.class));
                }
            };

    @Test
    void messageHandlersArePackagePrivate() {
        check(methods().that().areAnnotatedWith(CommandHandler.class)
                .or().areAnnotatedWith(EventHandler.class)
                .or().areAnnotatedWith(QueryHandler.class)
                .should().notHaveModifier(JavaModifier.PUBLIC));
    }

    private static void check(ArchRule rule) {
        rule.check(ledger);
    }
}
