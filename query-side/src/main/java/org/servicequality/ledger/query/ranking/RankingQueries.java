package org.servicequality.ledger.query.ranking;

import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.axonframework.queryhandling.QueryHandler;
import org.servicequality.ledger.api.ranking.FindServiceStarRanking;
import org.servicequality.ledger.api.ranking.ServiceStarRanking;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers from two documents read by {@code _id}: the period's ranking and the department names. */
@Component
class RankingQueries {

    private final MongoTemplate mongo;

    RankingQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    ServiceStarRanking handle(FindServiceStarRanking query) {
        ServiceStarRankingDocument ranking = mongo.findOne(ReadModelDocument.byIdForAnswering(ServiceStarRankingDocument.id(query.period())), ServiceStarRankingDocument.class);
        RankedDepartments departments = Optional.ofNullable(mongo.findOne(ReadModelDocument.byIdForAnswering(RankedDepartments.ID), RankedDepartments.class))
                .orElseGet(RankedDepartments::new);
        List<ServiceStarRanking.Row> rows = new ArrayList<>();
        if (ranking != null) {
            for (RankedRow row : ranking.getRows()) {
                rows.add(row(rows.size() + 1, row, departments.of(row.getDepartmentId())));
            }
        }
        return new ServiceStarRanking(query.period().toString(), ServiceStarScoring.VERSION, rows);
    }

    private static ServiceStarRanking.Row row(int rank, RankedRow row, Optional<RankedDepartments.Name> department) {
        return new ServiceStarRanking.Row(rank, row.getEmployeeNumber(), row.getDepartmentId(),
                department.map(name -> name.nameZh).orElse(null),
                department.map(name -> name.nameEn).orElse(null),
                row.getRole() == null ? null : row.getRole().name(),
                row.getStar(),
                row.score(),
                new ServiceStarRanking.Components(
                        new ServiceStarRanking.Commendations(row.getCommendations(), row.commendationPoints()),
                        new ServiceStarRanking.Complaints(row.getSubstantiated(), row.getPartlySubstantiated(), row.complaintPoints()),
                        new ServiceStarRanking.Findings(row.getPositiveFindings(), row.getMinorFindings(), row.getMajorFindings(),
                                row.getSeriousFindings(), row.findingPoints()),
                        new ServiceStarRanking.Satisfaction(row.getFollowUps(), row.getSatisfactionTotal(), row.satisfactionPoints()),
                        new ServiceStarRanking.Criteria(row.getCriteria(), row.getCriteriaTotal(), row.criteriaPoints())));
    }
}
