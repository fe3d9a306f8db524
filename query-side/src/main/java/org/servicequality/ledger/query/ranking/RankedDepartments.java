package org.servicequality.ledger.query.ranking;

import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.servicequality.ledger.query.projection.ReadModelOf;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The departments' current names, in one small document the ranking query reads with the ranking. */
@ReadModelOf(RankingProjection.PROCESSING_GROUP)
@Document("ranking_departments")
class RankedDepartments extends ReadModelDocument {

    static final String ID = "departments";

    private List<Name> names = new ArrayList<>();

    RankedDepartments() {
        super(ID);
    }

    void named(String departmentId, String nameZh, String nameEn) {
        names.removeIf(name -> name.departmentId.equals(departmentId));
        names.add(new Name(departmentId, nameZh, nameEn));
    }

    Optional<Name> of(String departmentId) {
        return names.stream().filter(name -> name.departmentId.equals(departmentId)).findFirst();
    }

    static class Name {
        String departmentId;
        String nameZh;
        String nameEn;

        Name() {
        }

        Name(String departmentId, String nameZh, String nameEn) {
            this.departmentId = departmentId;
            this.nameZh = nameZh;
            this.nameEn = nameEn;
        }
    }
}
