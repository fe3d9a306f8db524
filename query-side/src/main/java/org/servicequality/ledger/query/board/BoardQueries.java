package org.servicequality.ledger.query.board;

import org.axonframework.queryhandling.QueryHandler;
import org.servicequality.ledger.api.board.FindDepartmentBoard;
import org.servicequality.ledger.api.board.FindPublicBoard;
import org.servicequality.ledger.api.board.PublicBoard;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;

@Component
class BoardQueries {

    private final MongoTemplate mongo;
    private final Clock organisationClock;

    BoardQueries(MongoTemplate mongo, Clock organisationClock) {
        this.mongo = mongo;
        this.organisationClock = organisationClock;
    }

    @QueryHandler
    PublicBoard handle(FindPublicBoard query) {
        String thisMonth = thisMonth();
        var rows = mongo.find(new Query().with(Sort.by("_id")), DepartmentBoardEntry.class).stream()
                .map(entry -> row(entry, thisMonth))
                .toList();
        return new PublicBoard(thisMonth, rows);
    }

    @QueryHandler
    Optional<PublicBoard.DepartmentRow> handle(FindDepartmentBoard query) {
        return Optional.ofNullable(mongo.findById(query.departmentId(), DepartmentBoardEntry.class))
                .map(entry -> row(entry, thisMonth()));
    }

    private String thisMonth() {
        return YearMonth.now(organisationClock).toString();
    }

    private static PublicBoard.DepartmentRow row(DepartmentBoardEntry entry, String month) {
        return new PublicBoard.DepartmentRow(entry.getId(), entry.getNameZh(), entry.getNameEn(), entry.getKind(),
                counts(entry.month(month)), counts(entry.getTotal()));
    }

    private static PublicBoard.CaseCounts counts(DepartmentBoardEntry.Counts counts) {
        return new PublicBoard.CaseCounts(counts.filed, counts.replied, counts.resolved);
    }
}
