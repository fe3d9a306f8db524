package org.servicequality.ledger.query.board;

import org.axonframework.queryhandling.QueryHandler;
import org.servicequality.ledger.api.board.FindPublicBoard;
import org.servicequality.ledger.api.board.PublicBoard;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.YearMonth;

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
        String thisMonth = YearMonth.now(organisationClock).toString();
        var rows = mongo.find(new Query().with(Sort.by("_id")), DepartmentBoardEntry.class).stream()
                .map(entry -> new PublicBoard.DepartmentRow(entry.getId(), entry.getNameZh(), entry.getNameEn(),
                        entry.getKind(), counts(entry.month(thisMonth)), counts(entry.getTotal())))
                .toList();
        return new PublicBoard(thisMonth, rows);
    }

    private static PublicBoard.CaseCounts counts(DepartmentBoardEntry.Counts counts) {
        return new PublicBoard.CaseCounts(counts.filed, counts.replied, counts.resolved);
    }
}
