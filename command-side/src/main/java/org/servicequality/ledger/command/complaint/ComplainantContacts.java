package org.servicequality.ledger.command.complaint;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.servicequality.ledger.api.complaint.ComplainantPersonalDataErased;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.command.personaldata.ContactReading;
import org.servicequality.ledger.command.personaldata.PersonalDataProtector;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The complainant's contact of a case, decrypted, for the command side's own handlers (for example to
 * tell the submitter about the reply). The erasure event is authoritative: once it is recorded the
 * contact reads as erased even if destroying the key after the commit had not happened yet.
 */
@Component
public class ComplainantContacts {

    private final EventStore eventStore;
    private final PersonalDataProtector personalData;

    ComplainantContacts(EventStore eventStore, PersonalDataProtector personalData) {
        this.eventStore = eventStore;
        this.personalData = personalData;
    }

    /**
     * @return empty when the complaint does not exist or was filed without contact; otherwise the contact
     * or {@link ContactReading#ERASED}
     */
    public Optional<ContactReading> contactOf(String complaintId) {
        DomainEventStream events = eventStore.readEvents(complaintId);
        ComplaintFiled filed = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof ComplaintFiled complaintFiled) {
                filed = complaintFiled;
            } else if (event.getPayload() instanceof ComplainantPersonalDataErased) {
                return Optional.of(ContactReading.ERASED);
            }
        }
        if (filed == null || filed.complainantContact() == null) {
            return Optional.empty();
        }
        return Optional.of(personalData.read(filed.complainantContact()));
    }
}
