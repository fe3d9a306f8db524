package org.servicequality.ledger.query.scorecard;

import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.axonframework.queryhandling.QueryHandler;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.scorecard.DepartmentScorecard;
import org.servicequality.ledger.api.scorecard.FindDepartmentScorecard;
import org.servicequality.ledger.api.scorecard.FindMonthlyTrend;
import org.servicequality.ledger.api.scorecard.FindScorecards;
import org.servicequality.ledger.api.scorecard.MonthlyTrend;
import org.servicequality.ledger.api.scorecard.Scorecards;
import org.servicequality.ledger.api.scorecard.ScorecardsAndTrend;
import org.servicequality.ledger.api.scorecard.FindScorecardsAndTrend;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Scorecards summed from the department-month documents, which are read by {@code _id} only. */
@Component
class ScorecardQueries {

    private final MongoTemplate mongo;

    ScorecardQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Complaints and suggestions past their reply deadline with no reply yet (not withdrawn, not marked invalid), for
     * the metrics. It filters on fields the embedded MongoDB does not index, so the caller keeps the answer a while.
     */
    long overdueReplies(Instant now) {
        return mongo.count(query(where("firstReplyEventId").is(null)
                .and("withdrawalEventId").is(null)
                .and("invalidationEventId").is(null)
                .and("replyDueByEpochSecond").lt(now.getEpochSecond())), ComplaintCase.class);
    }

    @QueryHandler
    Optional<DepartmentScorecard> handle(FindDepartmentScorecard query) {
        return Optional.ofNullable(mongo.findOne(ReadModelDocument.byIdForAnswering(query.departmentId()), ScorecardDepartment.class))
                .map(List::of)
                .map(department -> scorecards(department, query.period(), load(scorecardMonthIds(department, query.period()))).get(0));
    }

    @QueryHandler
    Scorecards handle(FindScorecards query) {
        List<ScorecardDepartment> departments = departments(null);
        return new Scorecards(query.period().toString(), ScorecardCalculation.VERSION,
                scorecards(departments, query.period(), load(scorecardMonthIds(departments, query.period()))));
    }

    @QueryHandler
    MonthlyTrend handle(FindMonthlyTrend query) {
        List<String> months = monthsEndingWith(query.lastMonth(), query.months());
        List<ScorecardDepartment> departments = departments(query.departmentId());
        return trend(months, departments, load(trendMonthIds(departments, months)));
    }

    /** The departments and their stored months are read once for both answers: one {@code $in} instead of two. */
    @QueryHandler
    ScorecardsAndTrend handle(FindScorecardsAndTrend query) {
        Period month = Period.month(query.month());
        List<String> months = monthsEndingWith(query.month(), query.trendMonths());
        List<ScorecardDepartment> departments = departments(query.departmentId());
        Set<String> ids = new LinkedHashSet<>(trendMonthIds(departments, months));
        ids.addAll(scorecardMonthIds(departments, month));
        Map<String, DepartmentMonth> stored = load(ids);
        return new ScorecardsAndTrend(
                new Scorecards(month.toString(), ScorecardCalculation.VERSION, scorecards(departments, month, stored)),
                trend(months, departments, stored));
    }

    /** Every department ordered by id when {@code departmentId} is {@code null}, else that one if it exists. */
    private List<ScorecardDepartment> departments(String departmentId) {
        return departmentId == null
                ? mongo.find(ReadModelDocument.forAnswering(new Query().with(Sort.by("_id"))), ScorecardDepartment.class)
                : Optional.ofNullable(mongo.findOne(ReadModelDocument.byIdForAnswering(departmentId), ScorecardDepartment.class)).stream().toList();
    }

    private static List<String> monthsEndingWith(YearMonth lastMonth, int count) {
        List<String> months = new ArrayList<>();
        for (int back = count - 1; back >= 0; back--) {
            months.add(lastMonth.minusMonths(back).toString());
        }
        return months;
    }

    private static List<String> trendMonthIds(List<ScorecardDepartment> departments, List<String> months) {
        return departments.stream()
                .flatMap(department -> months.stream().map(month -> DepartmentMonth.idOf(department.getId(), month)))
                .toList();
    }

    private static MonthlyTrend trend(List<String> months, List<ScorecardDepartment> departments, Map<String, DepartmentMonth> stored) {
        return new MonthlyTrend(months, departments.stream().map(department -> {
            List<MonthFigures> figures = months.stream()
                    .map(month -> figuresOf(stored.get(DepartmentMonth.idOf(department.getId(), month))))
                    .toList();
            return new MonthlyTrend.DepartmentTrend(department.getId(),
                    figures.stream().map(f -> f.complaints).toList(),
                    figures.stream().map(f -> f.commendations).toList());
        }).toList());
    }

    /** The stored months a scorecard of the period is summed from: the period's and those of a year earlier. */
    private static List<String> scorecardMonthIds(List<ScorecardDepartment> departments, Period period) {
        Period earlier = period.yearEarlier();
        List<String> ids = new ArrayList<>();
        for (ScorecardDepartment department : departments) {
            ids.addAll(monthIds(department.getId(), period));
            ids.addAll(monthIds(department.getId(), earlier));
        }
        return ids;
    }

    private List<DepartmentScorecard> scorecards(List<ScorecardDepartment> departments, Period period, Map<String, DepartmentMonth> months) {
        Period earlier = period.yearEarlier();
        return departments.stream()
                .map(department -> ScorecardCalculation.scorecard(input(department, period, months), input(department, earlier, months)))
                .toList();
    }

    private ScorecardCalculation.Input input(ScorecardDepartment department, Period period, Map<String, DepartmentMonth> stored) {
        MonthFigures sum = new MonthFigures();
        List<Long> monthlyContacts = new ArrayList<>();
        for (String id : monthIds(department.getId(), period)) {
            DepartmentMonth month = stored.get(id);
            sum.addAll(figuresOf(month));
            monthlyContacts.add(month == null ? null : month.serviceContacts);
        }
        return new ScorecardCalculation.Input(department.getId(), department.nameZh, department.nameEn, period.toString(),
                sum, serviceContacts(department.getId(), period, monthlyContacts));
    }

    /**
     * A month's own figure; for a quarter or year the figure reported for that period, else the sum of its
     * months when every month has one (a partial sum would understate the denominator and inflate rates).
     */
    private Long serviceContacts(String departmentId, Period period, List<Long> monthlyContacts) {
        if (period.kind() != Period.Kind.MONTH) {
            ReportedVolume reported = mongo.findOne(ReadModelDocument.byIdForAnswering(DepartmentMonth.idOf(departmentId, period.toString())), ReportedVolume.class);
            if (reported != null) {
                return reported.serviceContacts;
            }
        }
        return monthlyContacts.contains(null) ? null : monthlyContacts.stream().mapToLong(Long::longValue).sum();
    }

    private Map<String, DepartmentMonth> load(Collection<String> ids) {
        return mongo.find(ReadModelDocument.forAnswering(query(where("_id").in(ids))), DepartmentMonth.class).stream()
                .collect(Collectors.toMap(DepartmentMonth::getId, Function.identity()));
    }

    private static MonthFigures figuresOf(DepartmentMonth month) {
        return month == null ? new MonthFigures() : month.figures;
    }

    private static List<String> monthIds(String departmentId, Period period) {
        List<String> ids = new ArrayList<>();
        for (YearMonth month = YearMonth.from(period.firstDay()); month.isBefore(YearMonth.from(period.endExclusive())); month = month.plusMonths(1)) {
            ids.add(DepartmentMonth.idOf(departmentId, month.toString()));
        }
        return ids;
    }
}
