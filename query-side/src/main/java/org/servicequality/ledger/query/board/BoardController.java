package org.servicequality.ledger.query.board;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.servicequality.ledger.api.board.FindDepartmentBoard;
import org.servicequality.ledger.api.board.FindPublicBoard;
import org.servicequality.ledger.api.board.PublicBoard;
import org.servicequality.ledger.query.asof.AsOfViews;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The public disclosure board, open to everyone without login: a web page per language, JSON and CSV.
 * Nothing here can show a complainant's personal data: the read model never holds it.
 */
@Controller
class BoardController {

    /** Column order of the board CSV; documented in docs/open-data.md. */
    static final String[] CSV_COLUMNS = {"department_id", "name_zh", "name_en", "kind", "period",
            "star_rating", "star_rating_period", "complaints", "service_contacts", "complaints_per_10k", "commendations",
            "reply_on_time_share", "resolution_share", "open_rectifications", "overdue_rectifications",
            "filed_this_month", "replied_this_month", "resolved_this_month", "filed_total", "replied_total", "resolved_total"};

    static final String[] RECTIFICATION_COLUMNS = {"department_id", "rectification_id", "source", "required_action",
            "due_date", "status", "overdue"};

    static final String[] FINDING_COLUMNS = {"department_id", "inspection_id", "method", "conducted_at", "circulated_at",
            "finding_id", "standard_clause", "severity", "points_deducted", "positive", "staff_roles",
            "praised_employee_numbers", "description", "department_reply", "appeal_outcome", "appeal_decision_reason"};

    private final AsOfViews views;
    private final Clock organisationClock;

    BoardController(AsOfViews views, Clock organisationClock) {
        this.views = views;
        this.organisationClock = organisationClock;
    }

    @GetMapping(path = "/api/board", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PublicBoard board(@RequestParam(required = false) String asOf) {
        return board(views.at(asOf));
    }

    @GetMapping(path = "/api/board/departments/{departmentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PublicBoard.DepartmentPage department(@PathVariable String departmentId, @RequestParam(required = false) String asOf) {
        return departmentOrNotFound(views.at(asOf), departmentId);
    }

    @GetMapping(path = "/api/board.csv", produces = "text/csv")
    ResponseEntity<String> boardCsv(@RequestParam(required = false) String asOf) throws IOException {
        PublicBoard board = board(views.at(asOf));
        return csv("board-" + board.period() + ".csv", CSV_COLUMNS, printer -> {
            for (PublicBoard.DepartmentRow row : board.departments()) {
                PublicBoard.MonthFigures figures = row.figures();
                printer.printRecord(row.departmentId(), row.nameZh(), row.nameEn(), row.kind(), board.period(),
                        row.starRating() == null ? null : row.starRating().stars(),
                        row.starRating() == null ? null : row.starRating().period(),
                        figures == null ? null : figures.complaints(),
                        figures == null ? null : figures.serviceContacts(),
                        figures == null ? null : figures.complaintsPer10k(),
                        figures == null ? null : figures.commendations(),
                        figures == null ? null : figures.replyOnTimeShare(),
                        figures == null ? null : figures.resolutionShare(),
                        row.openRectifications().size(),
                        row.openRectifications().stream().filter(PublicBoard.Rectification::overdue).count(),
                        row.thisMonth().filed(), row.thisMonth().replied(), row.thisMonth().resolved(),
                        row.total().filed(), row.total().replied(), row.total().resolved());
            }
        });
    }

    @GetMapping(path = "/api/board/rectifications.csv", produces = "text/csv")
    ResponseEntity<String> openRectificationsCsv(@RequestParam(required = false) String asOf) throws IOException {
        PublicBoard board = board(views.at(asOf));
        return csv("open-rectifications-" + board.period() + ".csv", RECTIFICATION_COLUMNS, printer -> {
            for (PublicBoard.DepartmentRow row : board.departments()) {
                for (PublicBoard.Rectification rectification : row.openRectifications()) {
                    printer.printRecord(row.departmentId(), rectification.rectificationId(), rectification.source(),
                            rectification.requiredAction(), rectification.dueDate(), rectification.status(), rectification.overdue());
                }
            }
        });
    }

    @GetMapping(path = "/api/board/departments/{departmentId}/findings.csv", produces = "text/csv")
    ResponseEntity<String> findingsCsv(@PathVariable String departmentId, @RequestParam(required = false) String asOf) throws IOException {
        PublicBoard.DepartmentPage page = departmentOrNotFound(views.at(asOf), departmentId);
        return csv("findings-" + departmentId + ".csv", FINDING_COLUMNS, printer -> {
            for (PublicBoard.Inspection inspection : page.inspections()) {
                for (PublicBoard.Finding finding : inspection.findings()) {
                    printer.printRecord(departmentId, inspection.inspectionId(), inspection.method(), inspection.conductedAt(),
                            inspection.circulatedAt(), finding.findingId(), finding.standardClause(), finding.severity(),
                            finding.pointsDeducted(), finding.positive(), String.join(";", finding.staffRoles()),
                            String.join(";", finding.praisedEmployeeNumbers()), finding.description(), finding.departmentReply(),
                            finding.appealOutcome(), finding.appealDecisionReason());
                }
            }
        });
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String page(@RequestParam(required = false) String asOf, Model model) {
        AsOfViews.ReadSide view = views.at(asOf);
        PublicBoard board = board(view);
        Map<String, TrendChart> charts = new LinkedHashMap<>();
        for (PublicBoard.DepartmentRow row : board.departments()) {
            charts.put(row.departmentId(), TrendChart.of(board.trendMonths(), row.trendComplaints(), row.trendCommendations()));
        }
        model.addAttribute("board", board);
        model.addAttribute("charts", charts);
        addAsOf(model, view);
        return "board";
    }

    @GetMapping(path = "/departments/{departmentId}", produces = MediaType.TEXT_HTML_VALUE)
    String departmentPage(@PathVariable String departmentId, @RequestParam(required = false) String asOf, Model model) {
        AsOfViews.ReadSide view = views.at(asOf);
        PublicBoard board = board(view);
        PublicBoard.DepartmentPage page = departmentOrNotFound(view, departmentId);
        model.addAttribute("page", page);
        model.addAttribute("department", page.department());
        model.addAttribute("period", board.period());
        model.addAttribute("chart", TrendChart.of(board.trendMonths(), page.department().trendComplaints(),
                page.department().trendCommendations()));
        addAsOf(model, view);
        return "department";
    }

    /**
     * A past view says so, and its pages link to the same instant; the picker shows the instant in the organisation's
     * time zone, which is how the browser sends it back.
     */
    private void addAsOf(Model model, AsOfViews.ReadSide view) {
        model.addAttribute("asOf", view.asOf());
        model.addAttribute("asOfLocal", view.asOfLocal());
        model.addAttribute("zone", organisationClock.getZone());
    }

    private static PublicBoard board(AsOfViews.ReadSide view) {
        return view.queries().query(new FindPublicBoard(), PublicBoard.class).join();
    }

    private static PublicBoard.DepartmentPage departmentOrNotFound(AsOfViews.ReadSide view, String departmentId) {
        return view.queries().query(new FindDepartmentBoard(departmentId), ResponseTypes.optionalInstanceOf(PublicBoard.DepartmentPage.class))
                .join()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No department '" + departmentId + "' on the board."));
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static ResponseEntity<String> csv(String fileName, String[] columns, Rows rows) throws IOException {
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setHeader(columns).get())) {
            rows.print(printer);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + Objects.requireNonNull(fileName) + "\"")
                .body(csv.toString());
    }
}
