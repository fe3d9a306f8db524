package org.servicequality.ledger.command.department;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.department.DepartmentRenamed;
import org.servicequality.ledger.api.department.DepartmentRetired;
import org.servicequality.ledger.api.department.PublishServiceCommitment;
import org.servicequality.ledger.api.department.PublishServicePhraseStandard;
import org.servicequality.ledger.api.department.RegisterDepartment;
import org.servicequality.ledger.api.department.RenameDepartment;
import org.servicequality.ledger.api.department.ReportServiceVolume;
import org.servicequality.ledger.api.department.RetireDepartment;
import org.servicequality.ledger.api.department.ServiceCommitmentPublished;
import org.servicequality.ledger.api.department.ServiceCommitmentWithdrawn;
import org.servicequality.ledger.api.department.ServicePhraseStandardPublished;
import org.servicequality.ledger.api.department.ServiceVolumeCorrected;
import org.servicequality.ledger.api.department.ServiceVolumeReported;
import org.servicequality.ledger.api.department.WithdrawServiceCommitment;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A department, unit or outlet where service is given (科室 / 部门 / 网点), with its public
 * commitments, its phrase standard and the service volume that rates are computed against.
 */
@Aggregate(cache = "aggregateCache")
class Department {

    /** More than this many standing promises stops being a readable public board entry. */
    static final int MAX_ACTIVE_COMMITMENTS = 50;
    static final int MAX_PHRASES_PER_LIST = 100;
    static final int MAX_PHRASE_LENGTH = 200;

    @AggregateIdentifier
    private String departmentId;
    private String nameZh;
    private String nameEn;
    private boolean retired;
    private final Set<String> activeCommitments = new HashSet<>();
    private final Set<String> withdrawnCommitments = new HashSet<>();
    private int phraseStandardVersion;
    private final Map<Period, Long> serviceVolumes = new HashMap<>();

    Department() {
        // for event sourcing
    }

    @CommandHandler
    Department(RegisterDepartment command, DepartmentDirectory departments) {
        if (departments.isRegistered(command.departmentId())) {
            throw CommandRejectedException.conflict("department.already-registered",
                    "A department with id '" + command.departmentId() + "' is already registered; ids are never reused.");
        }
        apply(new DepartmentRegistered(command.departmentId(), command.nameZh(), command.nameEn(), command.kind()));
    }

    @CommandHandler
    void handle(RenameDepartment command) {
        requireActive();
        if (command.nameZh().equals(nameZh) && command.nameEn().equals(nameEn)) {
            throw CommandRejectedException.conflict("department.name-unchanged",
                    "Department " + departmentId + " already has these names.");
        }
        apply(new DepartmentRenamed(departmentId, command.nameZh(), command.nameEn(), nameZh, nameEn, now()));
    }

    @CommandHandler
    void handle(RetireDepartment command) {
        requireActive();
        apply(new DepartmentRetired(departmentId, command.reason(), now()));
    }

    @CommandHandler
    void handle(PublishServiceCommitment command) {
        requireActive();
        if (activeCommitments.contains(command.commitmentId()) || withdrawnCommitments.contains(command.commitmentId())) {
            throw CommandRejectedException.conflict("department.commitment-id-in-use",
                    "Department " + departmentId + " already has a commitment with id '" + command.commitmentId() + "'.");
        }
        if (activeCommitments.size() >= MAX_ACTIVE_COMMITMENTS) {
            throw CommandRejectedException.conflict("department.too-many-commitments",
                    "Department " + departmentId + " already has " + MAX_ACTIVE_COMMITMENTS
                            + " standing commitments; withdraw one before publishing another.");
        }
        apply(new ServiceCommitmentPublished(departmentId, command.commitmentId(), command.textZh(), command.textEn(), now()));
    }

    @CommandHandler
    void handle(WithdrawServiceCommitment command) {
        requireActive();
        if (withdrawnCommitments.contains(command.commitmentId())) {
            throw CommandRejectedException.conflict("department.commitment-already-withdrawn",
                    "Commitment " + command.commitmentId() + " of department " + departmentId + " is already withdrawn.");
        }
        if (!activeCommitments.contains(command.commitmentId())) {
            throw CommandRejectedException.notFound("department.commitment-unknown", "commitmentId",
                    "Department " + departmentId + " has no commitment with id '" + command.commitmentId() + "'.");
        }
        apply(new ServiceCommitmentWithdrawn(departmentId, command.commitmentId(), now()));
    }

    @CommandHandler
    void handle(PublishServicePhraseStandard command) {
        requireActive();
        List<String> courteous = checkedPhrases(command.courteousPhrases(), "courteousPhrases");
        List<String> forbidden = checkedPhrases(command.forbiddenPhrases(), "forbiddenPhrases");
        if (courteous.isEmpty() && forbidden.isEmpty()) {
            throw CommandRejectedException.invalid("department.phrase-standard-empty", "courteousPhrases",
                    "A phrase standard needs at least one courteous or forbidden phrase.");
        }
        Set<String> courteousKeys = new HashSet<>();
        courteous.forEach(phrase -> courteousKeys.add(comparable(phrase)));
        for (int i = 0; i < forbidden.size(); i++) {
            if (courteousKeys.contains(comparable(forbidden.get(i)))) {
                throw CommandRejectedException.invalid("department.phrase-both-courteous-and-forbidden",
                        "forbiddenPhrases[" + i + "]",
                        "'" + forbidden.get(i) + "' cannot be both recommended and forbidden.");
            }
        }
        apply(new ServicePhraseStandardPublished(departmentId, phraseStandardVersion + 1, courteous, forbidden, now()));
    }

    /**
     * A second report for a period corrects the first and is recorded as {@link ServiceVolumeCorrected},
     * so an auditor sees that the denominator of a period's rates changed and from what. Reporting the
     * same figure again records nothing: it is how a retried upload behaves.
     */
    @CommandHandler
    void handle(ReportServiceVolume command) {
        requireActive();
        if (command.serviceContacts() < 0) {
            throw CommandRejectedException.invalid("department.service-volume-negative", "serviceContacts",
                    "The number of service contacts cannot be negative.");
        }
        // The latest calendar date anywhere on earth: a period that has not begun there has not begun for any organisation.
        LocalDate latestToday = LocalDate.ofInstant(now(), ZoneOffset.MAX);
        if (command.period().firstDay().isAfter(latestToday)) {
            throw CommandRejectedException.invalid("department.service-volume-period-not-begun", "period",
                    "Period " + command.period() + " has not begun; service volume is reported for past or current periods.");
        }
        Long previous = serviceVolumes.get(command.period());
        if (previous == null) {
            apply(new ServiceVolumeReported(departmentId, command.period(), command.serviceContacts(), now()));
        } else if (previous != command.serviceContacts()) {
            apply(new ServiceVolumeCorrected(departmentId, command.period(), command.serviceContacts(), previous, now()));
        }
    }

    private void requireActive() {
        if (retired) {
            throw CommandRejectedException.conflict("department.retired",
                    "Department " + departmentId + " is retired and takes no further commands.");
        }
    }

    private static List<String> checkedPhrases(List<String> phrases, String field) {
        if (phrases.size() > MAX_PHRASES_PER_LIST) {
            throw CommandRejectedException.invalid("department.too-many-phrases", field,
                    "A phrase list holds at most " + MAX_PHRASES_PER_LIST + " phrases, not " + phrases.size() + ".");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < phrases.size(); i++) {
            String phrase = phrases.get(i);
            String at = field + "[" + i + "]";
            if (phrase == null || phrase.isBlank()) {
                throw CommandRejectedException.invalid("department.phrase-blank", at, "A phrase cannot be blank.");
            }
            if (phrase.length() > MAX_PHRASE_LENGTH) {
                throw CommandRejectedException.invalid("department.phrase-too-long", at,
                        "A phrase has at most " + MAX_PHRASE_LENGTH + " characters.");
            }
            if (!seen.add(comparable(phrase))) {
                throw CommandRejectedException.invalid("department.phrase-duplicate", at,
                        "'" + phrase + "' appears more than once in " + field + ".");
            }
        }
        return phrases.stream().map(String::strip).toList();
    }

    /** Phrases that differ only in surrounding blanks or letter case are the same phrase. */
    private static String comparable(String phrase) {
        return phrase.strip().toLowerCase(Locale.ROOT);
    }

    private static java.time.Instant now() {
        return GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(DepartmentRegistered event) {
        departmentId = event.departmentId();
        nameZh = event.nameZh();
        nameEn = event.nameEn();
    }

    @EventSourcingHandler
    void on(DepartmentRenamed event) {
        nameZh = event.nameZh();
        nameEn = event.nameEn();
    }

    @EventSourcingHandler
    void on(DepartmentRetired event) {
        retired = true;
    }

    @EventSourcingHandler
    void on(ServiceCommitmentPublished event) {
        activeCommitments.add(event.commitmentId());
    }

    @EventSourcingHandler
    void on(ServiceCommitmentWithdrawn event) {
        activeCommitments.remove(event.commitmentId());
        withdrawnCommitments.add(event.commitmentId());
    }

    @EventSourcingHandler
    void on(ServicePhraseStandardPublished event) {
        phraseStandardVersion = event.version();
    }

    @EventSourcingHandler
    void on(ServiceVolumeReported event) {
        serviceVolumes.put(event.period(), event.serviceContacts());
    }

    @EventSourcingHandler
    void on(ServiceVolumeCorrected event) {
        serviceVolumes.put(event.period(), event.serviceContacts());
    }
}
