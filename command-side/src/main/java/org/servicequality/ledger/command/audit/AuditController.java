package org.servicequality.ledger.command.audit;

import org.servicequality.ledger.api.audit.LedgerCheckpointRecorded;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Verification of the whole event store, and checkpoints on demand. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final EventStoreVerifier verifier;
    private final LedgerCheckpoints checkpoints;

    AuditController(EventStoreVerifier verifier, LedgerCheckpoints checkpoints) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
    }

    /** 200 with the report when the store is intact, 409 with the same report when anything is broken. */
    @GetMapping("/verification")
    ResponseEntity<EventStoreVerifier.Report> verify() {
        EventStoreVerifier.Report report = verifier.verify(eventsChecked -> { });
        return report.intact() ? ResponseEntity.ok(report) : ResponseEntity.status(409).body(report);
    }

    @PostMapping("/checkpoints")
    ResponseEntity<LedgerCheckpointRecorded> recordCheckpoint() {
        return checkpoints.record()
                .map(checkpoint -> ResponseEntity.status(201).body(checkpoint))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }
}
